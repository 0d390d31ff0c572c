"""The one loader of the project's configuration: every kind of file it reads, where each is looked
for, how much one may hold, its schema, and one rule for laying one file over another.

:data:`KINDS` is the table (``docs/configuration.md`` prints it); :func:`read` reads a kind by name. A
file is read strictly (:mod:`ashyq.base.strict_files`: size, depth, value and node limits, no tags,
aliases only where a kind allows them, UTF-8) and then validated against its kind's schema; every
problem is a line naming the file and its place, never a traceback (:class:`ConfigError`).

A kind's schema lives here when this room owns it. The rooms above own three: the methodology
editions (``ashyq.methodology.edition:Edition``, checked for their arithmetic too), the body registries
(``ashyq.store.bodies:Registry``, checked for their consistency) and the crawl config
(``ashyq.net.crawl_config:CrawlConfig``, validated after the operator's settings are laid over it). For
those the table names the model, :func:`read` does the strict reading, and the owner validates, each
naming its problems its own way (the item, the body). The operator's model lives in
:mod:`ashyq.config.operator`, which passes it in.

The merge rule (:func:`merge`): mappings merge key by key, recursively; anything else - a list, a
number, a text - replaces what the base says. It lays a run's overrides over the checks' settings and
a vocabulary, a crawl config over the one it ``extends``, and the operator's budget over the crawl
config.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ashyq.base.strict_files import FileRefused, Limits, clipped, read_structured
from ashyq.config import schemas

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # ashyq/: the kinds' files are named from here
SUFFIXES = (".yaml", ".yml", ".json")

# A page of settings: what the checks' settings, the crawl config and the small lists hold.
SETTINGS_LIMITS = Limits(max_bytes=256 * 1024, max_depth=8, max_nodes=20_000, max_text=4_000)


class ConfigError(ValueError):
    """A configuration file that cannot be used: one line per problem, each naming the file and its place."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Kind:
    """One kind of configuration file.

    ``files``: the package's own files (globs under ``ashyq/``); a plain name is the kind's default
    file. ``variable``: an environment variable naming a file in place of the default; ``search``:
    further places looked in, first found wins (relative to the working folder). ``schema``: a model,
    models by file stem, or ``module:Name`` of the room above that owns and applies it."""

    name: str
    what: str
    files: tuple[str, ...]
    limits: Limits
    schema: type[BaseModel] | Mapping[str, type[BaseModel]] | str
    overrides: str = "none"  # how a run or the operator changes what the package's file says
    variable: str | None = None
    search: tuple[str, ...] = ()
    may_be_empty: bool = False  # an empty file reads as no settings
    may_be_absent: bool = False  # a default file that is not there reads as no settings
    extends: bool = False  # ``extends: <file beside it>`` starts from another file (by :func:`merge`)
    unknown_key: str | None = None  # how a key the schema does not know is refused, when said plainly

    def folder(self) -> Path:
        """Where the package keeps this kind's files (the operator's are the operator's own)."""
        if not self.files:
            raise ConfigError([f"the package has no {self.name} files"])
        return PACKAGE_DIR / Path(self.files[0]).parent

    def named(self, stem: str) -> Path:
        """The package's file of this kind called ``stem`` (``kz-2025``, ``dialog``, ``ru``)."""
        return self.folder() / f"{stem}{Path(self.files[0]).suffix}"

    def default(self) -> Path | None:
        """The kind's one default file, when it has one (not a folder of them)."""
        first = self.files[0] if self.files else "*"
        return None if "*" in first else PACKAGE_DIR / first


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "methodology",
            "a methodology edition: criteria, groups, items, weights and rules",
            ("config/methodology/*.yaml",),
            # a methodologist's file: anchors and aliases are allowed (the shipped editions share
            # exemption lists that way), counted expanded against the node budget, so a nested-alias
            # file is refused on the alias that crosses it (docs/limits.md)
            Limits(max_bytes=4 * 1024 * 1024, max_depth=24, max_nodes=400_000, max_text=16_000, aliases=True),
            "ashyq.methodology.edition:Edition",
            overrides="--edition NAME or a path; interpretation options change it after reading",
        ),
        Kind(
            "registry",
            "a body registry: who is audited and how each portal names them",
            ("config/bodies/*.yaml",),
            # a registry of every state body of the country holds a few thousand entries
            Limits(max_bytes=8 * 1024 * 1024, max_depth=8, max_nodes=400_000, max_text=4_000),
            "ashyq.store.bodies:Registry",
            overrides="--registry NAME or a path; registry: in ashyq.yaml",
        ),
        Kind(
            "check_settings",
            "the checks' settings: vocabularies of labels and patterns, terms, thresholds",
            ("config/checks/*.yaml",),
            SETTINGS_LIMITS,
            schemas.SCHEMAS,
            overrides="a run's or a fixture's config[<name>], merged over the file",
        ),
        Kind(
            "vocabulary",
            "the keyword vocabularies of the content checks (sections, indicators, shared phrases)",
            ("config/vocabulary/*.yaml",),
            # appendix16 shares sections between items through anchors
            Limits(max_bytes=1024 * 1024, max_depth=12, max_nodes=100_000, max_text=4_000, aliases=True),
            schemas.VOCABULARY_SCHEMAS,
            overrides="a run's or a fixture's config['vocabulary'][<item>], merged over the item's section",
        ),
        Kind(
            "body_tags",
            "the body tags the editions understand, and which may mark single indicators",
            ("config/body_tags.yaml",),
            SETTINGS_LIMITS,
            schemas.BodyTags,
        ),
        Kind(
            "portal_urls",
            "URL patterns of the portals that no public source confirms ([GUESS])",
            ("config/portal_urls.yaml",),
            SETTINGS_LIMITS,
            schemas.PortalUrls,
            may_be_empty=True,
            may_be_absent=True,
        ),
        Kind(
            "crawl",
            "the crawl policy: politeness, retries, answer sizes, robots.txt overrides",
            ("config/crawl.yaml", "config/crawl-*.yaml"),
            SETTINGS_LIMITS,
            "ashyq.net.crawl_config:CrawlConfig",
            overrides="the operator's contact and politeness budget (ashyq.yaml), laid over the file",
            variable="ASHYQ_CRAWL_CONFIG",
            may_be_empty=True,
            extends=True,
        ),
        Kind(
            "operator",
            "the operator's own settings: contact, store, output folder, registry, keys, budget",
            (),
            # a handful of settings: no aliases, no tags, shallow, short values (docs/limits.md)
            Limits(max_bytes=64 * 1024, max_depth=4, max_nodes=500, max_text=4_000),
            "ashyq.config.operator:OperatorConfig",
            overrides="--config FILE (passed on to child processes as ASHYQ_CONFIG)",
            variable="ASHYQ_CONFIG",
            search=("ashyq.yaml", "/etc/ashyq/ashyq.yaml"),
            may_be_empty=True,
            unknown_key="unknown setting",
        ),
        Kind(
            "chromium_policy",
            "Chromium's managed policy, installed as it is by `ashyq setup` (Chromium reads it, not ashyq)",
            ("config/chromium-policy.json",),
            SETTINGS_LIMITS,
            schemas.ChromiumPolicy,
        ),
    )
}


