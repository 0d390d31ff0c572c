"""The rule that turns www.gov.kz's list of entities into registry bodies (docs/registry.md).

Input: what the harvest read (:class:`EntityHarvest`): every entity of the platform with its names in
kk/ru/en, and the organisations each entity lists on its «Подведомственные организации» /
«Ведомстволық бағынысты ұйымдар» page. Output: :class:`Body` rows with a category, a kind, whether
the methodology evaluates them, and a parent.

Category, from the Russian name (the Kazakh one when there is no Russian), first rule that fits:

1. a legal form (РГП, ГУ, КГУ, АО, НАО, ТОО …; ШЖҚ РМК, ММ, АҚ, КеАҚ, ЖШС …), or «Управление|Отдел …
   акимата …» → subordinate organisation;
2. «Министерство …» / «… министрлігі» → ministry;
3. «Агентство …» / «… агенттігі» → agency;
4. «Акимат … области», «Акимат области …», «Акимат города Астаны|Алматы|Шымкента» (exactly) →
   regional or city akimat;
5. any other «Акимат …» / «Аппарат акима …» / «… әкімдігі» / «… әкімінің аппараты» → district akimat
   (districts, cities of regional significance, districts of cities);
6. anything else → other (committees, the prosecutor's office, commissions …).

Parent: the entity whose subordinates page lists the organisation; else, from the name, the ministry
or agency named in the genitive («… Министерства финансов Республики Казахстан»), else the regional
akimat whose region the name ends with («… Акмолинской области», «… города Астаны»).

Evaluated (INTERPRETATION, methodology points 1-10 and Table 8 note): ministries, agencies and the
akimats of regions and cities of republican significance are the CGOs and MIOs the methodology
evaluates; a subordinate organisation of a ministry or agency counts in its parent's criterion 7;
district akimats, committees, other bodies and the akimats' own organisations are monitored only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ashyq.store.bodies import Body, BodyKind, BodyNames, Category, Identifiers, Origin

GOVKZ = "https://www.gov.kz"
ENTITY_PATH = re.compile(r"^/memleket/entities/([^/?#]+)/?$")

_LEGAL_RU = re.compile(
    r"(^|[\s«\"(])(ргп|ргкп|гкп|кгп|кгкп|гу|кгу|ргу|ао|нао|тоо|пхв|учреждение|предприятие|акционерное общество|"
    r"товарищество)([\s»\"),.]|$)"
)
_LEGAL_KK = re.compile(r"(^|[\s«\"(])(рмк|ршж|шжқ|мм|кмм|кмк|кмқк|ақ|кеақ|жшс)([\s»\"),.]|$)")
_AKIMAT_UNIT_RU = re.compile(r"(управление|отдел) .* акимата ")
_REGIONAL_RU = re.compile(r"акимат (\S+ области|области \S+|города (астаны|алматы|шымкента))")
_REGIONAL_KK = re.compile(r"(\S+ )+облысының әкімдігі|(астана|алматы|шымкент) қаласының әкімдігі")
_DISTRICT_KK = re.compile(r"әкімдігі|әкімінің аппараты")
_OWNER_RU = re.compile(r"\b(министерства|агентства) (.+)$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass
class HarvestedEntity:
    slug: str
    names: dict[str, str]  # lang → name as the platform gives it
    number: int | None = None  # projectdetails id, when the source gives one


@dataclass
class ListedOrganisation:
    parent_slug: str
    url: str  # absolute: a platform entity page or the organisation's own site
    names: dict[str, str]  # lang → the link's text on the parent's page in that language


@dataclass
class EntityHarvest:
    source: str  # graphql | content-api | directory-page
    entities: list[HarvestedEntity]
    listings: list[ListedOrganisation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # sources that failed, and why
    pages_read: int = 0  # entities whose subordinates were looked for


def normal(text: str | None) -> str:
    text = (text or "").replace("«", " ").replace("»", " ").replace('"', " ").replace("“", " ").replace("”", " ")
    return " ".join(text.split()).casefold()


def classify(names: dict[str, str]) -> Category:
    """The category of an entity by its name (rules 1-6 of the module docstring)."""
    ru, kk = normal(names.get("ru")), normal(names.get("kk"))
    if _LEGAL_RU.search(ru) or _LEGAL_KK.search(kk) or _AKIMAT_UNIT_RU.match(ru):
        return "subordinate"
    if ru.startswith("министерство ") or (not ru and kk.endswith("министрлігі")):
        return "ministry"
    if ru.startswith("агентство ") or (not ru and kk.endswith("агенттігі")):
        return "agency"
    if _REGIONAL_RU.fullmatch(ru) or (not ru and _REGIONAL_KK.fullmatch(kk)):
        return "regional_akimat"
    if ru.startswith(("акимат ", "аппарат акима ")) or (not ru and _DISTRICT_KK.search(kk)):
        return "district_akimat"
    return "other"


def kind_of(category: Category, parent_category: Category | None) -> BodyKind:
    if category in ("ministry", "agency"):
        return "cgo"
    if category in ("regional_akimat", "district_akimat"):
        return "mio"
    if category == "subordinate":
        return "subordinate"
    return "mio" if parent_category in ("regional_akimat", "district_akimat") else "cgo"


def evaluated(category: Category, parent_category: Category | None) -> bool:
    if category in ("ministry", "agency", "regional_akimat"):
        return True
    return category == "subordinate" and parent_category in ("ministry", "agency")


def slug_id(slug: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "entity"


def host_id(url: str) -> str:
    """An organisation known by its site only: the host without ``www.`` and ``.gov.kz``/``.kz``/
    ``.com``/``.org``, dots as hyphens (``iac.enbek.kz`` → ``iac-enbek``)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    for suffix in (".gov.kz", ".kz", ".com", ".org"):
        if host.endswith(suffix):
            host = host[: -len(suffix)]
            break
    return slug_id(host)


