"""The one loader of ``ashyq/config/checks/<name>.yaml``: read once, validated against the file's schema
(:mod:`ashyq.config.schemas`), with a run's or a fixture's overrides laid over it by one rule.

The merge rule: an override's mapping is merged into the file's mapping key by key, recursively;
anything else (a list, a number, a text) replaces what the file says. So ``{"deadlines": {"budget":
{"audit_results": {"working_days": 10}}}}`` changes one term and keeps its ``counted_from`` and
source. The merged result is validated again, so an override cannot misspell a key either.

Overrides come from ``BodyArtifacts.config[<name>]`` (``run_config`` here): the checks pass their
artifacts' configuration and the loader picks the file's entry.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ashyq.base.strict_files import FileRefused, Limits, clipped, parse_yaml, read_bounded
from ashyq.config import CONFIG_DIR
from ashyq.config.schemas import SCHEMAS

CHECKS_DIR = CONFIG_DIR / "checks"
# the checks' settings: vocabularies and terms, read like any file handed in (docs/limits.md)
LIMITS = Limits(max_bytes=256 * 1024, max_depth=8, max_nodes=20_000, max_text=4_000)


class ConfigError(ValueError):
    """A configuration that does not match its schema: one line per problem, each with its place."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def merged(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` laid over ``base``: mappings merge key by key, anything else replaces."""
    out = dict(base)
    for key, value in override.items():
        current = out.get(key)
        out[key] = merged(current, value) if isinstance(value, Mapping) and isinstance(current, Mapping) else value
    return out


def _validated(name: str, data: object, origin: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ConfigError([f"{origin}: a mapping of settings is expected, not {type(data).__name__}"])
    try:
        SCHEMAS[name].model_validate(data)
    except ValidationError as error:
        raise ConfigError(
            [f"{origin}: {'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in error.errors()]
        ) from None
    return data


def read_settings(name: str, path: Path, where: str) -> dict[str, Any]:
    """A settings file of the checks named ``name``, read strictly (ashyq.base.strict_files: size,
    depth and value limits, no aliases or tags, UTF-8) and validated against its schema; every
    problem is a line naming ``where`` and its place, never a traceback."""
    try:
        data = parse_yaml(read_bounded(path, LIMITS, where), LIMITS, where)
    except FileRefused as refused:
        raise ConfigError(clipped(refused.lines())) from None
    return _validated(name, data, where)


@functools.cache
def _file(name: str) -> dict[str, Any]:
    return read_settings(name, CHECKS_DIR / f"{name}.yaml", f"ashyq/config/checks/{name}.yaml")


@functools.lru_cache(maxsize=64)
def _with_override(name: str, override_json: str) -> dict[str, Any]:
    override = json.loads(override_json)
    if not isinstance(override, dict):
        raise ConfigError([f"config[{name!r}]: a mapping of settings is expected, not {type(override).__name__}"])
    return _validated(name, merged(_file(name), override), f"ashyq/config/checks/{name}.yaml with config[{name!r}]")


def check_settings(name: str, run_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``ashyq/config/checks/<name>.yaml``, with ``run_config[name]`` (a run's or a fixture's overrides)
    merged over it. Raises :class:`ConfigError` when either does not match the file's schema."""
    if name not in SCHEMAS:
        raise ConfigError([f"no schema for ashyq/config/checks/{name}.yaml (known: {', '.join(sorted(SCHEMAS))})"])
    override = (run_config or {}).get(name)
    if not override:
        return _file(name)
    return _with_override(name, json.dumps(override, sort_keys=True, ensure_ascii=False, default=str))


# ------------------------------------------------------------------------------ vocabularies
def labels(config: Mapping[str, Any], key: str) -> list[str]:
    """A label vocabulary (kk, ru and en words a visitor reads), e.g. ``labels(config, "feedback")``."""
    return list(config["labels"][key])


@functools.cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def pattern(config: Mapping[str, Any], key: str) -> re.Pattern[str]:
    """The configured patterns of ``key`` as one case-insensitive expression."""
    return _compiled(tuple(config["patterns"][key]))
