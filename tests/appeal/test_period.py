"""Part D: a run judges one reporting period — by default the one its audit date falls in, of the kind
the edition names — and every dated item is judged within it, up to the audit date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import ashyq.checks.registry  # noqa: F401  (registers every check)
from ashyq.base.artifacts import BodyArtifacts, PortalRecord
from ashyq.base.period import last_complete, parse_period, period_of, purpose_of
from ashyq.checks.registry import run_checks
from ashyq.crawler.storing import store_body
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.store import repository as repo
from ashyq.store.bodies import load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.vocabulary import RunKind

AS_OF = date(2026, 11, 20)


def test_periods_and_the_editions_kinds() -> None:
    assert period_of(AS_OF).label == "2026" and period_of(AS_OF, "half-year").label == "2026-H2"
    assert parse_period("2025-H1").end == date(2025, 6, 30)
    with pytest.raises(ValueError):
        parse_period("2025-Q3")
    kinds = {name: load_edition(edition_path(name)).reporting_period for name in ("kz-2025", "kz-2017")}
    assert kinds["kz-2025"] is not None and kinds["kz-2025"].kind == "year"
    assert kinds["kz-2017"] is not None and kinds["kz-2017"].kind == "half-year"  # "на полугодовой основе"
    assert parse_period("2026").judged_until(AS_OF) == AS_OF
    assert parse_period("2025").within(date(2025, 12, 31), AS_OF)
    assert not parse_period("2026").within(date(2026, 11, 21), AS_OF)  # after the audit date


def _blog(days: list[date]) -> list[PortalRecord]:
    url = "https://dialog.egov.kz/blogs/32777/posts?page=1"
    out = [PortalRecord("dialog", "coverage", {"content": "blog_posts", "measurable": True}, url, "ru", "c")]
    for n, day in enumerate(days):
        payload = {"title": f"Запись {n}", "url": f"https://dialog.egov.kz/blogs/posts/{n}", "date": day.isoformat()}
        out.append(PortalRecord("dialog", "blog_post", payload, url, "ru", str(n)))
    return out


def _drafts(created: list[date]) -> list[PortalRecord]:
    url = "https://legalacts.egov.kz/list?governmentId=1"
    out = [
        PortalRecord("legalacts", "coverage", {"content": c, "measurable": True}, url, "ru", c)
        for c in ("drafts", "drafts_archive", "regulatory_policy_documents")
    ]
    for n, day in enumerate(created):
        payload = {"title": f"Об утверждении правил {n}", "created": day.isoformat(), "comments": 0}
        out.append(PortalRecord("legalacts", "draft", payload, url, "ru", str(100 + n)))
    return out


def _status(artifacts: BodyArtifacts, item: str) -> tuple[str, dict[str, object]]:
    found = next(r for r in run_checks(artifacts, only_items=[item]) if r.item == item and r.lang == "ru")
    return found.status, found.measured


def test_dated_items_are_judged_within_the_period() -> None:
    # 30 blog entries in 2025, 12 in 2026: the 2026 run does not count last year's
    days = [date(2025, 1 + n % 12, 3 + n // 12) for n in range(30)] + [date(2026, m, 10) for m in range(1, 13)]
    records = _blog(days) + _drafts([date(2025, 3, 1), date(2025, 9, 1)])
    this_year = BodyArtifacts("b", "cgo", AS_OF, records=records)
    last_year = BodyArtifacts("b", "cgo", AS_OF, records=records, period=parse_period("2025"))
    assert _status(this_year, "T6-2")[1]["entries"] == 11  # January to November (December is after as_of)
    assert _status(last_year, "T6-2")[1]["entries"] == 30
    # no draft act posted in 2026: nothing to publish in 2026 (the reading npa-nothing-posted scores it),
    # judged on the two drafts of 2025 for 2025
    status, measured = _status(this_year, "T4-2")
    assert status == "not_applicable" and measured.get("nothing_to_publish"), (status, measured)
    assert _status(last_year, "T4-2")[0] == "not_assessed"  # the drafts are there, their cards are not


def test_a_stored_run_hands_its_period_to_the_checks(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    ensure_schema(db)
    with session_scope(db) as session:
        repo.upsert_bodies(session, [store_body(b) for b in load_registry("demo").bodies])
        run = repo.start_run(
            session,
            RunKind.AUDIT,
            body_ids=["enbek"],
            as_of=AS_OF,
            settings={"period": parse_period("2025-H2").as_dict()},
        )
        artifacts = load_artifacts(session, run, "enbek", tmp_path)
    assert artifacts.reporting_period().label == "2025-H2"


def test_an_assessment_judges_a_period_that_has_ended_and_the_rest_is_monitoring() -> None:
    """The assessment is annual («ежегодной оценки эффективности», 001_2eda7a10a42a5ed2.txt, line 180)
    and its forms are of a «(отчетный период)» (000_12c86a9f7dcd6cb4.txt, line 350): the year the audit
    date falls in, not over yet, is monitored to date; the last one that ended is assessed."""
    assert purpose_of(period_of(AS_OF), AS_OF) == "monitoring"
    assert last_complete(AS_OF).label == "2025" and purpose_of(last_complete(AS_OF), AS_OF) == "assessment"
    assert last_complete(date(2026, 3, 1), "half-year").label == "2025-H2"
    assert last_complete(date(2026, 8, 1), "half-year").label == "2026-H1"
    # the last day of a year is still the year under way; the next day it has ended
    assert purpose_of(parse_period("2026"), date(2026, 12, 31)) == "monitoring"
    assert purpose_of(parse_period("2026"), date(2027, 1, 1)) == "assessment"
    assert period_of(date(2026, 7, 1)).elapsed_share(date(2026, 7, 1)) == pytest.approx(182 / 365)
    assert parse_period("2025").elapsed_share(AS_OF) == 1.0


def test_the_command_line_names_the_last_period_that_ended() -> None:
    from ashyq.cli.audit import period_or_exit

    assert period_or_exit("last", AS_OF, "kz-2025") == parse_period("2025")
    assert period_or_exit(" LAST ", date(2026, 1, 5), "kz-2025") == parse_period("2025")
    assert period_or_exit(None, AS_OF, "kz-2025") is None
    assert period_or_exit("2026-H1", AS_OF, "kz-2025") == parse_period("2026-H1")


def test_a_run_records_what_it_is_for(tmp_path: Path) -> None:
    from ashyq.pipeline.audit import AuditRequest, start_audit_run
    from ashyq.store.models import Run

    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    ensure_schema(db)
    with session_scope(db) as session:
        repo.upsert_bodies(session, [store_body(b) for b in load_registry("demo").bodies])
    purposes = {}
    for period in (None, parse_period("2025")):
        request = AuditRequest(["enbek"], "demo", "kz-2025", tmp_path, db, {}, AS_OF, RunKind.AUDIT, period=period)
        run_id = start_audit_run(request)
        with session_scope(db) as session:
            run = session.get(Run, run_id)
            assert run is not None
            purposes[run.settings["period"]["label"]] = run.settings["purpose"]
    assert purposes == {"2026": "monitoring", "2025": "assessment"}
