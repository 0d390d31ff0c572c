"""Importing this module registers every check (each check module registers its own on import)."""

from __future__ import annotations

import importlib
import pkgutil

import ashyq.checks

for _module in pkgutil.walk_packages(ashyq.checks.__path__, prefix="ashyq.checks."):
    if _module.name != __name__ and not _module.ispkg:
        importlib.import_module(_module.name)
