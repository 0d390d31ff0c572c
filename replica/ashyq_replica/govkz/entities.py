"""The list of www.gov.kz entities at a realistic size, with the registry it must give (ground truth).

The platform publishes every entity it hosts: the GraphQL root field ``projectdetails`` (portals.md
1.4), the same list through the content API (``/api/v1/public/content-manager/projectdetails``
[GUESS], paged like every content type) and, for a browser, the directory page
``/memleket/entities`` [GUESS] drawn by the bundle. Each entity that has subordinate organisations
lists them on a page «Подведомственные организации» / «Ведомстволық бағынысты ұйымдар»
(``pages`` content, slug ``podvedomstvennye-organizacii`` [GUESS]), linking to their platform page or
their own site.

308 entities: the 21 ministries, 6 agencies, 11 other central bodies and committees, the 19
akimats of regions and cities of republican significance on the platform, 163 district and city
akimats, and 88 subordinate organisations (of central bodies, listed on their pages; of regional
akimats, known from their names). The world's own bodies are among them under their own slugs and
names. On ``REORGANISATION_DAY`` the government reorganises: some entities are renamed (one moves to
a new slug), some removed, one agency created, so a second sync after that date shows exactly those
changes (:func:`changes`).

Truth (:func:`truth`): per entity the registry row a correct sync writes — id, category, kind,
evaluated or monitored, parent — by the rule in docs/registry.md, written out here independently.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ashyq_replica.core import BODIES, Names, World
from ashyq_replica.govkz import entity_data as data

REORGANISATION_DAY = date(2027, 1, 15)
SUBORDINATES_PAGE = "podvedomstvennye-organizacii"
SUBORDINATES_TITLE = {"kk": "Ведомстволық бағынысты ұйымдар", "ru": "Подведомственные организации",
                      "en": "Subordinate organisations"}  # fmt: skip
GOVKZ = "https://www.gov.kz"
FIRST_NUMBER = 1001
# what the methodology does with each category (docs/registry.md): kind, and whether it is evaluated
KIND = {"ministry": "cgo", "agency": "cgo", "regional_akimat": "mio", "district_akimat": "mio",
        "subordinate": "subordinate", "other": "cgo"}  # fmt: skip

_LATIN = dict(
    zip(
        "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
        ["a", "a", "b", "v", "g", "g", "d", "e", "yo", "zh", "z", "i", "i", "k", "k", "l", "m", "n", "n", "o", "o",
         "p", "r", "s", "t", "u", "u", "u", "f", "kh", "h", "ts", "ch", "sh", "shch", "", "y", "i", "", "e", "yu",
         "ya"],
        strict=True,
    )
)  # fmt: skip


def latin(text: str) -> str:
    out = "".join(_LATIN.get(ch, ch) for ch in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-")


def host_id(url: str) -> str:
    """The registry id of an organisation known only by its site (the rule of docs/registry.md)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    for suffix in (".gov.kz", ".kz", ".com", ".org"):
        if host.endswith(suffix):
            host = host[: -len(suffix)]
            break
    return re.sub(r"[^a-z0-9]+", "-", host).strip("-")


@dataclass(frozen=True)
class Entity:
    number: int  # projectdetails id
    slug: str | None  # None: not on the platform, known from its parent's page only
    site: str | None
    names: Names
    category: str
    parent: str | None  # truth: the registry id of the parent
    listed_by: str | None = None  # the slug whose subordinates page lists it

    @property
    def body_id(self) -> str:
        return self.slug if self.slug else host_id(str(self.site))

    @property
    def url(self) -> str:
        return f"{GOVKZ}/memleket/entities/{self.slug}" if self.slug else str(self.site)


def _named(slug: str, kk: str, ru: str, en: str | None) -> Names:
    if not ru:  # the world's own body
        found = next((b for b in BODIES if b.ids.govkz_slug == slug), None)
        if found is not None:
            return found.names
    return Names(kk, ru, en or None)


class _Builder:
    def __init__(self, reorganised: bool) -> None:
        self.reorganised = reorganised
        self.out: list[Entity] = []
        self.number = FIRST_NUMBER

    def add(self, slug: str | None, site: str | None, names: Names, category: str, parent: str | None,
            listed_by: str | None = None) -> None:  # fmt: skip
        number, self.number = self.number, self.number + 1
        key = slug or host_id(str(site))
        if self.reorganised and key in data.REMOVED:
            return
        if self.reorganised and slug in data.RENAMED:
            kk, ru, en = data.RENAMED[slug]
            names = Names(kk, ru, en or names.en)
        if self.reorganised and slug in data.MOVED:
            slug, kk, ru, en = data.MOVED[slug]
            names = Names(kk, ru, en)
        self.out.append(Entity(number, slug, site, names, category, parent, listed_by))


