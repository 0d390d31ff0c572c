"""The portal items' fixtures are what scripts/portal_fixtures.py writes: each says so in its first
line, none is edited by hand, none is left over from a case the script no longer writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "portal_fixtures.py"
ROOT = Path(__file__).parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("portal_fixtures_script", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_portal_fixtures_are_what_the_script_writes() -> None:
    script = _script()
    written = script.render()
    assert len(written) > 100 and all(text.startswith(script.STAMP) for text in written.values())
    differ = [name for name, text in written.items() if (ROOT / name).read_text(encoding="utf-8") != text]
    assert not differ, f"edited by hand or stale, run python scripts/portal_fixtures.py: {differ[:5]}"
    stamped = {
        str(p.relative_to(ROOT))
        for p in ROOT.glob("*/*.yaml")
        if p.read_text(encoding="utf-8").startswith(script.STAMP)
    }
    assert stamped == set(written), f"stamped but no longer written: {sorted(stamped - set(written))[:5]}"


def test_check_mode_notices_a_hand_edit_and_a_leftover(tmp_path: Path) -> None:
    script = _script()
    some = dict(list(script.render().items())[:3])
    script.render = lambda: dict(some)  # three cases are enough to show the bookkeeping
    script.ROOT = tmp_path
    assert script.main([]) == 0 and script.main(["--check"]) == 0
    name, text = next(iter(some.items()))
    (tmp_path / name).write_text(text.replace("status: pass", "status: fail"), encoding="utf-8")
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0 and script.main(["--check"]) == 0
    leftover = tmp_path / "T1-1" / "gone.yaml"
    leftover.write_text(script.STAMP + "expect: []\n", encoding="utf-8")
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0 and not leftover.exists()
