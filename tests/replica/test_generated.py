"""Generated bodies (``ashyq world serve --bodies N``): deterministic, served, in a valid registry, with
their template's defects stated for them in the ground truth."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
import yaml
from ashyq_replica.core import BODIES, World, template_of
from ashyq_replica.generated import generated_bodies, registry_of, world_with_generated
from ashyq_replica.server import start_world
from ashyq_replica.truth import all_defects, inventory
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.store.bodies import load_registry


def test_the_same_count_gives_the_same_bodies_most_on_govkz() -> None:
    bodies = generated_bodies(20)
    assert bodies == generated_bodies(20)
    assert generated_bodies(25)[: len(bodies)] == bodies  # more bodies only add
    assessed = [b for b in bodies if b.kind != "subordinate"]
    own_sites = [b for b in bodies if b.kind == "subordinate"]
    assert len(assessed) == 20 and all(b.site == "govkz" for b in assessed)
    assert len(own_sites) == 8 and all(b.site == "classic" and b.parent for b in own_sites)
    hosts = [b.classic_host for b in own_sites]
    assert len(set(hosts)) == len(hosts)  # each on a host of its own
    ids = {b.id for b in bodies} | {b.id for b in BODIES}
    assert len(ids) == len(bodies) + len(BODIES)
    assert {template_of(b.id) for b in bodies} <= {b.id for b in BODIES}
    assert template_of("karaganda") == "karaganda"
    with pytest.raises(ValueError):
        generated_bodies(-1)


def test_ground_truth_states_the_templates_defects_for_each_generated_body() -> None:
    world = world_with_generated(World(), 5)
    defects = all_defects(world)
    own = {(d.item, d.lang) for d in defects if d.body == "karaganda"}
    copied = [d for d in defects if d.body == "karaganda-g0001"]
    assert copied and {(d.item, d.lang) for d in copied} <= own
    assert all("/karaganda-g0001" in d.where for d in copied if "gov.kz" in d.where)
    subordinate = [d for d in defects if d.body == "zqai-g0005"]
    assert subordinate and all("zqai.kz" not in d.where for d in subordinate)
    bodies = inventory(world)["bodies"]
    assert bodies["zqai-g0005"]["host"] == "org2-0005.example.kz"
    assert bodies["karaganda-g0001"]["langs"]["ru"]["pages"] == bodies["karaganda"]["langs"]["ru"]["pages"]
    # the world's own bodies keep their truth
    assert [d for d in defects if template_of(d.body) == d.body] == all_defects(World())


def test_the_registry_loads_and_every_site_is_served(tmp_path: Path) -> None:
    world = world_with_generated(World(), 5)
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump(registry_of(world), allow_unicode=True), encoding="utf-8")
    registry = load_registry(path)
    assert [b.id for b in registry.subordinates("enbek-g0005")] == ["enbek-center-g0005", "zqai-g0005"]
    with start_world(world) as running:
        for body in registry.bodies:
            site = body.sites[0]
            base = "https://www.gov.kz" if "www.gov.kz" in site else site
            served = running.urls[base] + site.removeprefix(base)
            answer = requests.get(served + ("?lang=ru" if base == "https://www.gov.kz" else "/"), timeout=10)
            assert answer.status_code == 200, site


def test_world_serve_and_truth_take_bodies(tmp_path: Path) -> None:
    runner = CliRunner()
    truth = runner.invoke(app, ["world", "truth", "--bodies", "3"])
    assert truth.exit_code == 0, truth.output
    assert "body: astana-g0002" in truth.output
    refused = runner.invoke(app, ["world", "serve", "--bodies", "-1"])
    assert refused.exit_code == 2


def test_a_world_with_generated_bodies_leaves_the_plain_worlds_content_alone() -> None:
    """Two worlds served by one process (a test session's shared world and a test's own world with
    generated bodies) share the content caches only where their content is the same: the plain world
    lists its own documents, not the other world's extra bodies' (their ids repeat the templates')."""
    api = "/api/v1/public/content-manager/documents"

    def listed(base: str, query: str) -> list[tuple[int, str]]:
        answer = requests.get(f"{base}{api}?{query}&size=1000", headers={"Accept-Language": "ru"}, timeout=10)
        assert answer.status_code == 200, query
        return [(d["id"], d["title"]) for d in answer.json()]

    with start_world(world_with_generated(World(), 5)) as bigger:  # its content is built first
        crowded = listed(bigger.urls["https://www.gov.kz"], "projects=contains:adil")
    with start_world(World()) as plain:
        base = plain.urls["https://www.gov.kz"]
        own = listed(base, "projects=eq:adilet")
        assert listed(base, "projects=contains:adil") == own == listed(base, "projects=adilet")
        assert len(own) == 28 and len(crowded) > len(own)  # the bigger world really lists more