def _build(reorganised: bool) -> tuple[Entity, ...]:
    b = _Builder(reorganised)
    moved = {old: new[0] for old, new in data.MOVED.items()} if reorganised else {}
    for slug, kk, ru, en in data.MINISTRIES:
        b.add(slug, None, _named(slug, kk, ru, en), "ministry", None)
    for slug, kk, ru, en in data.AGENCIES:
        b.add(slug, None, _named(slug, kk, ru, en), "agency", None)
    ministry_by_ru = {e.names.ru: str(e.slug) for e in b.out}
    for slug, kk, ru in data.OTHER_CENTRAL:
        owner = re.search(r" (Министерства|Агентства) (.+)$", ru)
        parent = None
        if owner is not None:
            nominative = {"Министерства": "Министерство", "Агентства": "Агентство"}[owner.group(1)]
            parent = ministry_by_ru.get(f"{nominative} {owner.group(2)}")
            assert parent is not None, ru
        b.add(slug, None, Names(kk, ru), "other", parent)
    for slug, kk, ru, phrase_ru, phrase_kk in data.REGIONS:
        names = _named(slug, kk, ru, None)
        b.add(slug, None, names, "regional_akimat", None)
        for kk_name, ru_name in data.DISTRICTS.get(slug, ()):
            district_ru = ru_name if ru_name.startswith("района ") else f"{ru_name} района"
            if slug in ("astana", "almaty", "shymkent"):
                names = Names(
                    f"{phrase_kk} {kk_name} ауданы әкімінің аппараты", f"Аппарат акима {district_ru} {phrase_ru}"
                )
            else:
                names = Names(f"{phrase_kk} {kk_name} ауданының әкімдігі", f"Акимат {district_ru} {phrase_ru}")
            b.add(f"{slug}-{latin(kk_name)}", None, names, "district_akimat", slug)
        for kk_name, ru_name in data.CITIES.get(slug, ()):
            names = Names(
                f"{phrase_kk} {kk_name} қаласы әкімінің аппараты", f"Аппарат акима города {ru_name} {phrase_ru}"
            )
            city_slug = data.KNOWN_SLUGS.get((slug, kk_name), f"akimat-goroda-{latin(ru_name)}")
            b.add(city_slug, None, names, "district_akimat", slug)
        for suffix, kk_unit, ru_unit in data.AKIMAT_DEPARTMENTS:
            kk_region = phrase_kk.replace(" облысы", " облысының").replace(" қаласы", " қаласының")
            names = Names(f"«{kk_region} {kk_unit}» ММ", f"ГУ «{ru_unit} {phrase_ru}»")
            b.add(f"{slug}-{suffix}", None, names, "subordinate", slug)
    for parent, listed in data.LISTED.items():
        for org_slug, site, kk, ru in listed:
            if not ru:
                world_body = next(x for x in BODIES if x.classic_host and site and x.classic_host in site)
                names = world_body.names
            else:
                names = Names(kk, ru)
            b.add(org_slug, site, names, "subordinate", moved.get(parent, parent), moved.get(parent, parent))
    if reorganised:
        slug, kk, ru, en = data.ADDED_AGENCY
        b.add(slug, None, Names(kk, ru, en), "agency", None)
    return tuple(b.out)


@lru_cache(maxsize=2)
def _entities(reorganised: bool) -> tuple[Entity, ...]:
    return _build(reorganised)


GENERATED_NUMBERS = 900_000  # projectdetails ids of generated bodies: after every listed entity


def entities(world: World) -> tuple[Entity, ...]:
    """Every entity of the world's list on its date (platform entities and listed organisations), and
    each generated body on gov.kz (``ashyq world serve --bodies N``) as an entity of its own."""
    listed = _entities(world.as_of >= REORGANISATION_DAY)
    known = {e.slug for e in listed}
    generated = [
        Entity(GENERATED_NUMBERS + n, b.ids.govkz_slug, None, b.names, "generated", None)
        for n, b in enumerate(world.bodies)
        if b.site == "govkz" and b.ids.govkz_slug and b.ids.govkz_slug not in known
    ]
    return (*listed, *generated)


def platform_entities(world: World) -> list[Entity]:
    return [e for e in entities(world) if e.slug]


def listed_by(world: World, slug: str) -> list[Entity]:
    return [e for e in entities(world) if e.listed_by == slug]


# ---- answers ------------------------------------------------------------------------------------------

_LASTNAMES = ("Ахметов", "Серікбаев", "Жұмабеков", "Омаров", "Тоқаев", "Бекова", "Исаева", "Қасымов", "Нұрланов")
_FIRSTNAMES = ("Ерлан", "Айгүл", "Дәурен", "Сәуле", "Асқар", "Гүлнар", "Марат", "Жанар", "Бауыржан")


def _name_in(entity: Entity, lang: str) -> str:
    return {"kk": entity.names.kk, "ru": entity.names.ru, "en": entity.names.en or entity.names.ru}[lang]


