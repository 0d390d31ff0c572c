"""Ground truth of the replica world: every seeded defect, and what each site holds.

``all_defects`` joins the website defects (the table of :mod:`ashyq_replica.site_defects`, with
the figures measured on the generated content by :func:`site_defects`), the portal defects
(``portal_defects``) from :mod:`ashyq_replica.portals.content.catalogue`. ``inventory`` counts per body and
language what a complete crawl must find (pages, news, documents); crawl-count tests compare with
it. ``GROUND_TRUTH.md`` next to this file is ``render_markdown(World())``, kept in sync by a test.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

import yaml

from ashyq_replica import classic
from ashyq_replica.classic.content import BUILDERS
from ashyq_replica.core import Defect, World, template_of
from ashyq_replica.declared_reports import declared_defects
from ashyq_replica.govkz.content import govkz_bodies, site_content
from ashyq_replica.portals.content.catalogue import portal_defects, portal_inventory
from ashyq_replica.site_defects import SEEDS, Seed, rehome, template_defects


def _measured_vr(world: World, seed: Seed) -> tuple[tuple[str, float | int | str], ...]:
    questions = [q for q in site_content(world, world.body(seed.body)).questions if q.lang == seed.lang]
    answered = sum(1 for q in questions if q.answered)
    return (("numerator", answered), ("denominator", len(questions)), ("ratio", round(answered / len(questions), 3)))


def _measured_docs(world: World, seed: Seed) -> tuple[tuple[str, float | int | str], ...]:
    site = site_content(world, world.body(seed.body))
    if seed.knob == "doc_missing_kk":
        missing = [d.id for d in site.documents if "kk" not in d.title and "ru" in d.title]
        return (("document_ids", ",".join(map(str, missing))),)
    if seed.knob == "no_npa_anchors":
        return (("document_id", next(d.id for d in site.documents if d.long_text)),)
    if seed.knob == "stale_kk_news":
        newest = max(n.created for n in site.news if "kk" in n.title)
        return (("newest_kk_news_age_days", (world.as_of - newest.date()).days),)
    if seed.knob == "budget_stale":
        newest_budget = max(d.created for d in site.documents if d.category == "budget")
        return (("newest_budget_report_age_days", (world.as_of - newest_budget.date()).days),)
    return seed.measured


def site_defects(world: World) -> list[Defect]:
    """The seeded website defects of this world, with figures measured on the generated content."""
    out = template_defects(world)
    copies = [
        replace(seed, body=body.id, where=rehome(seed.where, body))
        for body in world.bodies
        for seed in SEEDS
        if template_of(body.id) == seed.body
    ]
    for seed in copies:
        if world.fixed(seed.body, seed.knob):  # fixed by the body in this (later) world
            continue
        measured = seed.measured
        if seed.knob == "vr_unanswered":
            measured = _measured_vr(world, seed)
        elif seed.knob in ("doc_missing_kk", "no_npa_anchors", "stale_kk_news", "budget_stale"):
            measured = _measured_docs(world, seed)
        where = seed.where
        for key, value in measured:
            if key in ("document_id", "document_ids"):
                where = where.replace("<missing-kk-id>", str(value).split(",")[0]).replace("<long-npa-id>", str(value))
        out.append(Defect(seed.body, seed.item, seed.lang, seed.description, where, seed.expected, measured))
    return out


def all_defects(world: World) -> list[Defect]:
    defects = site_defects(world)
    defects.extend(portal_defects(world))
    defects.extend(declared_defects(world))  # untrue facts of the bodies' declared reports (item R)
    return defects


def _govkz_inventory(world: World) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for body in govkz_bodies(world):
        site = site_content(world, body)
        langs = {}
        for lang in site.langs:
            questions = [q for q in site.questions if q.lang == lang]
            langs[lang] = {
                "pages": sum(1 for p in site.pages if lang in p.title and p.is_menu_item),
                "news": sum(1 for n in site.news if lang in n.title),
                "documents": sum(1 for d in site.documents if lang in d.title),
                "vr_questions": len(questions),
                "vr_answered": sum(1 for q in questions if q.answered),
            }
        notes = (
            ["budget restricted by law: no budget documents (exemption)"] if "budget_restricted" in body.tags else []
        )
        out[body.id] = {
            "site": "govkz",
            "host": "www.gov.kz",
            "slug": site.slug,
            "uploads": len(site.uploads),
            "langs": langs,
            "notes": notes,
        }
    return out


def _classic_inventory(world: World) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for body in world.bodies:
        if body.site != "classic" or template_of(body.id) not in BUILDERS:
            continue
        site = classic.build_site(world, body)
        langs = {}
        for lang in ("kk", "ru"):
            pages = [p for (lg, _), p in site.pages.items() if lg == lang]
            langs[lang] = {
                "pages": len(pages),
                "news": sum(1 for p in pages if p.kind == "news"),
                "documents": len(site.files),
            }
        look = classic.look_for(body)
        out[body.id] = {
            "site": "classic",
            "host": look.host,
            "mobile_host": look.mobile_host,
            "uploads": len(site.files),
            "langs": langs,
            "notes": [],
        }
    return out


def inventory(world: World) -> dict[str, Any]:
    """Per body and language, what the sites hold; portal counts under ``portals`` when available."""
    bodies = {**_govkz_inventory(world), **_classic_inventory(world)}
    return {
        "as_of": world.as_of.isoformat(),
        "faults": world.faults,
        "bodies": bodies,
        "portals": portal_inventory(world),
    }


def as_data(world: World) -> dict[str, Any]:
    defects = []
    for defect in all_defects(world):
        record = asdict(defect)
        record["measured"] = dict(defect.measured)
        defects.append(record)
    return {"defects": defects, "inventory": inventory(world)}


def render_yaml(world: World) -> str:
    return yaml.safe_dump(as_data(world), allow_unicode=True, sort_keys=False, width=200)


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_markdown(world: World) -> str:
    data = as_data(world)
    lines = [
        "# Ground truth of the replica world",
        "",
        f"Generated by `ashyq world truth --format md` for the world as of {world.as_of.isoformat()} "
        f"(faults: {world.faults}). Do not edit by hand: a test checks this file against the code.",
        "",
        "Every seeded defect is stated against the methodology item it breaks; `expected` is the status a",
        "correct check reports, `measured` the figures it should find.",
        "",
        f"## Defects ({len(data['defects'])})",
        "",
        "| body | item | lang | expected | description | where | measured |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in data["defects"]:
        measured = ", ".join(f"{k}={v}" for k, v in d["measured"].items())
        lines.append(
            f"| {d['body']} | {d['item']} | {d['lang'] or '–'} | {d['expected']} | {_cell(d['description'])} | "
            f"{_cell(d['where'])} | {_cell(measured)} |"
        )
    lines += [
        "",
        "## Inventory of the websites",
        "",
        "| body | site | host | lang | pages | news | documents | extra |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for body_id, entry in data["inventory"]["bodies"].items():
        for lang, counts in entry["langs"].items():
            extra = ", ".join(f"{k}={v}" for k, v in counts.items() if k not in ("pages", "news", "documents"))
            lines.append(
                f"| {body_id} | {entry['site']} | {entry['host']} | {lang} | {counts['pages']} | {counts['news']} | "
                f"{counts['documents']} | {extra} |"
            )
    notes = [(b, n) for b, e in data["inventory"]["bodies"].items() for n in e["notes"]]
    if notes:
        lines += ["", "Notes:", ""] + [f"- {b}: {n}" for b, n in notes]
    if data["inventory"]["portals"]:
        lines += [
            "",
            "## Inventory of the portals",
            "",
            "```yaml",
            yaml.safe_dump(data["inventory"]["portals"], allow_unicode=True, sort_keys=False, width=200).rstrip(),
            "```",
        ]
    return "\n".join(lines) + "\n"
