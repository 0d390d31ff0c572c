"""The browser measurements of a run: for each body, the gather step (ashyq.gather) on a sample of
the pages the harvest stored; every measurement is stored as evidence before the checks read it.

The sample (home page plus a configured number of pages per section type) is recorded in the run's
settings, so a reader knows which pages the browser checks saw.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.store.models import Evidence, FetchFailure, Page, Run
from ashyq.store.repository import add_evidence, add_fetch_failures
from ashyq.store.vocabulary import EvidenceKind, FetchFailureReason

Progress = Callable[[str, dict[str, Any]], None]


def _html_pages(session: Session, run: Run, body_id: str) -> tuple[list[str], str | None]:
    """The body's HTML pages in the order the harvest found them, and its home page (depth 0)."""
    pages = session.scalars(
        select(Page).where(Page.run_id == run.id, Page.body_id == body_id).order_by(Page.depth, Page.id)
    ).all()
    urls = [p.url for p in pages if (p.status or 0) < 400 and "html" in (p.content_type or "html")]
    home = next((p.url for p in pages if p.depth == 0 and (p.status or 0) < 400), urls[0] if urls else None)
    return list(dict.fromkeys(urls)), home


def _relative(path: str | None, out_dir: Path) -> str | None:
    if not path:
        return None
    try:
        return str(Path(path).resolve().relative_to(out_dir))
    except ValueError:
        return path


def measure_run(
    session: Session, run: Run, body_ids: list[str], out_dir: Path, base_url_map: dict[str, str], progress: Progress
) -> None:
    from ashyq.gather.pages import gather_pages
    from ashyq.gather.visits import GatherSettings

    samples: dict[str, list[str]] = {}
    for body_id in body_ids:
        urls, home = _html_pages(session, run, body_id)
        if not urls:
            progress("measure-skipped", {"reason": f"{body_id}: no harvested page to measure"})
            continue
        progress("measure", {"body": body_id})
        shots = out_dir / "runs" / run.id / "shots" / body_id / "browser"
        shots.mkdir(parents=True, exist_ok=True)
        settings = GatherSettings.from_config(url_map=base_url_map or None, screenshots_dir=shots)
        try:
            result = gather_pages(urls, settings, home)
        except Exception as error:  # the browser itself failed: every browser item will be not_assessed
            add_fetch_failures(
                session,
                [
                    FetchFailure(
                        run_id=run.id,
                        body_id=body_id,
                        url=home or urls[0],
                        reason=FetchFailureReason.ERROR,
                        detail=f"browser gather: {error}"[:500],
                    )
                ],
            )
            continue
        samples[body_id] = result.sample
        add_evidence(
            session,
            [
                Evidence(
                    run_id=run.id,
                    body_id=body_id,
                    kind=EvidenceKind.AXE_RESULT if m.kind == "axe" else EvidenceKind.MEASUREMENT,
                    url=m.url,
                    path=_relative(m.screenshot, out_dir),
                    metadata_={
                        "measurement": m.kind,
                        "data": m.data,
                        "lang": m.lang,
                        "viewport": m.viewport,
                        "tool_versions": m.tool_versions,
                    },
                )
                for m in result.measurements
            ],
        )
        add_fetch_failures(
            session,
            [
                FetchFailure(run_id=run.id, body_id=body_id, url=f.url, reason=_reason(f.reason), detail=f.detail)
                for f in result.failures
            ],
        )
    # several parts of a run (queue workers) measure their bodies at the same time: the samples are
    # merged into a fresh copy of the run's settings under the row's lock
    fresh = session.get(Run, run.id, with_for_update=True, populate_existing=True)
    assert fresh is not None
    earlier = dict((fresh.settings or {}).get("browser_sample") or {})
    fresh.settings = {**(fresh.settings or {}), "browser_sample": {**earlier, **samples}}
    session.flush()


def _reason(value: str) -> FetchFailureReason:
    try:
        return FetchFailureReason(value)
    except ValueError:
        return FetchFailureReason.ERROR
