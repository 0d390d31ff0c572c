"""A body's account and a verifier read the revision of a run that was published, never a later one.

Its own store (the shared one must not gain revisions under the other tests): enbek's conclusion of the
newest run is published at revision 1, then the commission's decision on T7-1 [kk] writes revision 2
(a pass where revision 1 failed) which nobody has published yet. The ministry reads revision 2 at
once; enbek's account and the verifier keep reading revision 1 (its findings, its score, its evidence)
until revision 2 is published, and the revision 2 finding's address answers them 404."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from reports_sample import build_report_store
from sqlalchemy import select
from web_client import Client

from ashyq.pipeline.accounts import add_account, find_account
from ashyq.pipeline.appeal_revision import UpheldItem, revise_for_upheld
from ashyq.pipeline.publication import publish
from ashyq.store import session_scope
from ashyq.store.models import Finding, Run
from ashyq.web.app import create_app
from ashyq.web.server import served
from ashyq.web.settings import WebSettings

PASSWORD = "correct horse battery staple"  # not from conftest: several folders' conftests share the name
SECRET = "r" * 48
FINDING_LINK = re.compile(r'href="/findings/(\d+)"')


@dataclass
class Revised:
    url: str  # the served application
    db: str
    run: str
    before: int  # T7-1 [kk] of revision 1 (fail), published
    after: int  # T7-1 [kk] of revision 2 (pass, the commission's), not yet


def _t7(db: str, run: str, revision: int) -> int:
    with session_scope(db) as session:
        found = session.scalar(
            select(Finding.id).where(
                Finding.run_id == run,
                Finding.body_id == "enbek",
                Finding.item == "T7-1",
                Finding.lang == "kk",
                Finding.revision == revision,
            )
        )
    assert found is not None
    return found


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Revised]:
    store = build_report_store(tmp_path_factory.mktemp("revised-store"))
    run = store.new.id
    with session_scope(store.url) as session:
        accounts = (("analyst", "analyst", None), ("enbek", "body", "enbek"), ("verifier", "verifier", None))
        for name, role, body in accounts:
            add_account(session, name, role, PASSWORD, body, False, language="ru")
        analyst = find_account(session, "analyst")
        assert analyst is not None
        assert publish(session, run, "enbek", analyst).revision == 1
        found = session.get(Run, run)
        assert found is not None
        upheld = UpheldItem("T7-1", "kk", 1, "commission", datetime(2026, 11, 30, tzinfo=UTC))
        assert revise_for_upheld(session, found, "enbek", [upheld]) == 2
    settings = WebSettings(db=store.url, data_dir=store.out_dir, secret_key=SECRET)
    with served(create_app(settings)) as url:
        yield Revised(url, store.url, run, _t7(store.url, run, 1), _t7(store.url, run, 2))


def _signed(url: str, name: str) -> Client:
    client = Client(url)
    assert client.sign_in(name, PASSWORD).status_code == 303
    return client


def _linked(client: Client, run: str) -> set[int]:
    page = client.get(f"/runs/{run}/bodies/enbek")
    assert page.status_code == 200
    return {int(found) for found in FINDING_LINK.findall(page.text)}


def test_an_unpublished_revision_is_the_ministrys_only(revised: Revised) -> None:
    analyst = _signed(revised.url, "analyst")
    assert revised.after in _linked(analyst, revised.run) and revised.before not in _linked(analyst, revised.run)
    assert analyst.get(f"/findings/{revised.after}").status_code == 200
    for name in ("enbek", "verifier"):
        reader = _signed(revised.url, name)
        linked = _linked(reader, revised.run)
        assert revised.before in linked and revised.after not in linked, name
        shown = reader.get(f"/findings/{revised.before}")
        assert shown.status_code == 200 and 'class="status-fail"' in shown.text, name
        assert reader.get(f"/findings/{revised.after}").status_code == 404, name  # the id edited in the address


def _history(client: Client, run: str) -> list[tuple[str, str]]:
    """The body page's history: (run, final score) per row."""
    page = client.get(f"/runs/{run}/bodies/enbek")
    assert page.status_code == 200
    rows = re.findall(r'<tr[^>]*data-run="([^"]+)"><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>', page.text)
    return [(found_run, final.split(" / ")[0]) for found_run, final in rows]


def _final(db: str, run: str, revision: int) -> str:
    from ashyq.reports.i18n import format_points
    from ashyq.store.repository import scores_at

    with session_scope(db) as session:
        return format_points(scores_at(session, run, "enbek", revision)[0].final, "ru")


def test_the_history_beside_it_holds_only_published_scores(revised: Revised) -> None:
    """The old run was never published to enbek and the new run's revision 2 not yet: the body's
    account and the verifier see only the new run at revision 1; the ministry every run, newest."""
    with session_scope(revised.db) as session:
        old = session.scalar(select(Run.id).where(Run.id != revised.run))
    assert old is not None
    at_1, at_2 = _final(revised.db, revised.run, 1), _final(revised.db, revised.run, 2)
    assert at_1 != at_2
    analyst = _history(_signed(revised.url, "analyst"), revised.run)
    assert [run for run, _ in analyst] == [old, revised.run] and analyst[-1][1] == at_2
    for name in ("enbek", "verifier"):
        assert _history(_signed(revised.url, name), revised.run) == [(revised.run, at_1)], name


def test_publishing_the_revision_shows_it(revised: Revised) -> None:
    with session_scope(revised.db) as session:
        analyst = find_account(session, "analyst")
        assert analyst is not None
        assert publish(session, revised.run, "enbek", analyst).revision == 2
    enbek = _signed(revised.url, "enbek")
    linked = _linked(enbek, revised.run)
    assert revised.after in linked and revised.before not in linked
    assert 'class="status-pass"' in enbek.get(f"/findings/{revised.after}").text
    assert enbek.get(f"/findings/{revised.before}").status_code == 200  # revision 1 was published too
    assert _history(enbek, revised.run) == [(revised.run, _final(revised.db, revised.run, 2))]
