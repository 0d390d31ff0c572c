"""Two processes working on one run (queue workers) each store rows of the run, then merge into the
run's settings under the run row's lock: on PostgreSQL both finish, one after the other, with both
merges kept - no deadlock (the rows' foreign keys hold a key-share lock on the run's row, which a
``FOR UPDATE`` would wait for in both at once)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from ashyq.store.db import session_scope
from ashyq.store.models import FetchFailure, Run
from ashyq.store.repository import locked_run, start_run
from ashyq.store.vocabulary import FetchFailureReason, RunKind
from tests.store.conftest import _new_pg_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store(pg_url: str, migrated_pg_template: str) -> Iterator[str]:
    yield from _new_pg_database(pg_url, migrated_pg_template)


def test_two_parts_of_a_run_merge_its_settings_without_a_deadlock(pg_store: str) -> None:
    with session_scope(pg_store) as session:
        run_id = start_run(session, RunKind.NIGHTLY, body_ids=[], settings={"done": []}).id
    both_stored = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def part(name: str) -> None:
        try:
            with session_scope(pg_store) as session:
                session.execute(text("SET LOCAL lock_timeout = '20s'"))
                session.add(
                    FetchFailure(run_id=run_id, url=f"https://{name}.example.kz/", reason=FetchFailureReason.TIMEOUT)
                )
                session.flush()  # the row's foreign key: a key-share lock on the run's row
                both_stored.wait()  # both transactions hold it before either merges
                run = locked_run(session, run_id)
                assert run is not None
                settings = dict(run.settings or {})
                run.settings = {**settings, "done": sorted([*settings["done"], name])}
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=part, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with session_scope(pg_store) as session:
        run = session.get(Run, run_id)
        assert run is not None and run.settings["done"] == ["first", "second"]
