"""An incremental nightly on a later audit date: the measurements taken over, the checks run again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import start_world

from ashyq.store import session_scope
from ashyq.store.models import Evidence, Finding, Run
from ashyq.store.vocabulary import EvidenceKind

from .nights_harness import BODY, night, outcomes, scores

PAGES = 6


@pytest.mark.slow
@pytest.mark.browser
def test_a_nightly_on_a_later_date_takes_over_the_measurements_and_checks_again(tmp_path: Path) -> None:
    """The audit date moved, nothing else did: the browser measures nothing again, the checks run again
    (deadlines are counted from the date), and the findings are those of a full run on that date;
    those that came out as before are the earlier findings carried forward."""
    out, db = tmp_path, f"sqlite:///{tmp_path / 'store.sqlite'}"
    world = World()
    later = world.as_of + timedelta(days=40)
    stages: list[tuple[str, dict[str, Any]]] = []
    with start_world(world) as served:
        urls = dict(served.urls)
        # six pages of the site (their browser measurements too): what moves with the date is the same
        first = night(world, out, db, urls, browser=True, spiders=["site"], max_pages=PAGES)
        second = night(
            world,
            out,
            db,
            urls,
            as_of=later,
            browser=True,
            spiders=["site"],
            max_pages=PAGES,
            progress=lambda s, i: stages.append((s, i)),
        )
        full = night(world, out, db, urls, as_of=later, browser=True, spiders=["site"], full=True, max_pages=PAGES)

    # no browser measurement was taken in the second night: no stage, no screenshot, no new capture
    assert not [i for s, i in stages if s == "measure"], stages
    assert not list((out / "runs" / second.run_id / "shots").rglob("*.png"))
    with session_scope(db) as session:

        def measured(run_id: str) -> list[Evidence]:  # what the measure stage stored, not the checks' citations
            kinds = [EvidenceKind.MEASUREMENT, EvidenceKind.AXE_RESULT]
            rows = session.query(Evidence).filter(Evidence.run_id == run_id, Evidence.kind.in_(kinds)).all()
            return [e for e in rows if "measurement" in (e.metadata_ or {})]

        taken, original = measured(second.run_id), measured(first.run_id)
        assert len(original) > 5 and len(taken) == len(original)
        assert {(e.url, e.path, e.warc_record_id) for e in taken} == {
            (e.url, e.path, e.warc_record_id) for e in original
        }
        assert all((e.metadata_ or {}).get("captured_in_run") == first.run_id for e in taken)
        assert all(e.path is None or e.path.startswith(f"runs/{first.run_id}/") for e in taken)
        run = session.get(Run, second.run_id)
        assert run is not None
        plan = run.settings["incremental"]["bodies"][BODY]
        assert plan["changed"] == ["as_of changed"] and plan["measurements_taken_over"] is True
        assert run.settings["browser_sample"][BODY] == session.get(Run, first.run_id).settings["browser_sample"][BODY]
        second_rows = session.query(Finding).filter(Finding.run_id == second.run_id).all()
        carried = [f for f in second_rows if f.carried_from == first.run_id]
        checked = [f for f in second_rows if f.carried_from is None]
        # a carried finding cites the first night's evidence rows (linked, not copied)
        assert carried and all(all(e.run_id == first.run_id for e in f.evidence) for f in carried)
        # the findings whose outcome moved with the date are the only ones checked anew
        before = {(f.item, f.lang): f for f in session.query(Finding).filter(Finding.run_id == first.run_id)}
        for f in checked:
            old = before.get((f.item, f.lang))
            assert (
                old is None
                or (old.status, old.reason, old.measured) != (f.status, f.reason, f.measured)
                or [{k: v for k, v in d.items() if k != "evidence"} for d in old.deficiencies]
                != [{k: v for k, v in d.items() if k != "evidence"} for d in f.deficiencies]
                or {(e.url, e.sha256, e.selector) for e in old.evidence}
                != {(e.url, e.sha256, e.selector) for e in f.evidence}
            )

    assert outcomes(db, second.run_id) == outcomes(db, full.run_id)
    assert scores(db, second.run_id) == scores(db, full.run_id)
