"""The monitoring night's page, in Kazakh and Russian: what changed on www.gov.kz overnight, entity by
entity, and who has gone silent. Read from the night's ``monitor.json`` (ashyq.pipeline.monitor); says
"monitoring" at its head and never scores or ranks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ashyq.reports.i18n import catalogue, format_date
from ashyq.reports.rendering import render


def render_monitor_html(document: dict[str, Any], lang: str) -> str:
    changed = [
        {
            **entity,
            "published": entity["items"],  # (``items`` would be the mapping's method in the template)
            "news": sum(1 for i in entity["items"] if i["kind"] == "news"),
            "documents": sum(1 for i in entity["items"] if i["kind"] == "documents"),
        }
        for entity in document.get("changed") or []
    ]
    requests = int((document.get("requests") or {}).get("www.gov.kz", 0))
    entities = int(document.get("entities") or 0)
    t = catalogue().translator(lang)
    return render(
        "monitor.html.j2",
        lang=lang,
        t=t,
        date=format_date(date.fromisoformat(str(document["as_of"]))),
        first_night=bool(document.get("first_night")),
        window=document.get("window_days"),
        silent_days=document.get("silent_days"),
        entities=entities,
        changed=changed,
        silent=document.get("silent") or [],
        requests=requests,
        per_entity=f"{requests / entities:.2f}" if entities else "0",
        fallback=document.get("fallback") or [],
        period=document.get("period", ""),
        undated=document.get("undated") or {},
        **national_view(document, lang),
    )


def changed_summary(entity: dict[str, Any], t: Any) -> str:
    """What one entity changed, in a line: counts by kind (news, documents, pages, drafts, comments, posts)."""
    portals = entity.get("portals") or {}
    counts = {
        "monitor.news": sum(1 for i in entity.get("items") or [] if i.get("kind") == "news"),
        "monitor.documents": sum(1 for i in entity.get("items") or [] if i.get("kind") == "documents"),
        "monitor.pages_changed": len(entity.get("pages_changed") or []),
        "monitor.drafts": len(portals.get("drafts") or []),
        "monitor.discussions": sum(int(c.get("new") or 0) for c in portals.get("comments") or []),
        "monitor.blog": len(portals.get("blog_posts") or []),
    }
    return "; ".join(f"{t(key)}: {n}" for key, n in counts.items() if n)


def national_view(document: dict[str, Any], lang: str) -> dict[str, Any]:
    """The night's regions and a line per changed entity, for the national view (the night's page and
    the dashboard's)."""
    t = catalogue().translator(lang)
    national = document.get("national") or {}
    return {
        "regions": national.get("regions") or [],
        "changed_text": {e["slug"]: changed_summary(e, t) for e in document.get("changed") or []},
    }


def write_monitor_pages(document_path: Path, langs: tuple[str, ...] = ("kk", "ru")) -> list[Path]:
    """``monitor.<lang>.html`` beside the night's ``monitor.json``, one per language."""
    document = json.loads(document_path.read_text(encoding="utf-8"))
    out = []
    for lang in langs:
        path = document_path.with_name(f"monitor.{lang}.html")
        path.write_text(render_monitor_html(document, lang), encoding="utf-8")
        out.append(path)
    return out