def platform_slug(url: str) -> str | None:
    """The entity slug of a www.gov.kz entity home page (``/memleket/entities/<slug>``), else None."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() not in ("www.gov.kz", "gov.kz"):
        return None
    found = ENTITY_PATH.match(parts.path)
    return found.group(1) if found else None


def site_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}{parts.path or '/'}"


@dataclass
class _Row:
    key: str  # the slug, or the site URL of an organisation outside the platform
    names: dict[str, str]
    number: int | None
    slug: str | None
    site: str
    origin: Origin
    category: Category = "other"
    parent: str | None = None  # key of the parent
    source: str = ""


def _names(names: dict[str, str]) -> BodyNames:
    ru = names.get("ru") or names.get("kk") or names.get("en") or ""
    kk = names.get("kk") or ru
    en = names.get("en")
    return BodyNames(kk=kk.strip(), ru=ru.strip(), en=en.strip() if en and not _CYRILLIC.search(en) else None)


def _rows(harvest: EntityHarvest) -> dict[str, _Row]:
    rows: dict[str, _Row] = {}
    for entity in harvest.entities:
        rows[entity.slug] = _Row(
            entity.slug, dict(entity.names), entity.number, entity.slug,
            f"{GOVKZ}/memleket/entities/{entity.slug}", "govkz",
            source=f"www.gov.kz entity list ({harvest.source}" + (f", id {entity.number})" if entity.number else ")"),
        )  # fmt: skip
    for listed in harvest.listings:
        slug = platform_slug(listed.url)
        if slug is not None and slug in rows:
            continue
        key = slug or site_url(listed.url)
        if key not in rows:
            site = f"{GOVKZ}/memleket/entities/{slug}" if slug else site_url(listed.url)
            source = f"listed on the subordinates page of {listed.parent_slug} (www.gov.kz)"
            rows[key] = _Row(key, {}, None, slug, site, "subordinates_page", source=source)
        for lang, name in listed.names.items():
            rows[key].names.setdefault(lang, name)
    return rows


def _link(rows: dict[str, _Row], listings: Iterable[ListedOrganisation]) -> None:
    for row in rows.values():
        row.category = classify(row.names)
    for listed in listings:  # 1. the parent's own page
        key = platform_slug(listed.url) or site_url(listed.url)
        child, parent = rows.get(key), rows.get(listed.parent_slug)
        if child is None or parent is None or key == listed.parent_slug:
            continue
        if child.parent is None or (rows[child.parent].category == "subordinate" and parent.category != "subordinate"):
            child.parent = parent.key
    owners = {normal(r.names.get("ru")): r.key for r in rows.values() if r.category in ("ministry", "agency")}
    regions = {normal(r.names.get("ru")).removeprefix("акимат "): r.key for r in rows.values()
               if r.category == "regional_akimat"}  # fmt: skip
    for row in rows.values():  # 2. the name
        if row.parent is not None or row.category in ("ministry", "agency", "regional_akimat"):
            continue
        ru = normal(row.names.get("ru"))
        owner = _OWNER_RU.search(ru)
        if owner is not None:
            nominative = {"министерства": "министерство", "агентства": "агентство"}[owner.group(1)]
            row.parent = owners.get(f"{nominative} {owner.group(2)}")
        if row.parent is None:
            row.parent = next((key for phrase, key in regions.items() if ru.endswith(" " + phrase)), None)


def bodies_from(harvest: EntityHarvest) -> list[Body]:
    """Registry bodies for everything the harvest found, ids unique, parents linked."""
    rows = _rows(harvest)
    _link(rows, harvest.listings)
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for row in rows.values():
        base = slug_id(row.slug) if row.slug else host_id(row.site)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids[row.key] = candidate
    out = []
    for row in rows.values():
        parent_category = rows[row.parent].category if row.parent else None
        out.append(
            Body(
                id=ids[row.key],
                kind=kind_of(row.category, parent_category),
                names=_names(row.names),
                sites=[row.site],
                ids=Identifiers(govkz_slug=row.slug, govkz_entity_id=row.number),
                parent=ids[row.parent] if row.parent else None,
                category=row.category,
                evaluated=evaluated(row.category, parent_category),
                origin=row.origin,
                sources=[row.source],
            )
        )
    return out