def kind(name: str) -> Kind:
    """The kind called ``name``; :class:`ConfigError` names the known ones otherwise."""
    try:
        return KINDS[name]
    except KeyError:
        raise ConfigError([f"no kind of configuration {name!r} (known: {', '.join(sorted(KINDS))})"]) from None


def locate(name: str, given: str | Path | None = None) -> Path | None:
    """Where a file of kind ``name`` is looked for, first match wins: ``given`` (a path, or the name
    of one of the package's files: ``kz-2025``), the kind's environment variable, its search places
    (the working folder's, then the system's), its default file. None when it has none."""
    of = kind(name)
    if given is not None:
        path = Path(given)
        if path.suffix in SUFFIXES or path.exists() or not of.files:
            return path
        return of.named(str(given))
    if of.variable and os.environ.get(of.variable):
        return Path(os.environ[of.variable]).expanduser()
    for place in of.search:
        candidate = Path(place) if Path(place).is_absolute() else Path.cwd() / place
        if candidate.is_file():
            return candidate
    return of.default()


def package_files(name: str) -> list[Path]:
    """The package's own files of kind ``name``."""
    return sorted({path for pattern in kind(name).files for path in PACKAGE_DIR.glob(pattern)})


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` laid over ``base``: mappings merge key by key, recursively; anything else (a list,
    a number, a text) replaces what ``base`` says. Neither argument is changed."""
    out = dict(base)
    for key, value in override.items():
        current = out.get(key)
        out[key] = merge(current, value) if isinstance(value, Mapping) and isinstance(current, Mapping) else value
    return out


def read(
    name: str, path: str | Path | None = None, *, where: str | None = None, schema: type[BaseModel] | None = None
) -> dict[str, Any]:
    """The mapping a file of kind ``name`` holds (found by :func:`locate` from ``path``), read within
    the kind's limits, its ``extends`` followed, and validated against the kind's schema (or
    ``schema``, for a kind whose model its owner passes in). Problems name ``where`` (default: the
    path) and their place; :class:`ConfigError` carries them."""
    of = kind(name)
    found = locate(name, path)
    if found is None or (of.may_be_absent and not found.exists()):
        return {}
    data = _read_mapping(of, found, where or str(found), set())
    validate(name, data, where or str(found), schema=schema, stem=found.stem)
    return data


def _read_mapping(of: Kind, path: Path, where: str, seen: set[Path]) -> dict[str, Any]:
    if path.resolve() in seen:
        raise ConfigError([f"{where}: 'extends' goes round in a circle"])
    try:
        data = read_structured(path, of.limits, where)
    except FileRefused as refused:
        raise ConfigError(clipped(refused.lines())) from None
    if data is None and of.may_be_empty:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError([f"{where}: a mapping of settings is expected, not {type(data).__name__}"])
    base_name = data.pop("extends", None) if of.extends else None
    if base_name is None:
        return data
    base = path.parent / str(base_name)
    return merge(_read_mapping(of, base, str(base), seen | {path.resolve()}), data)


def schema_of(name: str, stem: str | None = None) -> type[BaseModel] | str:
    """The model a file of kind ``name`` (called ``stem``) is validated against, or ``module:Name``
    of the room above that owns it."""
    of = kind(name)
    if isinstance(of.schema, Mapping):
        if stem is None or stem not in of.schema:
            known = ", ".join(sorted(of.schema))
            raise ConfigError([f"no schema for ashyq/{of.files[0].replace('*', str(stem))} (known: {known})"])
        return of.schema[stem]
    return of.schema


def validate(
    name: str, data: object, where: str, *, schema: type[BaseModel] | None = None, stem: str | None = None
) -> BaseModel | None:
    """``data`` checked against the schema of kind ``name`` (the file's own, by ``stem``, where the
    kind has one per file). A kind whose model a room above owns is validated here only when that
    model is passed in as ``schema`` (and it must be the one the table names)."""
    of = kind(name)
    model = schema_of(name, stem)
    if isinstance(model, str):
        if schema is None:
            return None
        if f"{schema.__module__}:{schema.__qualname__}" != model:
            raise ConfigError([f"{where}: a {name} file is validated against {model}, not {schema.__qualname__}"])
        model = schema
    if not isinstance(data, dict):
        raise ConfigError([f"{where}: a mapping of settings is expected, not {type(data).__name__}"])
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ConfigError(clipped([_problem(where, e, of.unknown_key) for e in error.errors()])) from None


def _problem(where: str, error: Any, unknown_key: str | None) -> str:
    place = ".".join(str(part) for part in error["loc"])
    message = unknown_key if unknown_key and error["type"] == "extra_forbidden" else error["msg"]
    if not place:  # a check of the whole file names its places itself
        return f"{where}: {str(message).removeprefix('Value error, ')}"
    return f"{where}: {place}: {message}"
