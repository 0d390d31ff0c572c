"""Importing this module registers every check (each module registers its own on import)."""

from __future__ import annotations

import importlib
import pkgutil

import checks

_SKIP = {"base", "items", "registry", "gather", "vocabulary", "dates", "text"}

for _module in pkgutil.walk_packages(checks.__path__, prefix="checks."):
    if _module.name.rsplit(".", 1)[-1] not in _SKIP and not _module.ispkg:
        importlib.import_module(_module.name)
