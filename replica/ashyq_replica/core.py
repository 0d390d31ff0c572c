"""The contract every replica host builds on: the world's bodies, its clock and its faults.

Each host of the replica is an aiohttp application made by ``create_app(world)`` in its own module
(``govkz``, ``dataegov``, ``budget``, ``legalacts``, ``dialog``, ``classic``). They all read the same
:class:`World`, so a body's gov.kz pages, its datasets and its drafts tell one consistent story.
Content is deterministic: every random choice comes from :meth:`World.rng` seeded by a name.
Dates are relative to ``as_of`` so deadlines and periodicity can be tested.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

Kind = Literal["cgo", "mio", "subordinate"]
Faults = Literal["none", "flaky", "hostile"]

DEFAULT_AS_OF = date(2026, 11, 20)

# Real host names of the systems the replica imitates. Spiders address these; the replica serves
# each on its own loopback port and the base-URL map translates (see ashyq_replica.server).
GOVKZ_HOST = "www.gov.kz"
DATA_HOST = "data.egov.kz"
BUDGET_HOST = "budget.egov.kz"
LEGALACTS_HOST = "legalacts.egov.kz"
DIALOG_HOST = "dialog.egov.kz"
PORTAL_HOSTS = (GOVKZ_HOST, DATA_HOST, BUDGET_HOST, LEGALACTS_HOST, DIALOG_HOST)


@dataclass(frozen=True)
class Names:
    kk: str
    ru: str
    en: str | None = None


@dataclass(frozen=True)
class PortalIds:
    """The crosswalk of identifiers: every portal names a body its own way."""

    govkz_slug: str | None = None
    data_gov_agency_id: str | None = None
    legalacts_government_id: int | None = None
    budget_gov_agency_id: int | None = None
    dialog_blog_id: int | None = None


@dataclass(frozen=True)
class WorldBody:
    id: str
    kind: Kind
    names: Names
    ids: PortalIds
    # "govkz": the unified platform (React shell + JSON API); "classic": its own server-rendered site
    site: Literal["govkz", "classic"]
    classic_host: str | None = None
    parent: str | None = None
    tags: tuple[str, ...] = ()
    has_english: bool = False
    # a subordinate organisation's state participation in per cent, as the registry states it: an RSE
    # (РГП, ШЖҚ РМК) is a state enterprise, wholly state-owned (100), outside Table 11
    state_participation: float | None = None


BODIES: tuple[WorldBody, ...] = (
    WorldBody(
        id="enbek",
        kind="cgo",
        names=Names(
            kk="Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі",
            ru="Министерство труда и социальной защиты населения Республики Казахстан",
            en="Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan",
        ),
        ids=PortalIds("enbek", "AGY-ENBEK-0001", 1733738, 3525, 32777),
        site="govkz",
        has_english=True,
    ),
    WorldBody(
        id="adilet",
        kind="cgo",
        names=Names(
            kk="Қазақстан Республикасының Әділет министрлігі",
            ru="Министерство юстиции Республики Казахстан",
            en="Ministry of Justice of the Republic of Kazakhstan",
        ),
        ids=PortalIds("adilet", "AGY-ADILET-0002", 634, 3510, 32772),
        site="govkz",
        tags=("justice",),
        has_english=True,
    ),
    WorldBody(
        id="mod",
        kind="cgo",
        names=Names(
            kk="Қазақстан Республикасының Қорғаныс министрлігі",
            ru="Министерство обороны Республики Казахстан",
            en="Ministry of Defence of the Republic of Kazakhstan",
        ),
        ids=PortalIds("mod", "AGY-MOD-0003", 512, 3501, 32790),
        site="govkz",
        tags=("defence", "budget_restricted"),
    ),
    WorldBody(
        id="astana",
        kind="mio",
        names=Names(kk="Астана қаласының әкімдігі", ru="Акимат города Астаны", en="Akimat of Astana"),
        ids=PortalIds("astana", "AGY-ASTANA-0101", 15500101, 3650, 294001),
        site="govkz",
        has_english=True,
    ),
    WorldBody(
        id="karaganda",
        kind="mio",
        names=Names(kk="Қарағанды облысының әкімдігі", ru="Акимат Карагандинской области"),
        ids=PortalIds("karaganda", "AGY-KARAGANDA-0102", 15500102, 3660, 294100),
        site="govkz",
    ),
    WorldBody(
        id="kostanay",
        kind="mio",
        names=Names(kk="Қостанай облысының әкімдігі", ru="Акимат Костанайской области"),
        ids=PortalIds(None, "AGY-KOSTANAY-0103", 15500103, 3670, 294912),
        site="classic",
        classic_host="www.kostanay.gov.kz",
    ),
    WorldBody(
        id="enbek-center",
        kind="subordinate",
        names=Names(kk="«Еңбек ресурстарын дамыту орталығы» АҚ", ru="АО «Центр развития трудовых ресурсов»"),
        ids=PortalIds(None, "AGY-ENBEK-CENTER-0201", None, None, 1376300),
        site="classic",
        classic_host="iac.enbek.kz",
        parent="enbek",
    ),
    WorldBody(
        id="zqai",
        kind="subordinate",
        names=Names(
            kk="«Заңнама және құқықтық ақпарат институты» ШЖҚ РМК",
            ru="РГП на ПХВ «Институт законодательства и правовой информации»",
        ),
        ids=PortalIds(None, None, None, None, None),
        site="classic",
        classic_host="zqai.kz",
        parent="adilet",
        state_participation=100,
    ),
)


GENERATED_ID = re.compile(r"(?P<template>[a-z0-9-]+?)-g\d{4}")


def template_of(body_id: str) -> str:
    """The world's own body a generated body copies (:mod:`ashyq_replica.generated`), else the id."""
    found = GENERATED_ID.fullmatch(body_id)
    return found.group("template") if found else body_id


