"""The dashboard's national view of the last monitoring night: every region, every entity, what changed
(``monitoring.html``, kk or ru). Read from the night's ``monitor.json`` through the store's record of
the run; says "monitoring" at its head, gives no level and ranks nobody."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.reports.i18n import catalogue, format_date
from ashyq.reports.monitor_report import national_view
from ashyq.reports.rendering import render
from ashyq.store.models import Run
from ashyq.store.vocabulary import RunKind, RunStatus


def last_monitoring_document(session: Session, data_dir: Path) -> Path | None:
    """The ``monitor.json`` of the last finished monitoring night, if there is one on disk."""
    runs = session.scalars(
        select(Run)
        .where(Run.kind == RunKind.MONITOR, Run.status.in_([RunStatus.COMPLETE, RunStatus.PARTIAL]))
        .order_by(Run.finished_at.desc())
    )
    for run in runs:
        name = ((run.settings or {}).get("monitor") or {}).get("document")
        if name and (data_dir / name).is_file():
            return data_dir / name
    return None


def write_national_page(session: Session, data_dir: Path, site_dir: Path, lang: str) -> Path | None:
    """``monitoring.html`` in the dashboard's folder, or None when no monitoring night is stored."""
    found = last_monitoring_document(session, data_dir)
    if found is None:
        return None
    document = json.loads(found.read_text(encoding="utf-8"))
    html = render(
        "dashboard_monitoring.html.j2",
        lang=lang,
        t=catalogue().translator(lang),
        date=format_date(date.fromisoformat(str(document["as_of"]))),
        **national_view(document, lang),
    )
    page = site_dir / "monitoring.html"
    page.write_text(html, encoding="utf-8")
    return page
