"""``ashyq bodies sync`` against the replica's www.gov.kz: the registry it proposes equals the world's
truth (bodies, categories, kinds, evaluated or monitored, parents, subordinates) from each of the three
sources, a second sync after the reorganisation shows exactly its changes, and nothing is written over
a registry without --apply."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from ashyq_replica.core import World
from ashyq_replica.govkz import entities
from ashyq_replica.server import start_world
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import BODIES_DIR
from ashyq.store.bodies import Registry, load_registry
from ashyq.store.entity_rules import classify

AFTER = date(2027, 2, 1)
runner = CliRunner()


@pytest.fixture(scope="module")
def served() -> Iterator[dict[str, str]]:
    with start_world(World()) as running:
        yield dict(running.urls)


def sync(urls: dict[str, str], target: Path, *extra: str) -> Any:
    result = runner.invoke(
        app,
        ["bodies", "sync", "--to", str(target), "--replica-map", json.dumps(urls), "--out", str(target.parent / "out"),
         *extra],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def assert_equals_truth(registry: Registry, world: World) -> None:
    truth = entities.truth(world)
    got = {b.id: b for b in registry.bodies}
    assert set(got) == set(truth)
    for body_id, expected in truth.items():
        body = got[body_id]
        assert (body.category, body.kind, body.evaluated, body.parent) == (
            expected["category"], expected["kind"], expected["evaluated"], expected["parent"]
        ), body_id  # fmt: skip
        assert (body.names.kk, body.names.ru) == (expected["names"]["kk"], expected["names"]["ru"]), body_id
        assert body.sites == [expected["site"]] and body.ids.govkz_slug == expected["govkz_slug"], body_id
    for parent in {t["parent"] for t in truth.values() if t["parent"]}:
        expected_children = sorted(i for i, t in truth.items() if t["parent"] == parent)
        assert sorted(b.id for b in registry.children(parent)) == expected_children, parent


def test_a_first_sync_proposes_the_worlds_truth_and_writes_nothing_else(served: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "registry" / "kz-govkz.yaml"
    result = sync(served, target)
    assert not target.exists(), "a sync without --apply never writes the registry"
    proposal = load_registry(target.with_name("kz-govkz.proposed.yaml"))
    assert_equals_truth(proposal, World())
    assert len(proposal.bodies) >= 300
    assert "from graphql" in result.output and "308 added, 0 removed, 0 renamed, 0 changed" in result.output
    diff = json.loads(target.with_name("kz-govkz.diff.json").read_text(encoding="utf-8"))
    assert diff["source"] == "graphql" and len(diff["added"]) == 308 and not diff["removed"]
    # every answer the sync read is archived
    assert list((tmp_path / "registry" / "out" / "runs").glob("sync-*/warc/govkz-entities.warc.gz"))
    # criterion 7: the world's CGOs get their subordinate organisations, committees are not among them
    assert sorted(b.id for b in proposal.subordinates("enbek")) == ["enbek-gfss", "iac-enbek"]
    assert proposal.get("kgit").parent == "enbek" and not proposal.get("kgit").evaluated
    assert sorted(b.id for b in proposal.subordinates("adilet")) == ["adilet-kazpatent", "zqai"]


def test_a_second_sync_after_the_reorganisation_shows_exactly_its_changes(tmp_path: Path) -> None:
    target = tmp_path / "kz-govkz.yaml"
    with start_world(World()) as before:
        sync(dict(before.urls), target, "--apply")
    first = target.read_text(encoding="utf-8")
    assert_equals_truth(load_registry(target), World())
    after_world = World(as_of=AFTER)
    with start_world(after_world) as after:
        result = sync(dict(after.urls), target, "--json")
    assert target.read_text(encoding="utf-8") == first, "the registry is left as it was until --apply"
    shown = json.loads(result.output[: result.output.rindex("}") + 1])
    expected = entities.changes(World(), after_world)
    assert sorted(shown["added"]) == expected["added"] == ["atom"]
    assert sorted(shown["removed"]) == expected["removed"]
    assert sorted(shown["renamed"]) == expected["renamed"]
    assert set(shown["changed"]) == {"competition"}  # a new slug: same entity, same registry id
    assert shown["changed"]["competition"]["govkz_slug"] == {"before": "competition", "after": "zqdqa"}
    proposal = load_registry(target.with_name("kz-govkz.proposed.yaml"))
    truth = entities.truth(after_world)
    # the moved entity keeps its id; apart from that the proposal is the new truth
    assert {b.id for b in proposal.bodies} == (set(truth) - {"zqdqa"}) | {"competition"}
    assert proposal.get("competition").ids.govkz_slug == "zqdqa"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("outages", "source"),
    [(frozenset({"graphql"}), "content-api"), (frozenset({"graphql", "entities-api"}), "directory-page")],
)
def test_the_fallback_sources_give_the_same_registry(tmp_path: Path, outages: frozenset[str], source: str) -> None:
    world = World(outages=outages)
    with start_world(world) as running:
        result = sync(dict(running.urls), tmp_path / "kz.yaml")
    assert f"from {source}" in result.output and "graphql projectdetails: HTTP 503" in result.output
    assert_equals_truth(load_registry(tmp_path / "kz.proposed.yaml"), World())


def test_a_sync_over_a_registry_entered_by_hand_keeps_its_ids_and_identifiers(
    served: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "demo-copy.yaml"
    raw = yaml.safe_load((BODIES_DIR / "demo.yaml").read_text(encoding="utf-8"))
    target.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = sync(served, target)
    proposal = load_registry(target.with_name("demo-copy.proposed.yaml"))
    center = proposal.get("enbek-center")  # matched by its site, iac.enbek.kz: the hand-given id stays
    assert center.ids.data_gov_agency_id == "AGY-ENBEK-CENTER-0201" and center.parent == "enbek"
    assert proposal.get("enbek").ids.dialog_blog_id == 32777 and proposal.get("adilet").tags == ["justice"]
    kostanay = proposal.get("kostanay")  # not on the platform in this world: kept as entered
    assert kostanay.sites == ["https://www.kostanay.gov.kz/"] and kostanay.origin == "manual"
    assert "= kept" in result.output and "kostanay" in result.output
    assert "- removed" not in result.output


def test_apply_refuses_the_shipped_registries(served: dict[str, str]) -> None:
    result = runner.invoke(app, ["bodies", "sync", "--registry", "kz", "--replica-map", json.dumps(served)])
    assert result.exit_code == 2 and "--to FILE" in result.output


def test_the_real_site_needs_a_contact(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bodies", "sync", "--to", str(tmp_path / "kz.yaml")])
    assert result.exit_code == 2 and "contact" in result.output


@pytest.mark.parametrize(
    ("ru", "kk", "category"),
    [
        ("Министерство финансов Республики Казахстан", "", "ministry"),
        ("", "Қазақстан Республикасының Қаржы министрлігі", "ministry"),
        ("Агентство Республики Казахстан по финансовому мониторингу", "", "agency"),
        ("Акимат Западно-Казахстанской области", "", "regional_akimat"),
        ("Акимат области Ұлытау", "", "regional_akimat"),
        ("Акимат города Шымкента", "", "regional_akimat"),
        ("", "Батыс Қазақстан облысының әкімдігі", "regional_akimat"),
        ("Акимат города Актау", "", "district_akimat"),
        ("Аппарат акима Медеуского района города Алматы", "", "district_akimat"),
        ("Акимат Бурабайского района Акмолинской области", "", "district_akimat"),
        ("", "Ақмола облысы Бурабай ауданының әкімдігі", "district_akimat"),
        ("РГП на ПХВ «Казгидромет»", "", "subordinate"),
        ("АО «KEGOC»", "", "subordinate"),
        ("", "«Қазгидромет» ШЖҚ РМК", "subordinate"),
        ("Управление культуры акимата Костанайской области", "", "subordinate"),
        ("Комитет государственных доходов Министерства финансов Республики Казахстан", "", "other"),
        ("Генеральная прокуратура Республики Казахстан", "", "other"),
        ("Национальный Банк Республики Казахстан", "", "other"),
    ],
)
def test_the_classification_rule(ru: str, kk: str, category: str) -> None:
    assert classify({"ru": ru, "kk": kk}) == category
