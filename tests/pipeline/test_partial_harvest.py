"""A site the harvest obtains only in part (the replica's ``site-pages`` outage: pages that answer 503
on every attempt, pages that never answer in time): every page lost is a recorded failure with its
reason, the findings those pages could change are ``not_assessed`` citing them, every other finding is
the one the whole site gets, and the run is ``partial`` (exit code 1)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from ashyq_replica.core import World
from ashyq_replica.faults import SITE_PAGES_OUTAGE, lost_page

from ashyq.checks.registry import check_for
from ashyq.pipeline.audit import AuditSummary
from ashyq.store.db import session_scope
from ashyq.store.models import FetchFailure, Finding, Page, Run
from ashyq.store.vocabulary import RunStatus
from tests.pipeline.audit_harness import audit_on_replica

pytestmark = pytest.mark.slow

BODY = "kostanay"  # a classic site: harvested without the browser, so the test stays quick
Audited = tuple[AuditSummary, str]


def _audit(out: Path, outages: frozenset[str]) -> Audited:
    out.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load(Path("ashyq/config/crawl.yaml").read_text(encoding="utf-8"))
    config["download"]["timeout_seconds"] = 2  # a page that never answers costs seconds, not minutes
    config["retry"]["backoff_base_seconds"] = 0.1
    (out / "crawl.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return audit_on_replica(
        out,
        World(outages=outages),
        [BODY],
        browser=False,
        reports=bool(outages),  # the reports show the findings left open
        spiders=["site"],
        crawl_config=out / "crawl.yaml",
    )


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    return _audit(tmp_path_factory.mktemp("whole"), frozenset())


@pytest.fixture(scope="module")
def in_part(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    return _audit(tmp_path_factory.mktemp("in-part"), frozenset({SITE_PAGES_OUTAGE}))


def _lost(url: str) -> str | None:
    parts = urlsplit(url)
    return lost_page(parts.hostname or "", parts.path + (f"?{parts.query}" if parts.query else ""))


def _findings(db: str, run_id: str) -> dict[tuple[str, str | None], Finding]:
    with session_scope(db) as session:
        found = session.query(Finding).filter(Finding.run_id == run_id).all()
        for f in found:
            list(f.evidence)  # loaded before the session closes
            session.expunge(f)
        return {(f.item, f.lang): f for f in found}


def test_the_whole_site_is_complete_and_the_site_in_part_partial(whole: Audited, in_part: Audited) -> None:
    assert whole[0].status == RunStatus.COMPLETE and whole[0].exit_code == 0, whole[0].outcomes
    summary, db = in_part
    assert summary.status == RunStatus.PARTIAL and summary.exit_code == 1
    assert summary.outcomes[BODY].startswith("the website was harvested in part: ")
    with session_scope(db) as session:
        run = session.get(Run, summary.run_id)
        assert run is not None and run.status == RunStatus.PARTIAL
        recorded = run.settings["harvested_in_part"][BODY]
    assert recorded["missing_pages"] >= len(recorded["urls"]) > 0
    assert all(_lost(url) for url in recorded["urls"])


def test_every_lost_page_is_a_recorded_failure_with_its_reason(whole: Audited, in_part: Audited) -> None:
    with session_scope(whole[1]) as session:
        clean_pages = {p.url for p in session.query(Page).filter(Page.body_id == BODY)}
    with session_scope(in_part[1]) as session:
        pages = {p.url for p in session.query(Page).filter(Page.body_id == BODY)}
        failures = {f.url: (f.reason.value, f.status_code) for f in session.query(FetchFailure)}
    lost = {url for url in clean_pages if _lost(url)}
    # what the outage serves is harvested as before; a lost page the harvest reached is a failure
    reached = {url for url in lost if url in failures}
    assert reached and not reached & pages
    for url in reached:
        expected = ("http_status", 503) if _lost(url) == "503" else ("timeout", None)
        assert failures[url] == expected, url
    assert pages - {u for u in pages if _lost(u)} <= clean_pages


def test_only_the_findings_the_lost_pages_could_change_are_left_open(whole: Audited, in_part: Audited) -> None:
    before = _findings(whole[1], whole[0].run_id)
    after = _findings(in_part[1], in_part[0].run_id)
    assert before.keys() == after.keys()
    left_open = {k for k in before if before[k].status != after[k].status}
    assert len(left_open) >= 10
    runner_said = 0
    for key in left_open:
        finding = after[key]
        assert finding.status == "not_assessed", (key, before[key].status, finding.status)
        assert finding.reason
        cited = [e for e in finding.evidence if e.kind.value == "fetch_failure"]
        if "harvested in part" in finding.reason:
            runner_said += 1
            assert cited and all(_lost(e.url or "") for e in cited), key
            # the verdict on the pages seen (a section found only on a lost page: fail on those)
            seen = finding.measured["harvested_in_part"]["status_on_pages_seen"]
            check = check_for(key[0])
            assert check is not None
            assert seen in (("pass", "fail", "partial") if check.pages_rule == "everywhere" else ("fail", "partial"))
    assert runner_said
    # no deduction was made on the pages seen of a site seen in part: every fail and partial of a
    # website item the whole site earned is either the same (a defect seen stays a defect of an item
    # the missing pages cannot change) or left open
    assert any(before[k].status in ("fail", "partial") for k in left_open)
    assert not any(after[k].status in ("fail", "partial") and before[k].status == "pass" for k in before)
