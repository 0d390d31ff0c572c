"""Where the accessibility engine (axe-core, npm, MPL-2.0) is found.

axe-core is JavaScript, not a Python package, and its code is not kept in this repository. An
installed ashyq gets it once per user with ``ashyq setup-browser`` (npm, into the data folder below);
a checkout gets it from ``make setup`` (``node_modules`` beside the source). Looked for, first match:

1. ``$ASHYQ_AXE``: an ``axe.min.js`` file;
2. the data folder: ``$ASHYQ_DATA``, else ``$XDG_DATA_HOME/ashyq``, else ``~/.local/share/ashyq``,
   at ``axe-core/node_modules/axe-core/axe.min.js``;
3. ``node_modules/axe-core/axe.min.js`` beside the source tree (an editable checkout).

The measurements record the version axe reports, so a result always says which engine judged it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_VARIABLE = "ASHYQ_AXE"
DATA_VARIABLE = "ASHYQ_DATA"
_HEADER_VERSION = re.compile(rb"axe v(\d+\.\d+\.\d+)")


class AxeMissing(RuntimeError):
    """No axe-core: the accessibility items that need it are not assessed, with this message."""


def data_folder() -> Path:
    """The per-user folder ashyq keeps downloaded tools in."""
    if os.environ.get(DATA_VARIABLE):
        return Path(os.environ[DATA_VARIABLE]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "ashyq"


def install_prefix() -> Path:
    """Where ``ashyq setup-browser`` installs axe-core (an npm prefix)."""
    return data_folder() / "axe-core"


def checkout_copy() -> Path:
    return Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def candidates() -> list[Path]:
    found = [Path(os.environ[AXE_VARIABLE]).expanduser()] if os.environ.get(AXE_VARIABLE) else []
    return [*found, install_prefix() / "node_modules" / "axe-core" / "axe.min.js", checkout_copy()]


def version_of(script: Path) -> str | None:
    """The version an ``axe.min.js`` declares (its package.json, else the banner of the file)."""
    package = script.with_name("package.json")
    try:
        if package.is_file():
            return str(json.loads(package.read_text(encoding="utf-8"))["version"])
        with script.open("rb") as handle:
            found = _HEADER_VERSION.search(handle.read(512))
        return found.group(1).decode() if found else None
    except (OSError, ValueError, KeyError):
        return None


def axe_script() -> Path:
    """The axe-core script to inject, or :class:`AxeMissing` saying how to get one."""
    named = os.environ.get(AXE_VARIABLE)
    if named and not Path(named).expanduser().is_file():
        raise AxeMissing(f"${AXE_VARIABLE} names {named}, which is not a file")
    for path in candidates():
        if path.is_file():
            return path
    raise AxeMissing(
        f"axe-core is not installed: run `ashyq setup-browser` (installs axe-core {AXE_VERSION} from npm into "
        f"{install_prefix()}), or set ${AXE_VARIABLE} to an axe.min.js"
    )
