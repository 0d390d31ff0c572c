"""How a fleet runs the body jobs: the order they start in, and the stage timings each logs (the fleet
benchmark reads them): each stage's seconds are the stretches from its progress mark to the next
stage's, summed."""

from __future__ import annotations

from typing import Any

import pytest

from ashyq.pipeline import queue
from ashyq.pipeline.queue import StageClock


def test_each_stage_is_timed_from_its_mark_to_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(queue.time, "monotonic", lambda: now[0])
    seen: list[str] = []
    clock = StageClock()
    progress = clock.progress(lambda stage, info: seen.append(stage))

    def stage(name: str, seconds: float, **info: Any) -> None:
        progress(name, info)
        now[0] += seconds

    now[0] += 0.5  # the job's own start (the store, the clearing of a killed attempt)
    stage("crawl", 20.0, bodies=["enbek"])
    stage("crawl-progress", 4.0, event="body_done")  # within the harvest
    stage("measure", 30.0, bodies=["enbek"])
    stage("measure", 6.0, body="enbek")  # the same stage again: one stretch
    stage("check", 2.0, body="enbek")
    stage("carry", 1.0, body="enbek")  # a carried body's re-checks count as checks
    assert seen == ["crawl", "crawl-progress", "measure", "measure", "check", "carry"]  # the inner sees all
    assert clock.seconds() == {
        "setup": 0.5,
        "harvest": 24.0,
        "browser": 36.0,
        "checks": 3.0,
        "total": 63.5,
    }


def test_a_fleet_starts_the_bodies_with_the_most_sites_first() -> None:
    from ashyq.pipeline.audit_request import largest_first

    # enbek and adilet are harvested with a subordinate organisation's site each; the others alone
    assert largest_first("demo", ["mod", "astana", "enbek", "kostanay", "adilet"]) == [
        "enbek",
        "adilet",
        "mod",
        "astana",
        "kostanay",
    ]