def _supervisor(world: World, entity: Entity, lang: str) -> dict[str, Any]:
    from ashyq_replica.govkz.content import site_content

    body = world.by_slug(str(entity.slug))
    if body is not None and body.site == "govkz":
        head = site_content(world, body).curators[0]
        last, first, middle, position = head.lastname, head.name, head.middlename, head.position.get(lang)
        phone, email = head.phone, head.email
    else:
        rng = world.rng("entity-head", entity.number)
        last, first, middle = rng.choice(_LASTNAMES), rng.choice(_FIRSTNAMES), rng.choice(_FIRSTNAMES) + "ұлы"
        position = {"kk": "Басшы", "ru": "Руководитель", "en": "Head"}[lang]
        phone, email = f"+7 7172 {rng.randint(20, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}", None
    return {
        "lastname_initials": f"{last} {first[0]}.{middle[0]}.",
        "name": first,
        "lastname": last,
        "middlename": middle,
        "position": position,
        "phone": phone,
        "email": email,
        "biography": None,
        "biography_details": "",
    }


def projectdetails(world: World, lang: str, projects: str | None = None) -> list[dict[str, Any]]:
    """The ``projectdetails`` items in one language (an English name falls back to Russian, as the
    platform shows it)."""
    out = []
    for entity in platform_entities(world):
        if projects and projects.split(":", 1)[-1].lower() != str(entity.slug).lower():
            continue
        out.append(
            {
                "id": entity.number,
                "project_name": _name_in(entity, lang),
                "projects": entity.slug,
                "slug": entity.slug,
                "supervisor": _supervisor(world, entity, lang),
                "emp_dict": {"full_text": {"document": None}},
            }
        )
    return out


def _listing_html(world: World, slug: str, lang: str) -> str:
    items = []
    for entity in listed_by(world, slug):
        href = f"{entity.url}?lang={lang}" if entity.slug else str(entity.site)
        name = entity.names.kk if lang == "kk" else entity.names.ru
        items.append(f'<li><a href="{html.escape(href)}">{html.escape(name)}</a></li>')
    intro = {"kk": "Ведомстволық бағынысты ұйымдардың тізбесі", "ru": "Перечень подведомственных организаций",
             "en": "List of subordinate organisations"}[lang]  # fmt: skip
    return f'<p>{intro}</p><ul class="subordinates">{"".join(items)}</ul>'


def subordinate_pages(world: World, lang: str) -> list[dict[str, Any]]:
    """One ``pages`` item per entity that has subordinate organisations (not a menu item)."""
    out = []
    listing = {e.listed_by for e in entities(world) if e.listed_by}  # once: not a scan of the list per entity
    for entity in platform_entities(world):
        if entity.slug not in listing:
            continue
        title = SUBORDINATES_TITLE[lang]
        out.append(
            {
                "id": 700_000 + entity.number,
                "slug": SUBORDINATES_PAGE,
                "title": title,
                "internal_link": f"/{SUBORDINATES_PAGE}",
                "order": 90,
                "is_menu_item": False,
                "content": _listing_html(world, str(entity.slug), lang),
                "kind": "page",
                "category": "about",
                "options": {},
                "description_seo": title,
                "seo_title": title,
                "projects": entity.slug,
            }
        )
    return out


# ---- truth ----------------------------------------------------------------------------------------------


def truth(world: World) -> dict[str, dict[str, Any]]:
    """Registry id → what a correct sync records for it."""
    category = {e.body_id: e.category for e in entities(world)}
    out: dict[str, dict[str, Any]] = {}
    for entity in entities(world):
        # evaluated: ministries, agencies and regional akimats; subordinate organisations of a
        # ministry or agency count in their parent's criterion 7; everything else is monitored
        evaluated = entity.category in ("ministry", "agency", "regional_akimat") or (
            entity.category == "subordinate" and category.get(str(entity.parent)) in ("ministry", "agency")
        )
        out[entity.body_id] = {
            "category": entity.category,
            "kind": KIND[entity.category],
            "evaluated": evaluated,
            "parent": entity.parent,
            "names": {"kk": entity.names.kk, "ru": entity.names.ru, "en": entity.names.en},
            "site": entity.url,
            "govkz_slug": entity.slug,
            "number": entity.number if entity.slug else None,
        }
    return out


def changes(before: World, after: World) -> dict[str, list[str]]:
    """What a sync at ``after`` shows against a registry synced at ``before``: ids added, removed,
    renamed (the id of a renamed entity is the one it had; a moved entity keeps it)."""
    old = {e.number: e for e in entities(before)}
    new = {e.number: e for e in entities(after)}
    return {
        "added": sorted(new[n].body_id for n in new.keys() - old.keys()),
        "removed": sorted(old[n].body_id for n in old.keys() - new.keys()),
        "renamed": sorted(old[n].body_id for n in old.keys() & new.keys() if old[n].names != new[n].names),
    }
