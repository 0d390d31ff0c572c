"""config/unified_list.yaml mirrors the replica world's Unified list (scripts/unified_list.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ashyq.checks.dataegov.records import UNIFIED_LIST, unified_list_for
from ashyq.replica.core import World
from ashyq.replica.portals.content.catalogue import unified_open_data_list
from ashyq.store.bodies import load_registry

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "unified_list.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("unified_list_script", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_file_is_what_the_script_writes() -> None:
    assert UNIFIED_LIST.read_text(encoding="utf-8") == _script().render(), "run python scripts/unified_list.py"


def test_demo_entries_equal_the_world() -> None:
    world_list = unified_open_data_list(World())
    for body_id, entries in world_list.items():
        stored = unified_list_for("demo", body_id)
        assert stored is not None, body_id
        assert [(e["code"], e["actualize_type"], e["api_uri"], e["name"]["ru"]) for e in stored] == [
            (e.code, e.actualize_type, e.api_uri, e.name.ru) for e in entries
        ]


def test_real_bodies_have_no_list_so_their_checks_are_not_assessed() -> None:
    for body in load_registry("kz").bodies:
        assert unified_list_for("kz", body.id) is None, body.id