# The seeded defects a later world can have fixed ("body:knob"): each changes a known set of pages.
FIXABLE = frozenset({"kostanay:missing_alt", "kostanay:section_missing_kk_passport", "zqai:no_dates"})


@dataclass
class World:
    """One replica world: a clock, a fault mode and the bodies. Cheap to build, immutable in use."""

    as_of: date = DEFAULT_AS_OF
    faults: Faults = "none"
    bodies: tuple[WorldBody, ...] = BODIES
    seed: str = "ashyq-world-1"
    # sources that are down, to exercise a client's fallbacks: "graphql" (answers 503),
    # "entities-api" (the content API's projectdetails refuses clients without the browser ticket),
    # "site-pages" (some website pages answer 503 or hang on every attempt: ashyq_replica.faults)
    outages: frozenset[str] = frozenset()
    # every request every host answers, with its user agent (ashyq_replica.access_log); None: not kept
    access_log: Path | None = None
    # seeded defects the bodies have fixed by ``as_of`` ("body:knob", :data:`FIXABLE`): the world of a
    # later night in which a known set of pages changed (``ashyq world serve --fix``)
    fixes: frozenset[str] = frozenset()
    # the world so many nights after ``as_of``: each night ``change_share`` of the gov.kz entities publish
    # one to three items dated that night, nothing else changes (ashyq_replica.govkz.feed)
    nights: int = 0
    change_share: float = 0.05
    _by_id: dict[str, WorldBody] = field(default_factory=dict, init=False, repr=False)
    _by_slug: dict[str, WorldBody] = field(default_factory=dict, init=False, repr=False)
    _content_key: tuple[object, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {b.id: b for b in self.bodies}
        self._by_slug = {}
        for body in self.bodies:  # the first body of a slug, as a scan in order finds it
            if body.ids.govkz_slug:
                self._by_slug.setdefault(body.ids.govkz_slug, body)
        # the bodies enter the key as a digest, taken once: a key holding the bodies themselves is hashed
        # body by body on every cache lookup, which made a world of 3,000 bodies quadratic to build
        bodies = hashlib.sha256(repr(self.bodies).encode()).hexdigest()
        self._content_key = (
            self.seed, self.as_of, self.faults, tuple(sorted(self.fixes)), bodies, self.nights, self.change_share
        )  # fmt: skip
        if self.nights < 0 or not 0 <= self.change_share <= 1:
            raise ValueError("nights is 0 or more and change_share between 0 and 1")
        unknown = sorted(self.fixes - FIXABLE)
        if unknown:
            raise ValueError(f"no such fix: {', '.join(unknown)} (known: {', '.join(sorted(FIXABLE))})")

    @property
    def content_key(self) -> tuple[object, ...]:
        """Everything the served content depends on (seed, clock, faults, fixes, bodies): the key of the
        content caches, so that two worlds served by one process (a test session's shared world and a
        test's own later or fixed one) never answer with each other's content."""
        return self._content_key

    def fixed(self, body_id: str, knob: str) -> bool:
        """Whether the body has fixed this seeded defect in this world (:attr:`fixes`)."""
        return f"{body_id}:{knob}" in self.fixes

    def changed_on(self, host: str) -> date:
        """The day the host's content last changed: the day of a fix made on it, else a month before."""
        for fix in self.fixes:
            body = self._by_id.get(fix.split(":", 1)[0])
            if body is not None and host in (body.classic_host, GOVKZ_HOST if body.site == "govkz" else None):
                return self.as_of
        return self.as_of - timedelta(days=30)

    def body(self, body_id: str) -> WorldBody:
        return self._by_id[body_id]

    def by_slug(self, slug: str) -> WorldBody | None:
        return self._by_slug.get(slug)

    def rng(self, *names: object) -> random.Random:
        """A random generator that depends only on the world's seed and the given names."""
        key = "/".join([self.seed, *map(str, names)]).encode()
        return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))

    def days_ago(self, days: int) -> date:
        return self.as_of - timedelta(days=days)


@dataclass(frozen=True)
class Defect:
    """One deliberately seeded deficiency, stated against the methodology item it breaks.

    ``item`` uses the methodology's own references (``A14-2.10``, ``A15-1.2``, ``T1-3``, ``T7-6``,
    ``T7.1-2``, ``F`` …); ``lang`` is ``kk``, ``ru`` or None for items not split by language.
    ``expected`` is the status a correct check must report (``fail`` or ``partial``), and
    ``measured`` the figures it should find (e.g. ``{"numerator": 7, "denominator": 10}``).
    """

    body: str
    item: str
    lang: str | None
    description: str
    where: str
    expected: Literal["fail", "partial"] = "fail"
    measured: tuple[tuple[str, float | int | str], ...] = ()
