"""The repository API the stages share, and the cascades it relies on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from store_sample import Sample

from ashyq.base.vocabulary import Lang
from ashyq.store import repository as repo
from ashyq.store.models import (
    Body,
    Declaration,
    Download,
    Evidence,
    FetchFailure,
    Finding,
    Link,
    Page,
    PortalRecord,
    ReconciliationEntry,
    Run,
    Score,
    finding_evidence,
)
from ashyq.store.vocabulary import EvidenceKind, RunKind, RunStatus

T0 = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)


def body(body_id: str, parent_id: str | None = None, **changes: object) -> Body:
    fields: dict[str, object] = {
        "id": body_id,
        "name_kk": f"{body_id} әкімдігі",
        "name_ru": f"акимат {body_id}",
        "name_en": f"akimat {body_id}",
        "kind": "mio" if parent_id is None else "subordinate",
        "site_urls": [f"https://{body_id}.gov.kz/"],
        "parent_id": parent_id,
    }
    return Body(**{**fields, **changes})


# ── bodies ─────────────────────────────────────────────────────────────────────────────────────


def test_upsert_inserts_children_given_before_their_parents(session: Session) -> None:
    stored = repo.upsert_bodies(session, [body("zhetisu-bilim", "zhetisu"), body("zhetisu")])
    session.commit()
    assert [b.id for b in stored] == ["zhetisu", "zhetisu-bilim"]
    child = repo.get_body(session, "zhetisu-bilim")
    assert child is not None and child.parent is not None and child.parent.id == "zhetisu"


def test_upsert_overwrites_with_the_registry_version(session: Session) -> None:
    repo.upsert_bodies(session, [body("abai"), body("abai-densaulyq", "abai")])
    session.commit()
    repo.upsert_bodies(session, [Body(id="abai", name_kk="Абай облысы әкімдігі", name_ru="Акимат", kind="mio")])
    session.commit()
    session.expire_all()
    updated = repo.get_body(session, "abai")
    assert updated is not None
    assert updated.name_kk == "Абай облысы әкімдігі"
    assert updated.name_en is None  # dropped from the registry, so dropped here
    assert updated.site_urls == []
    assert [b.id for b in repo.list_bodies(session)] == ["abai", "abai-densaulyq"]  # not deleted


def test_upsert_refuses_a_parent_cycle(session: Session) -> None:
    with pytest.raises(ValueError, match="each other's parents"):
        repo.upsert_bodies(session, [body("a", "b"), body("b", "a")])


# ── runs ───────────────────────────────────────────────────────────────────────────────────────


def test_start_and_finish_a_run(session: Session) -> None:
    run = repo.start_run(session, RunKind.AUDIT, body_ids=["abai"], edition="kz-2025", started_at=T0)
    assert run.id.startswith("20261101T020000Z-audit-")
    assert run.status is RunStatus.RUNNING
    repo.finish_run(session, run.id, RunStatus.PARTIAL, finished_at=T0 + timedelta(hours=1))
    session.commit()
    assert repo.get_run(session, run.id) is run
    assert (run.status, run.finished_at) == (RunStatus.PARTIAL, T0 + timedelta(hours=1))
    with pytest.raises(ValueError, match="already finished"):
        repo.finish_run(session, run)
    with pytest.raises(ValueError, match="not running"):
        repo.finish_run(session, run, RunStatus.RUNNING)


def add_run(session: Session, kind: RunKind, status: RunStatus, hours: int, duration: int = 1) -> Run:
    run = repo.start_run(session, kind, started_at=T0 + timedelta(hours=hours), run_id=f"{kind.value}-{hours}")
    if status is not RunStatus.RUNNING:
        repo.finish_run(session, run, status, finished_at=T0 + timedelta(hours=hours + duration))
    return run


def test_last_complete_run(session: Session) -> None:
    assert repo.last_complete_run(session) is None
    nightly = add_run(session, RunKind.NIGHTLY, RunStatus.COMPLETE, 0, duration=10)  # finishes at 10
    audit = add_run(session, RunKind.AUDIT, RunStatus.COMPLETE, 2)  # started later, finished at 3
    add_run(session, RunKind.NIGHTLY, RunStatus.FAILED, 20)
    add_run(session, RunKind.NIGHTLY, RunStatus.PARTIAL, 30)
    add_run(session, RunKind.AUDIT, RunStatus.RUNNING, 40)
    session.commit()
    assert repo.last_complete_run(session) is nightly  # the one that finished last
    assert repo.last_complete_run(session, RunKind.AUDIT) is audit
    assert repo.last_complete_run(session, RunKind.DEMO) is None


def score(run: Run, body_id: str, total: float, edition: str = "kz-2025") -> Score:
    return Score(
        run_id=run.id,
        body_id=body_id,
        edition=edition,
        points=total,
        max_points=100,
        max_assessed=100,
        max_not_assessed=0,
        total=total,
        final=total,
    )


def test_history_lists_finished_runs_oldest_first(session: Session) -> None:
    repo.upsert_bodies(session, [body("abai"), body("ulytau")])
    # Added newest first, so the order has to come from the query.
    late = add_run(session, RunKind.NIGHTLY, RunStatus.PARTIAL, 48)
    failed = add_run(session, RunKind.NIGHTLY, RunStatus.FAILED, 24)
    early = add_run(session, RunKind.NIGHTLY, RunStatus.COMPLETE, 0)
    unfinished = add_run(session, RunKind.NIGHTLY, RunStatus.RUNNING, 72)
    repo.add_scores(
        session,
        [
            score(late, "abai", 70),
            score(late, "abai", 40, edition="kz-2017"),
            score(failed, "abai", 10),
            score(early, "abai", 55),
            score(unfinished, "abai", 90),
            score(early, "ulytau", 33),
        ],
    )
    session.commit()
    points = repo.history(session, "abai")
    assert [(p.run.id, p.score.edition, p.score.total) for p in points] == [
        (early.id, "kz-2025", 55),
        (late.id, "kz-2017", 40),
        (late.id, "kz-2025", 70),
    ]
    assert [p.score.total for p in repo.history(session, "abai", edition="kz-2025")] == [55, 70]
    assert repo.history(session, "nobody") == []
    assert [(s.body_id, s.total) for s in repo.scores_for(session, early.id)] == [("abai", 55), ("ulytau", 33)]


# ── findings and evidence ──────────────────────────────────────────────────────────────────────


def finding(run: Run, item: str, lang: Lang | None, **changes: object) -> Finding:
    fields: dict[str, object] = {
        "run_id": run.id,
        "body_id": "abai",
        "item": item,
        "lang": lang,
        "status": "pass",
        "check_id": "test",
        "check_version": "1",
    }
    return Finding(**{**fields, **changes})


def test_findings_for_comes_in_methodology_order(session: Session) -> None:
    repo.upsert_bodies(session, [body("abai"), body("ulytau")])
    run = add_run(session, RunKind.AUDIT, RunStatus.COMPLETE, 0)
    other = add_run(session, RunKind.AUDIT, RunStatus.COMPLETE, 5)
    repo.add_findings(
        session,
        [
            finding(run, "T10-1", "ru"),
            finding(run, "A14-10.1", None),
            finding(run, "T7.1-2", "ru"),
            finding(run, "A14-2.3", "ru"),
            finding(run, "A14-2.3", "kk"),
            finding(run, "A14-2.3", None),
            finding(run, "T7-1", "kk"),
            finding(run, "F", None),
            finding(run, "T9-1", "kk", body_id="ulytau"),
            finding(other, "A14-1", "kk"),
        ],
    )
    session.commit()
    found = repo.findings_for(session, run.id, "abai")
    assert [(f.item, f.lang) for f in found] == [
        ("A14-2.3", None),
        ("A14-2.3", "kk"),
        ("A14-2.3", "ru"),
        ("A14-10.1", None),
        ("F", None),
        ("T7-1", "kk"),
        ("T7.1-2", "ru"),
        ("T10-1", "ru"),
    ]


def evidence(run: Run, evidence_id: str) -> Evidence:
    return Evidence(
        id=evidence_id, run_id=run.id, body_id="abai", kind=EvidenceKind.SCREENSHOT, url="https://abai.gov.kz/"
    )


def test_add_findings_links_the_evidence_its_deficiencies_cite(session: Session) -> None:
    repo.upsert_bodies(session, [body("abai")])
    run = add_run(session, RunKind.AUDIT, RunStatus.COMPLETE, 0)
    shot, _warc, dom = repo.add_evidence(session, [evidence(run, "shot"), evidence(run, "warc"), evidence(run, "dom")])
    repo.add_findings(
        session,
        [
            finding(
                run,
                "A14-2.3",
                "kk",
                status="fail",
                deficiencies=[
                    {"message": "Байланыс беті жоқ", "evidence": ["warc", "shot"]},
                    {"message": "Мекенжай жоқ", "evidence": ["warc"]},
                ],
                evidence=[dom, shot],  # "shot" is both attached and cited: linked once
            )
        ],
    )
    session.commit()
    [loaded] = repo.findings_for(session, run.id, "abai")
    assert [e.id for e in loaded.evidence] == ["dom", "shot", "warc"]
    assert session.scalar(select(func.count()).select_from(finding_evidence)) == 3


def test_a_cited_evidence_id_that_does_not_exist_is_refused(session: Session) -> None:
    repo.upsert_bodies(session, [body("abai")])
    run = add_run(session, RunKind.AUDIT, RunStatus.COMPLETE, 0)
    dangling = finding(run, "T7-1", "kk", deficiencies=[{"message": "…", "evidence": ["nowhere"]}])
    with pytest.raises(IntegrityError):
        repo.add_findings(session, [dangling])


def test_pages_keep_links_and_downloads_in_order(session: Session) -> None:
    repo.upsert_bodies(session, [body("abai")])
    run = add_run(session, RunKind.AUDIT, RunStatus.COMPLETE, 0)
    page = Page(run_id=run.id, body_id="abai", url="https://abai.gov.kz/kk/")
    page.links = [Link(target_url=f"https://abai.gov.kz/{i}", is_internal=True) for i in (3, 1, 2)]
    repo.add_pages(session, [page])
    repo.add_links(session, [Link(page_id=page.id, target_url="https://egov.kz/", is_internal=False)])
    repo.add_downloads(session, [Download(page_id=page.id, url="https://abai.gov.kz/есеп.xlsx", format="xlsx")])
    session.commit()
    session.expire_all()
    assert [link.target_url for link in page.links] == [
        "https://abai.gov.kz/3",
        "https://abai.gov.kz/1",
        "https://abai.gov.kz/2",
        "https://egov.kz/",
    ]
    assert [download.format for download in page.downloads] == ["xlsx"]


# ── cascades ───────────────────────────────────────────────────────────────────────────────────


def count(session: Session, table: object) -> int:
    return session.scalar(select(func.count()).select_from(table)) or 0  # type: ignore[arg-type]


def test_deleting_a_run_deletes_what_it_produced(session: Session, sample: Sample) -> None:
    produced = [Evidence, Finding, finding_evidence, Score, Page, Link, Download, PortalRecord, FetchFailure]
    produced += [ReconciliationEntry]
    assert all(count(session, table) > 0 for table in produced)
    session.execute(Run.__table__.delete())  # type: ignore[attr-defined]
    session.commit()
    assert {getattr(t, "__name__", "finding_evidence"): count(session, t) for t in produced} == dict.fromkeys(
        [getattr(t, "__name__", "finding_evidence") for t in produced], 0
    )
    # What outlives a run: the registry, and what a body declared (now loose from the run).
    assert count(session, Body) == 2
    assert session.scalars(select(Declaration.run_id)).all() == [None]


def test_a_body_with_history_cannot_be_deleted(session: Session, sample: Sample) -> None:
    session.delete(sample.parent)
    with pytest.raises(IntegrityError):
        session.flush()


def test_deleting_a_parent_body_frees_its_children(session: Session) -> None:
    repo.upsert_bodies(session, [body("turkistan"), body("turkistan-su", "turkistan")])
    session.commit()
    session.execute(Body.__table__.delete().where(Body.id == "turkistan"))  # type: ignore[attr-defined]
    session.commit()
    session.expire_all()
    child = repo.get_body(session, "turkistan-su")
    assert child is not None and child.parent_id is None
