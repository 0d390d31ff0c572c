"""The portal-side data of every body: what data.egov.kz, budget.egov.kz, legalacts.egov.kz and
dialog.egov.kz show about it, built deterministically from ``world.rng`` and relative to
``world.as_of``.

``portal_content(world)`` is the one entry point the portal apps read; ``unified_open_data_list``
is the list configuration mirrors; ``portal_inventory`` counts what each body has; and
``portal_defects`` states every seeded deficiency against the 2025 methodology items.
"""

from __future__ import annotations

from ashyq_replica.core import Defect, World
from ashyq_replica.portals.content.budget import build_budget
from ashyq_replica.portals.content.dataegov import published_datasets, required_datasets
from ashyq_replica.portals.content.defects import defects_of_body
from ashyq_replica.portals.content.dialog import build_blog
from ashyq_replica.portals.content.feed import add_portal_feed
from ashyq_replica.portals.content.legalacts import build_drafts
from ashyq_replica.portals.content.model import BodyPortalContent, RequiredDataset
from ashyq_replica.portals.content.profiles import PROFILES

# Worlds are cheap to build but the content is not; it is built once per world content.
_CACHE: dict[tuple[object, ...], dict[str, BodyPortalContent]] = {}
_CACHE_LIMIT = 16


def portal_content(world: World) -> dict[str, BodyPortalContent]:
    """Every body's portal content, keyed by body id (bodies without a profile are left out)."""
    key = world.content_key
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    content: dict[str, BodyPortalContent] = {}
    for index, body in enumerate(world.bodies):
        profile = PROFILES.get(body.id)
        if profile is None:
            continue
        required = required_datasets(world, body, profile.open_data)
        content[body.id] = BodyPortalContent(
            body_id=body.id,
            required_datasets=required,
            datasets=published_datasets(world, body, profile.open_data, required),
            budget=build_budget(world, body, profile.budget, index),
            drafts=build_drafts(world, body, profile.legalacts, index),
            blog=build_blog(world, body, profile.dialog, index),
        )
        if world.nights:
            content[body.id] = add_portal_feed(world, content[body.id])
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = content
    return content


def unified_open_data_list(world: World) -> dict[str, tuple[RequiredDataset, ...]]:
    """Which datasets each body must publish and how often (the Unified list of open data)."""
    return {body_id: c.required_datasets for body_id, c in portal_content(world).items()}


def portal_inventory(world: World) -> dict[str, dict[str, int]]:
    """Per body, how many things of each kind the four portals hold."""
    inventory: dict[str, dict[str, int]] = {}
    for body_id, c in portal_content(world).items():
        budget = c.budget
        blog = c.blog
        comments = sum(len(d.comments) for d in c.drafts)
        if budget is not None:
            comments += sum(len(p.comments) for p in budget.programmes)
        inventory[body_id] = {
            "datasets": len(c.datasets),
            "datasets_required": len(c.required_datasets),
            "budget_programmes": len(budget.programmes) if budget else 0,
            "budget_materials": len(budget.materials) if budget else 0,
            # documents: every card on legalacts; drafts: the draft acts among them
            "documents": len(c.drafts),
            "drafts": sum(not d.is_regulatory_policy for d in c.drafts),
            "regulatory_policy_documents": sum(d.is_regulatory_policy for d in c.drafts),
            "comments": comments,
            "blog_posts": len(blog.posts) if blog else 0,
            "questions_answered": sum(q.answer is not None for q in blog.questions) if blog else 0,
            "questions_unanswered": sum(q.answer is None for q in blog.questions) if blog else 0,
            "conferences": sum(e.kind == "conference" for e in blog.events) if blog else 0,
            "polls": sum(e.kind == "poll" for e in blog.events) if blog else 0,
        }
    return inventory


def portal_defects(world: World) -> list[Defect]:
    """Every deficiency seeded into the four portals, stated against its methodology item."""
    content = portal_content(world)
    defects: list[Defect] = []
    for body in world.bodies:
        if body.id in content:
            defects.extend(defects_of_body(world, body, content[body.id]))
    return defects
