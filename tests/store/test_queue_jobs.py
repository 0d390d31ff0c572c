"""What a queue worker agrees to work on: jobs of a queued run of the store it shares, for a body that
run audits. Anyone who reaches Redis can put a message there; a job for anything else is refused and
touches nothing (a body's job would otherwise clear what a run stored for that body and harvest again)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ashyq.pipeline.audit import AuditRequest, start_audit_run
from ashyq.pipeline.queue import QueueError, body_job, finish_job, redis_url, refusal
from ashyq.store.db import DB_URL_VARIABLE, session_scope
from ashyq.store.models import Run
from ashyq.store.vocabulary import RunKind, RunStatus


def _start(out: Path, db: str, queued: bool) -> str:
    request = AuditRequest(
        ["kostanay"], "demo", "kz-2025", out, db, {"https://www.gov.kz": "http://127.0.0.1:9"}, date(2026, 11, 20),
        RunKind.NIGHTLY,
    )  # fmt: skip
    return start_audit_run(request, queued=queued)


def test_only_a_queued_run_and_the_bodies_it_audits_are_worked_on(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_URL_VARIABLE, store_url)  # the worker's store
    queued = _start(tmp_path, store_url, queued=True)
    assert refusal(queued, "kostanay") is None and refusal(queued) is None
    assert refusal(queued, "mod") == f"run {queued} does not audit 'mod'"
    assert refusal("no-such-run", "kostanay") == "no run 'no-such-run' in the store"
    assert refusal(["a", "list"], "kostanay") == "the job's arguments are not a run id and a body id"
    assert refusal(queued, {"body": "kostanay"}) == "the job's arguments are not a run id and a body id"

    own = _start(tmp_path, store_url, queued=False)  # a run its own process works on, not the queue
    assert "is not a queued run" in (refusal(own, "kostanay") or "")
    assert body_job(None, own, "kostanay").startswith("refused: ")

    with session_scope(store_url) as session:
        run = session.get(Run, queued)
        assert run is not None
        run.status, run.finished_at = RunStatus.COMPLETE, datetime.now(UTC)
    assert refusal(queued, "kostanay") == f"run {queued} is complete, not queued"
    assert body_job(None, queued, "kostanay") == f"refused: run {queued} is complete, not queued"
    assert finish_job([], queued) == {"run_id": queued, "refused": f"run {queued} is complete, not queued"}
    with session_scope(store_url) as session:
        after = session.get(Run, queued)
        assert after is not None and after.status == RunStatus.COMPLETE and "done" not in (after.settings or {})


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("redis://queue-host:6379/0", "has no password"),
        ("rediss://queue-host:6380/0?ssl_cert_reqs=required", "has no password"),
        ("redis://ashyq:secret@queue-host:6379/0", "in clear to queue-host: use rediss://"),
        ("redis://ashyq:secret@10.0.0.5:6379/0", "in clear to 10.0.0.5"),
        ("http://ashyq:secret@queue-host/0", "not a Redis URL"),
        ("redis://ashyq:secret@[::1/0", "cannot be read"),
    ],
)
def test_a_queue_anyone_could_write_to_is_refused(url: str, refused: str) -> None:
    with pytest.raises(QueueError, match=refused.replace("?", r"\?")):
        redis_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "rediss://ashyq:secret@queue-host:6380/0?ssl_cert_reqs=required&ssl_ca_certs=/etc/ashyq/queue-ca.crt",
        "redis://ashyq:secret@127.0.0.1:6379/0",  # on this machine: no one else on the wire
        "redis://:secret@localhost:6379/0",
        "unix:///run/redis/redis.sock?password=secret",
    ],
)
def test_a_queue_behind_a_password_is_taken(url: str) -> None:
    assert redis_url(url) == url
