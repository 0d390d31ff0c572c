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
    requests = sum((document.get("requests") or {}).values())
    entities = int(document.get("entities") or 0)
    return render(
        "monitor.html.j2",
        lang=lang,
        t=catalogue().translator(lang),
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
    )


def write_monitor_pages(document_path: Path, langs: tuple[str, ...] = ("kk", "ru")) -> list[Path]:
    """``monitor.<lang>.html`` beside the night's ``monitor.json``, one per language."""
    document = json.loads(document_path.read_text(encoding="utf-8"))
    out = []
    for lang in langs:
        path = document_path.with_name(f"monitor.{lang}.html")
        path.write_text(render_monitor_html(document, lang), encoding="utf-8")
        out.append(path)
    return out
