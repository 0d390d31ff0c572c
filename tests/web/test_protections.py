"""The protections, each shown by what it refuses: a change without the form's token (CSRF), a session
past its idle or absolute limit or signed out, sign-in attempts past their limit, and the audit log that
records every action with who, what, when and from where."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from web_accounts import PASSWORD, WebStore, web_settings
from web_client import Client

from ashyq.store import session_scope
from ashyq.store.access import Account, AccountSession, AuditEntry, Publication
from ashyq.store.models import Evidence
from ashyq.web.app import create_app
from ashyq.web.server import served


def _publications(store: WebStore) -> int:
    with session_scope(store.url) as session:
        return len(session.scalars(select(Publication)).all())


def test_a_change_without_the_forms_token_is_refused(web_url: str, web_store: WebStore) -> None:
    analyst = Client(web_url)
    analyst.sign_in("analyst", PASSWORD)
    before = _publications(web_store)
    form = {"run_id": web_store.old_run, "body_id": "adilet"}
    assert analyst.post("/publications", form, token=False).status_code == 403
    assert analyst.http.post(web_url + "/publications", data={**form, "csrf_token": "forged"}).status_code == 403
    # another session's token is no good either
    other = Client(web_url)
    other.sign_in("analyst", PASSWORD)
    assert analyst.http.post(web_url + "/publications", data={**form, "csrf_token": other.token}).status_code == 403
    assert _publications(web_store) == before
    # the sign-in form too: a page elsewhere cannot sign a visitor in to an account of its choosing
    visitor = Client(web_url)
    refused = visitor.http.post(web_url + "/login", data={"username": "analyst", "password": PASSWORD})
    assert refused.status_code == 403 and "ashyq_session" not in refused.headers.get("set-cookie", "")


def _session_of(store: WebStore, username: str) -> str:
    with session_scope(store.url) as session:
        account = session.scalar(select(Account).where(Account.username == username))
        assert account is not None
        newest = session.scalars(
            select(AccountSession)
            .where(AccountSession.account_id == account.id)
            .order_by(AccountSession.created_at.desc())
        ).first()
        assert newest is not None
        return newest.id


def _age(store: WebStore, session_id: str, created: timedelta, last_seen: timedelta) -> None:
    now = datetime.now(UTC)
    with session_scope(store.url) as session:
        row = session.get(AccountSession, session_id)
        assert row is not None
        row.created_at, row.last_seen_at = now - created, now - last_seen


@pytest.mark.parametrize(
    ("created", "last_seen"),
    [
        (timedelta(hours=1), timedelta(minutes=31)),  # idle past 30 minutes
        (timedelta(hours=12, minutes=1), timedelta(seconds=1)),  # in use, but signed in over 12 hours ago
    ],
    ids=["idle", "absolute"],
)
def test_a_session_past_its_limit_is_over(
    web_url: str, web_store: WebStore, created: timedelta, last_seen: timedelta
) -> None:
    verifier = Client(web_url)
    verifier.sign_in("verifier", PASSWORD)
    assert verifier.get("/publications").status_code == 200
    row = _session_of(web_store, "verifier")
    _age(web_store, row, timedelta(minutes=29), timedelta(minutes=29))
    assert verifier.get("/publications").status_code == 200  # within both limits
    _age(web_store, row, created, last_seen)
    over = verifier.get("/publications")
    assert over.status_code == 303 and over.headers["Location"].startswith("/login")
    with session_scope(web_store.url) as session:
        ended = session.get(AccountSession, row)
        assert ended is not None and ended.ended_at is not None
    _age(web_store, row, timedelta(minutes=1), timedelta(minutes=1))
    assert verifier.get("/publications").status_code == 303  # an ended session never comes back


def test_a_signed_out_cookie_signs_nobody_in(web_url: str) -> None:
    verifier = Client(web_url)
    verifier.sign_in("verifier", PASSWORD)
    kept = dict(verifier.http.cookies)
    assert verifier.post("/logout").status_code == 303
    replay = Client(web_url)
    replay.http.cookies.update(kept)
    assert replay.get("/publications").status_code == 303


@pytest.fixture
def throttled_url(web_store: WebStore) -> Iterator[str]:
    """An application of its own (its own counts): 3 failures per account, 5 per address."""
    settings = web_settings(web_store, login_per_account="3 per 15 minutes", login_per_address="5 per 15 minutes")
    with served(create_app(settings)) as url:
        yield url


def test_sign_in_attempts_are_limited_per_account_and_per_address(throttled_url: str, web_store: WebStore) -> None:
    client = Client(throttled_url)
    client.get("/login")
    for _ in range(3):
        assert client.post("/login", {"username": "assessor", "password": "wrong guess 123"}).status_code == 401
    # the account's attempts are spent: even its right password is refused, without being looked at
    assert client.post("/login", {"username": "assessor", "password": PASSWORD}).status_code == 429
    # another account from the same address still signs in …
    assert Client(throttled_url).sign_in("commission", PASSWORD).status_code == 303
    for name in ("nobody-1", "nobody-2"):
        assert client.post("/login", {"username": name, "password": "wrong guess 123"}).status_code == 401
    # … until the address has spent its own
    assert Client(throttled_url).sign_in("commission", PASSWORD).status_code == 429
    with session_scope(web_store.url) as session:
        throttled = session.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in_throttled")).all()
    assert {entry.username for entry in throttled} >= {"assessor", "commission"}


def _entries(store: WebStore, since: int) -> list[AuditEntry]:
    with session_scope(store.url) as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.id > since).order_by(AuditEntry.id)))


def test_every_action_is_in_the_audit_log(web_url: str, web_store: WebStore) -> None:
    with session_scope(web_store.url) as session:
        start = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0
    client = Client(web_url)
    client.get("/login")
    client.post("/login", {"username": "analyst", "password": "not the password"})
    client.sign_in("analyst", PASSWORD)
    client.post("/publications", {"run_id": web_store.old_run, "body_id": "enbek"})
    with session_scope(web_store.url) as session:
        evidence_id = session.scalars(
            select(Evidence.id).where(Evidence.run_id == web_store.old_run, Evidence.path.is_not(None))
        ).first()
    assert client.get(f"/evidence/{evidence_id}/file").status_code == 200
    client.post("/language", {"lang": "kk", "back": "/"})
    client.post("/logout")
    entries = _entries(web_store, start)
    actions = [(e.action, e.username) for e in entries]
    assert actions == [
        ("sign_in_failed", "analyst"),
        ("sign_in", "analyst"),
        ("publish", "analyst"),
        ("evidence_file", "analyst"),
        ("language", "analyst"),
        ("sign_out", "analyst"),
    ]
    assert all(e.address == "127.0.0.1" and e.at is not None for e in entries)
    assert entries[2].target == f"{web_store.old_run}/enbek" and entries[3].target == evidence_id
    assert entries[1].account_id is not None and entries[0].account_id is None
    admin = Client(web_url)
    admin.sign_in("admin", PASSWORD)
    page = admin.get("/admin/audit").text
    assert 'data-action="publish"' in page and f"{web_store.old_run}/enbek" in page
