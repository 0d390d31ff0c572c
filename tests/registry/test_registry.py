"""Body registries: the shipped ones load, the demo one matches the replica world, bad ones are refused."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from ashyq_replica.core import BODIES
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import BODIES_DIR
from ashyq.store.bodies import RegistryError, load_registry, missing_identifiers

runner = CliRunner()


def test_shipped_registries_load() -> None:
    demo = load_registry("demo")
    kz = load_registry("kz")
    assert {b.kind for b in demo.bodies} == {"cgo", "mio", "subordinate"}
    assert len([b for b in kz.bodies if b.kind == "mio"]) == 21  # 17 regions, 3 cities of national status, Aktau
    assert kz.get("mod").tags == ["defence"]
    assert "ә" in kz.get("mam").names.kk or "Мәдениет" in kz.get("mam").names.kk


def test_demo_registry_is_the_replica_world() -> None:
    demo = load_registry("demo")
    assert [b.id for b in demo.bodies] == [b.id for b in BODIES]
    for world_body in BODIES:
        b = demo.get(world_body.id)
        assert (b.kind, b.parent, tuple(b.tags)) == (world_body.kind, world_body.parent, world_body.tags)
        assert (b.names.kk, b.names.ru) == (world_body.names.kk, world_body.names.ru)
        assert b.state_participation == world_body.state_participation, b.id
        for field in (
            "govkz_slug",
            "data_gov_agency_id",
            "legalacts_government_id",
            "budget_gov_agency_id",
            "dialog_blog_id",
        ):
            assert getattr(b.ids, field) == getattr(world_body.ids, field), (b.id, field)
        host = world_body.classic_host or "www.gov.kz"
        assert b.host == host


def test_unknown_identifiers_are_reported_not_invented() -> None:
    kz = load_registry("kz")
    missing = missing_identifiers(kz)
    assert missing["abai"][0] == "website"
    assert "legalacts_government_id" not in missing["enbek"]
    assert kz.get("enbek").ids.legalacts_government_id == 1733738
    assert all(b.ids.data_gov_agency_id is None for b in kz.bodies)  # no public source gives them


def _write(tmp_path: Path, mutate: Any) -> Path:
    raw = yaml.safe_load((BODIES_DIR / "demo.yaml").read_text(encoding="utf-8"))
    mutate(raw["bodies"])
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda bs: bs.append(copy.deepcopy(bs[0])), "enbek: id is used 2 times"),
        (lambda bs: bs[0].update(tags=["vip"]), "enbek: tags: Value error, unknown tag 'vip'"),
        (lambda bs: bs[1].update(sites=["ftp://x"]), "adilet: sites: Value error, 'ftp://x' is not an http(s) URL"),
        (lambda bs: bs[-1].pop("parent"), "zqai: an evaluated subordinate organisation needs a parent"),
        (lambda bs: bs[-1].update(parent="nobody"), "zqai: parent 'nobody' is not in the registry"),
        (lambda bs: bs[-1].update(parent="astana"), "subordinate organisations are evaluated for evaluated CGOs only"),
        (lambda bs: bs[2].update(kind="ministry"), "mod: kind: Input should be 'cgo', 'mio' or 'subordinate'"),
        (lambda bs: bs[3]["ids"].update(dialog_blog_id=32777), "dialog_blog_id 32777 is given to 2 bodies"),
        (lambda bs: bs[0]["names"].update(kk=" "), "enbek: names.kk: Value error, must not be empty"),
    ],
)
def test_bad_registries_are_refused(tmp_path: Path, mutate: Any, expected: str) -> None:
    path = _write(tmp_path, mutate)
    with pytest.raises(RegistryError) as e:
        load_registry(path)
    assert any(expected in p for p in e.value.problems), e.value.problems
    result = runner.invoke(app, ["bodies", "check", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_bodies_commands() -> None:
    listed = runner.invoke(app, ["bodies", "list", "demo", "--lang", "kk"], env={"COLUMNS": "250"})
    assert listed.exit_code == 0 and "Қорғаныс" in listed.output
    checked = runner.invoke(app, ["bodies", "check"])
    assert checked.exit_code == 0, checked.output
    assert "OK kz: 44 bodies" in checked.output and "abai: unknown website" in checked.output
