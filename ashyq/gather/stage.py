"""The browser measurements of a run: for each body, the gather step (ashyq.gather) on one page of
every template the site uses and on the pages whose markup showed something to confirm
(:mod:`ashyq.gather.templates`); every measurement is stored as evidence before the checks read it.

The pages measured, each with why (its template, or what to confirm), are recorded in the run's
settings, so a reader knows which pages the browser checks saw. Without the pages' markup (a caller
that gives none) the older sample is taken: the home page plus a few pages per section type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.base.artifacts import Measurement
from ashyq.store.models import Evidence, FetchFailure, Page, Run
from ashyq.store.repository import add_evidence, add_fetch_failures, locked_run
from ashyq.store.vocabulary import EvidenceKind, FetchFailureReason
from ashyq.store.warc import acquire_archive, release_archive

Progress = Callable[[str, dict[str, Any]], None]
# body → its harvested pages as (url, markup), and URL → what the markup asks the browser to confirm
PagesOf = Callable[[str], Sequence[tuple[str, str]]]
ConfirmOf = Callable[[str], Mapping[str, str]]


def _html_pages(session: Session, run: Run, body_id: str) -> tuple[list[str], str | None]:
    """The body's HTML pages by click depth and address (the same harvest, the same order, however a
    concurrent crawl stored it), and its home page (depth 0)."""
    pages = session.scalars(
        select(Page)
        .where(Page.run_id == run.id, Page.body_id == body_id)
        .order_by(Page.depth.is_(None), Page.depth, Page.url, Page.id)
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
    session: Session,
    run: Run,
    body_ids: list[str],
    out_dir: Path,
    base_url_map: dict[str, str],
    progress: Progress,
    pages_of: PagesOf | None = None,
    confirm_of: ConfirmOf | None = None,
) -> None:
    from ashyq.config.check_settings import check_settings
    from ashyq.gather.pages import gather_pages
    from ashyq.gather.templates import choose
    from ashyq.gather.visits import GatherSettings

    sampling = check_settings("accessibility")["sampling"]
    samples: dict[str, list[str]] = {}
    why: dict[str, dict[str, str]] = {}
    for body_id in body_ids:
        urls, home = _html_pages(session, run, body_id)
        if not urls:
            progress("measure-skipped", {"reason": f"{body_id}: no harvested page to measure"})
            continue
        progress("measure", {"body": body_id})
        shots = out_dir / "runs" / run.id / "shots" / body_id / "browser"
        shots.mkdir(parents=True, exist_ok=True)
        # what the browser gets while measuring goes into the body's WARC of the run (ashyq.net.capture)
        archive = acquire_archive(out_dir, run.id, body_id)
        settings = GatherSettings.from_config(url_map=base_url_map or None, screenshots_dir=shots, archive=archive)
        chosen: list[str] | None = None
        if pages_of is not None:
            html_urls = set(urls)
            marked = [(u, h) for u, h in pages_of(body_id) if u in html_urls]
            if marked:
                choice = choose(
                    marked,
                    home,
                    confirm_of(body_id) if confirm_of is not None else {},
                    int(sampling["max_templates"]),
                    int(sampling["max_confirm"]),
                    float(sampling["template_similarity"]),
                )
                chosen, why[body_id] = choice.urls, choice.reasons
                progress("measure-templates", {"body": body_id, "pages": choice.pages, "templates": choice.templates})
        try:
            result = gather_pages(urls, settings, home, chosen=chosen)
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
        finally:
            release_archive(out_dir, run.id, body_id)
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
                    **_archived(m),
                    metadata_={
                        "measurement": m.kind,
                        "data": m.data,
                        "lang": m.lang,
                        "viewport": m.viewport,
                        "tool_versions": m.tool_versions,
                        "records": [r.as_dict() for r in m.records],
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
    # several parts of a run (queue workers) measure their bodies at the same time: the samples and
    # why each page was chosen are merged into a fresh copy of the run's settings under the row's lock
    fresh = locked_run(session, run.id)
    assert fresh is not None
    stored = dict(fresh.settings or {})
    earlier = dict(stored.get("browser_sample") or {})
    earlier_why = dict(stored.get("browser_sample_why") or {})
    fresh.settings = {
        **stored,
        "browser_sample": {**earlier, **samples},
        "browser_sample_why": {**earlier_why, **why},
    }
    session.flush()


def _archived(measurement: Measurement) -> dict[str, Any]:
    """The measured page's own response in the WARC: where the measurement's evidence points."""
    document = measurement.document
    if document is None:
        return {}
    return {
        "warc_file": document.warc_file,
        "warc_record_id": document.record_id,
        "warc_offset": document.offset,
        "sha256": document.payload_sha256,
    }


def _reason(value: str) -> FetchFailureReason:
    try:
        return FetchFailureReason(value)
    except ValueError:
        return FetchFailureReason.ERROR
