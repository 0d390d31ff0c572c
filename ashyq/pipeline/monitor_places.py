"""Where a monitored entity sits, and what its changed pages are: the national view's regions and the
Table 7 rows of a night (issue 29, items 2 and 3).

**Regions.** The platform's entity list names no region; the registry does, through ``parent``: a
district or city akimat's parent is its regional akimat, an akimat's department's too
(docs/registry.md; ``ashyq bodies sync`` writes them). An entity's region is the regional akimat
(category ``regional_akimat``, or a local executive body with no parent) its chain of parents reaches;
a central body (a ministry, an agency, their committees and subordinate organisations) is
:data:`CENTRAL`; an entity the registry does not know is :data:`UNREGISTERED` (``ashyq bodies sync``
adds it), never guessed from its name.

**Table 7 rows.** A changed page is of a Table 7 row (2025 edition, the website's content) when its
title or its address says the row's section, as the check finds the row's section pages
(:func:`ashyq.checks.completeness.judge.in_section`: the section's titles in the vocabulary
``table7``, or one of its URL patterns): a change to «Контакты» is of row T7-1, to «Использование
бюджетных средств» of T7-2. A page of no row («О ведомстве») is reported as changed all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ashyq.checks.completeness.keywords import load_cached
from ashyq.checks.completeness.places import matches
from ashyq.store.bodies import Body, Registry, RegistryError, load_registry

CENTRAL = "central"
UNREGISTERED = "unregistered"
TABLE7 = "table7"
CENTRAL_CATEGORIES = ("ministry", "agency", "other")


@dataclass
class Places:
    """The registry as a night needs it: each entity's region and its identifiers on the other portals."""

    region_of: dict[str, str] = field(default_factory=dict)  # slug → region (a regional akimat's id)
    region_names: dict[str, dict[str, str]] = field(default_factory=dict)  # region → {kk, ru}
    legalacts: dict[str, int] = field(default_factory=dict)  # slug → legalacts governmentId
    blogs: dict[str, int] = field(default_factory=dict)  # slug → dialog.egov.kz blogId

    def region(self, slug: str) -> str:
        return self.region_of.get(slug, UNREGISTERED)


def _region(body: Body, by_id: dict[str, Body]) -> str:
    seen: set[str] = set()
    current: Body | None = body
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current.category == "regional_akimat":
            return current.id
        if current.category in CENTRAL_CATEGORIES:
            return CENTRAL
        if current.parent is None:
            return current.id if current.kind == "mio" else CENTRAL
        current = by_id.get(current.parent)
    return UNREGISTERED  # a parent the registry does not hold, or a loop


def places_from(registry: Registry) -> Places:
    by_id = {b.id: b for b in registry.bodies}
    places = Places()
    for body in registry.bodies:
        slug = body.ids.govkz_slug
        if not slug:
            continue
        region = _region(body, by_id)
        places.region_of[slug] = region
        if region in by_id:
            places.region_names[region] = {"kk": by_id[region].names.kk, "ru": by_id[region].names.ru}
        if body.ids.legalacts_government_id is not None:
            places.legalacts[slug] = body.ids.legalacts_government_id
        if body.ids.dialog_blog_id is not None:
            places.blogs[slug] = body.ids.dialog_blog_id
    return places


def load_places(registry: str | None) -> tuple[Places, str | None]:
    """The registry's places, or none and why (a night without a registry still watches the platform)."""
    if not registry:
        return Places(), None
    try:
        return places_from(load_registry(registry)), None
    except RegistryError as refused:  # the loader refuses with the place of each problem
        return Places(), f"registry {registry}: {'; '.join(refused.problems)}"


def table7_rows(page: dict[str, Any], lang: str = "ru") -> list[str]:
    """The Table 7 rows whose section this page of the ``pages`` listing is (by title or address)."""
    title = str(page.get("title") or "")
    address = f"{page.get('slug') or ''} {page.get('internal_link') or ''}".lower()
    return [
        item
        for item, section in load_cached(TABLE7).sections.items()
        if matches(section.titles[lang], title) or any(pattern in address for pattern in section.urls)
    ]


def by_region(entities: dict[str, str], places: Places, changed: dict[str, Any]) -> list[dict[str, Any]]:
    """The national view: every region, every entity in it, and what each changed last night."""
    regions: dict[str, list[dict[str, Any]]] = {}
    for slug, name in sorted(entities.items(), key=lambda pair: pair[1]):
        regions.setdefault(places.region(slug), []).append({"slug": slug, "name": name, "changed": slug in changed})
    order = sorted(regions, key=lambda r: (r in (CENTRAL, UNREGISTERED), r == UNREGISTERED, r))
    return [
        {
            "region": region,
            "names": places.region_names.get(region, {}),
            "entities": regions[region],
            "changed": sum(1 for e in regions[region] if e["changed"]),
        }
        for region in order
    ]
