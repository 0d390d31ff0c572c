"""The body registry: who is audited, and how each portal names them.

A registry file (``ashyq/config/bodies/*.yaml``) lists bodies with their names in kk/ru/en, their kind,
website(s), the crosswalk of portal identifiers, exemption tags (``ashyq/config/body_tags.yaml``) and parent.
Identifiers that are not known are left empty — never guessed — and reported by
:func:`missing_identifiers`. A CGO's subordinate organisations are the bodies naming it as parent;
``no_subordinates: true`` states it has none. Without either its list is unknown, and Tables 8-11 are
not assessed for it (unknown is not none).

A bad file is refused whole with one line per problem (file, body, field, what is wrong). A registry
may be a file the operator was handed, so it is read within the loader's limits (docs/limits.md): YAML
without aliases or tags, bounded in size, nesting and count of bodies.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ashyq.base.strict_files import clipped
from ashyq.base.vocabulary import BodyKind
from ashyq.config import tag_problem
from ashyq.config.loader import ConfigError, locate, package_files, read

# What an entity is (``ashyq bodies sync`` sets it by the rule of docs/registry.md); the kind says
# how the methodology scores it, ``evaluated`` whether it is formally evaluated or monitored only.
Category = Literal["ministry", "agency", "regional_akimat", "district_akimat", "subordinate", "other"]
Origin = Literal["manual", "govkz", "subordinates_page"]

# A registry of every state body of the country holds a few thousand entries (the file's limits are
# the loader's, kind ``registry``).
MAX_BODIES = 10_000

IDENTIFIERS = ("govkz_slug", "data_gov_agency_id", "legalacts_government_id", "budget_gov_agency_id", "dialog_blog_id")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BodyNames(Strict):
    kk: str
    ru: str
    en: str | None = None

    @field_validator("kk", "ru")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty")
        return v


class Identifiers(Strict):
    """The crosswalk: each portal identifies a body its own way (reference/portals.md, section 9)."""

    govkz_slug: str | None = None
    data_gov_agency_id: str | None = None
    legalacts_government_id: int | None = None
    budget_gov_agency_id: int | None = None
    dialog_blog_id: int | None = None
    # the entity's id in www.gov.kz's own list (projectdetails): it survives a rename or a new slug
    govkz_entity_id: int | None = None


class Body(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: BodyKind
    names: BodyNames
    sites: list[str] = Field(default_factory=list)
    ids: Identifiers = Identifiers()
    tags: list[str] = Field(default_factory=list)
    parent: str | None = None
    category: Category | None = None
    # formally evaluated (a CGO or MIO of the methodology, or a CGO's subordinate organisation, which
    # counts in its parent's criterion 7); False: monitored only, never in the ranking
    evaluated: bool = True
    # where the body came from: entered by hand, or by `ashyq bodies sync` (then a later sync that no
    # longer finds it proposes its removal)
    origin: Origin = "manual"
    # a CGO the registry states has no subordinate organisation (Tables 8-11 then do not apply); a CGO
    # with no subordinate listed and without this statement has an unknown list (not assessed)
    no_subordinates: bool = False
    # a subordinate organisation's state participation in per cent (100: wholly state-owned, which
    # Table 11 of the 2025 text excludes: «за исключением лиц со стопроцентным участием государства»);
    # None: not stated
    state_participation: float | None = Field(default=None, ge=0, le=100)
    # where the identifiers come from, so a reviewer can re-check them
    sources: list[str] = Field(default_factory=list)

    @field_validator("sites")
    @classmethod
    def _urls(cls, sites: list[str]) -> list[str]:
        for url in sites:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{url!r} is not an http(s) URL")
        return sites

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        # the tags the editions' exemptions use (ashyq/config/body_tags.yaml): a misspelt tag is an exemption
        # that silently never applies
        problems = [p for p in map(tag_problem, tags) if p]
        if problems:
            raise ValueError("; ".join(problems))
        return tags

    @property
    def host(self) -> str | None:
        return urlsplit(self.sites[0]).hostname if self.sites else None


class Registry(Strict):
    name: str
    description: str = ""
    bodies: list[Body]

    def get(self, body_id: str) -> Body:
        for b in self.bodies:
            if b.id == body_id:
                return b
        raise KeyError(body_id)

    def children(self, body_id: str) -> list[Body]:
        return [b for b in self.bodies if b.parent == body_id]

    def subordinate_list(self, body_id: str) -> str:
        """``known`` when the registry lists the body's subordinate organisations or states it has
        none; ``unknown`` otherwise (unknown is not none)."""
        body = self.get(body_id)
        return "known" if body.no_subordinates or self.subordinates(body_id) else "unknown"

    def assessed(self) -> list[Body]:
        """The bodies that get a score of their own: evaluated CGOs and MIOs (subordinate organisations
        feed their parent; monitored bodies are audited on request only)."""
        return [b for b in self.bodies if b.kind in ("cgo", "mio") and b.evaluated]

    def monitored(self) -> list[Body]:
        return [b for b in self.bodies if not b.evaluated]

    def subordinates(self, body_id: str) -> list[Body]:
        """The subordinate organisations that count in ``body_id``'s criterion 7."""
        return [b for b in self.children(body_id) if b.kind == "subordinate" and b.evaluated]


