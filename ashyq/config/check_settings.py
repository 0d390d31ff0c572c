"""The checks' settings, ``ashyq/config/checks/<name>.yaml``: read once by the one loader
(:mod:`ashyq.config.loader`, kind ``check_settings``), validated against the file's schema
(:mod:`ashyq.config.schemas`), with a run's or a fixture's overrides laid over it by the loader's
one merge rule (:func:`ashyq.config.loader.merge`).

So ``{"deadlines": {"budget": {"audit_results": {"working_days": 10}}}}`` changes one term and keeps
its ``counted_from`` and source. The merged result is validated again, so an override cannot misspell
a key either.

Overrides come from ``BodyArtifacts.config[<name>]`` (``run_config`` here): the checks pass their
artifacts' configuration and the loader picks the file's entry.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import Any

from ashyq.config.loader import ConfigError, kind, merge, read, schema_of, validate

KIND = "check_settings"


@functools.cache
def _file(name: str) -> dict[str, Any]:
    return read(KIND, kind(KIND).named(name), where=f"ashyq/config/checks/{name}.yaml")


@functools.lru_cache(maxsize=64)
def _with_override(name: str, override_json: str) -> dict[str, Any]:
    override = json.loads(override_json)
    if not isinstance(override, dict):
        raise ConfigError([f"config[{name!r}]: a mapping of settings is expected, not {type(override).__name__}"])
    merged = merge(_file(name), override)
    validate(KIND, merged, f"ashyq/config/checks/{name}.yaml with config[{name!r}]", stem=name)
    return merged


def check_settings(name: str, run_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``ashyq/config/checks/<name>.yaml``, with ``run_config[name]`` (a run's or a fixture's overrides)
    merged over it. Raises :class:`ConfigError` when either does not match the file's schema."""
    schema_of(KIND, name)  # a name without a schema is refused before anything is read
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
