"""A store of one body whose nights carry an uncertain verdict, for the review tests: each night's page
is captured with a digest the test chooses, the checks' results (one uncertain ``T1-1`` ru, one
certain ``T1-1`` kk) are saved through the pipeline's own saver, answers are carried as the check
stage carries them, and the run is scored. No world, no browser: a night takes a fraction of a second."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from ashyq.base.evidence import EvidenceRef
from ashyq.checks.result import Result
from ashyq.pipeline.results import findings_document, save_results
from ashyq.pipeline.review import carry_answers, rescore
from ashyq.store.db import session_scope
from ashyq.store.models import Body, Page, Run
from ashyq.store.repository import scores_for
from ashyq.store.vocabulary import RunKind, RunStatus

BODY = "akimat"
PAGE = "https://akimat.example.kz/ru/structure"
DAY = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
QUESTION = f"{BODY}:T1-1:ru"


def results(both_open: bool = False) -> list[Result]:
    """The ru verdict uncertain; the kk one certain, or uncertain too when ``both_open``."""
    page = EvidenceRef(url=PAGE, selector="nav a.structure", snippet="Структура")
    guess = Result("T1-1", "ru", "fail", evidence=[page]).uncertain("label_only", quote="Структура")
    other = Result("T1-1", "kk", "pass", evidence=[EvidenceRef(url=PAGE.replace("/ru/", "/kk/"))])
    if both_open:
        other.uncertain("heading_only", quote="Құрылым")
    return [guess, other]


def night(db: str, number: int, digest: str, both_open: bool = False) -> str:
    """A night's run of the body: its page captured with ``digest``, the checks' results saved and the
    answers carried as the check stage does, then scored."""
    run_id = f"night-{number}"
    with session_scope(db) as session:
        if session.get(Body, BODY) is None:
            session.add(Body(id=BODY, name_kk="Әкімдік", name_ru="Акимат", kind="mio", site_urls=[], tags=[]))
            session.flush()
        run = Run(
            id=run_id,
            kind=RunKind.NIGHTLY,
            status=RunStatus.COMPLETE,
            started_at=DAY + timedelta(days=number),
            finished_at=DAY + timedelta(days=number, hours=1),
            edition="kz-2025",
            as_of=date(2026, 11, 20) + timedelta(days=number),
            settings={"edition": "kz-2025"},
            body_ids=[BODY],
        )
        session.add(run)
        session.flush()
        session.add(Page(run_id=run_id, body_id=BODY, url=PAGE, status=200, content_sha256=digest))
        session.flush()
        save_results(session, run, BODY, results(both_open))
        carry_answers(session, run, BODY)
        rescore(session, run, 1, {"command": "night"})
    return run_id


def finding(db: str, run_id: str, lang: str = "ru") -> tuple[str, str, dict[str, Any] | None]:
    """The finding's status, certainty and decision, as findings.json writes them (the ru one: uncertain)."""
    with session_scope(db) as session:
        run = session.get(Run, run_id)
        entry = next(
            f for f in findings_document(session, run, [BODY])["findings"] if (f["item"], f["lang"]) == ("T1-1", lang)
        )
        return entry["status"], entry["certainty"], entry.get("decided")


def final(db: str, run_id: str) -> float:
    with session_scope(db) as session:
        return next(s.final for s in scores_for(session, run_id, "kz-2025") if s.body_id == BODY)