class RegistryError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = clipped(problems)
        super().__init__("\n".join(problems))


def registry_path(name_or_path: str | Path) -> Path:
    """``kz`` names ``ashyq/config/bodies/kz.yaml``; anything with a suffix is a path (the loader's
    table, kind ``registry``)."""
    return locate("registry", name_or_path) or Path(name_or_path)


def _body_label(raw: Any, loc: tuple[Any, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "bodies" and isinstance(raw, dict):
        try:
            return str(raw["bodies"][loc[1]].get("id", f"#{loc[1]}"))
        except (IndexError, KeyError, TypeError, AttributeError):
            pass
    return "-"


def load_registry(name_or_path: str | Path) -> Registry:
    path = registry_path(name_or_path)
    try:
        raw = read("registry", path)
    except ConfigError as refused:
        raise RegistryError(refused.problems) from None
    if isinstance(raw, dict) and isinstance(raw.get("bodies"), list) and len(raw["bodies"]) > MAX_BODIES:
        raise RegistryError([f"{path}: {len(raw['bodies'])} bodies; at most {MAX_BODIES}"])
    try:
        registry = Registry.model_validate(raw)
    except ValidationError as e:
        lines = []
        for err in e.errors():
            field = ".".join(map(str, err["loc"][2:] or err["loc"]))
            lines.append(f"{path}: {_body_label(raw, err['loc'])}: {field}: {err['msg']}")
        raise RegistryError(lines) from None
    problems = [f"{path}: {p}" for p in consistency_problems(registry)]
    if problems:
        raise RegistryError(problems)
    return registry


def consistency_problems(registry: Registry) -> list[str]:
    problems: list[str] = []
    ids = Counter(b.id for b in registry.bodies)
    problems += [f"{i}: id is used {n} times" for i, n in ids.items() if n > 1]
    known = set(ids)
    for b in registry.bodies:
        if b.parent is not None and b.parent not in known:
            problems.append(f"{b.id}: parent {b.parent!r} is not in the registry")
        if b.kind == "subordinate" and b.evaluated and b.parent is None:
            problems.append(f"{b.id}: an evaluated subordinate organisation needs a parent")
        parent = registry.get(str(b.parent)) if b.parent in known else None
        if (
            b.kind == "subordinate"
            and b.evaluated
            and parent is not None
            and not (parent.kind == "cgo" and parent.evaluated)
        ):
            problems.append(
                f"{b.id}: subordinate organisations are evaluated for evaluated CGOs only (parent {b.parent}); "
                "mark it evaluated: false (monitored)"
            )
        if b.no_subordinates and (b.kind != "cgo" or registry.subordinates(b.id)):
            problems.append(f"{b.id}: no_subordinates is stated for a CGO that lists none")
    for field in (*IDENTIFIERS, "govkz_entity_id"):
        values = Counter(getattr(b.ids, field) for b in registry.bodies if getattr(b.ids, field) is not None)
        problems += [f"{field} {v!r} is given to {n} bodies" for v, n in values.items() if n > 1]
    return problems


def missing_identifiers(registry: Registry) -> dict[str, list[str]]:
    """Per body, the portal identifiers not known yet (the portals that cannot be audited for it)."""
    out: dict[str, list[str]] = {}
    for b in registry.bodies:
        fields = list(IDENTIFIERS)
        if b.kind == "subordinate":
            fields = ["data_gov_agency_id", "dialog_blog_id"]
        elif b.sites and not b.ids.govkz_slug:
            fields.remove("govkz_slug")
        missing = [f for f in fields if getattr(b.ids, f) is None]
        if not b.sites and not b.ids.govkz_slug:
            missing.insert(0, "website")
        if missing:
            out[b.id] = missing
    return out


def available_registries() -> list[str]:
    return [p.stem for p in package_files("registry")]
