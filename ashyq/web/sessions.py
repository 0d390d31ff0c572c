"""Signed, expiring sessions and the tokens every form carries.

A sign-in makes a random token; the cookie holds it signed with the application's key (itsdangerous),
the store keeps its sha256 with the account, the time of sign-in and of last use. A session ends at
sign-out, after ``idle`` without use, ``absolute`` after sign-in whatever its use, and when its account is
disabled or given another role. The cookie is HttpOnly, SameSite=Strict, and Secure behind TLS (then
named with the ``__Host-`` prefix, so no sub-domain can set it).

Each session has its own form token (CSRF): every form carries it in a hidden field (``csrf_token``)
and every request that changes something must send it back (the field, or the ``X-CSRF-Token``
header). Before sign-in the token is a signed cookie of its own (the sign-in form has one too).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from ashyq.store.access import Account, AccountSession
from ashyq.web.settings import WebSettings

FORM_FIELD = "csrf_token"
FORM_HEADER = "x-csrf-token"
LANG_COOKIE = "ashyq_lang"
# a session's last use is written at most this often (not on every page)
TOUCH_EVERY = timedelta(seconds=30)


@dataclass
class Viewer:
    """The signed-in account of a request, with its session."""

    account: Account
    session: AccountSession

    @property
    def role(self) -> str:
        return self.account.role

    @property
    def csrf_token(self) -> str:
        return self.session.csrf_token


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class SessionCookies:
    """Reads and writes the session and form-token cookies of one application."""

    def __init__(self, settings: WebSettings):
        self.settings = settings
        self.session_signer = URLSafeSerializer(settings.secret_key, salt="ashyq.session")
        self.form_signer = URLSafeSerializer(settings.secret_key, salt="ashyq.form")
        prefix = "__Host-" if settings.secure_cookies else ""
        self.session_cookie = f"{prefix}ashyq_session"
        self.form_cookie = f"{prefix}ashyq_form"

    def _set(self, response: Response, name: str, value: str, max_age: int | None = None) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/",
            secure=self.settings.secure_cookies,
            httponly=True,
            samesite="strict",
        )

    # ── sessions ───────────────────────────────────────────────────────────────────────────
    def begin(self, db: Session, account: Account, address: str | None, response: Response) -> AccountSession:
        token = secrets.token_urlsafe(32)
        row = AccountSession(
            id=_digest(token), account_id=account.id, csrf_token=secrets.token_urlsafe(32), address=address
        )
        db.add(row)
        db.flush()
        self._set(response, self.session_cookie, self.session_signer.dumps(token))
        response.delete_cookie(self.form_cookie, path="/")
        return row

    def end(self, db: Session, viewer: Viewer, response: Response) -> None:
        viewer.session.ended_at = datetime.now(UTC)
        response.delete_cookie(self.session_cookie, path="/")

    def expired(self, row: AccountSession, now: datetime) -> bool:
        return (
            row.ended_at is not None
            or now - row.last_seen_at > self.settings.idle
            or now - row.created_at > self.settings.absolute
        )

    def viewer(self, db: Session, request: Request) -> Viewer | None:
        """The request's signed-in account, or None (no cookie, a forged one, an ended or expired
        session, a disabled account). An expired session is marked ended."""
        cookie = request.cookies.get(self.session_cookie)
        if not cookie:
            return None
        try:
            token = self.session_signer.loads(cookie)
        except BadSignature:
            return None
        if not isinstance(token, str):
            return None
        row = db.get(AccountSession, _digest(token))
        if row is None:
            return None
        now = datetime.now(UTC)
        if self.expired(row, now):
            if row.ended_at is None:
                row.ended_at = now
            return None
        account = db.get(Account, row.account_id)
        if account is None or not account.active:
            row.ended_at = now
            return None
        if now - row.last_seen_at > TOUCH_EVERY:
            row.last_seen_at = now
        return Viewer(account, row)

    # ── form tokens ────────────────────────────────────────────────────────────────────────
    def form_token(self, request: Request) -> str | None:
        """The signed-out visitor's form token, if its cookie is good."""
        cookie = request.cookies.get(self.form_cookie)
        if not cookie:
            return None
        try:
            token = self.form_signer.loads(cookie)
        except BadSignature:
            return None
        return token if isinstance(token, str) else None

    def set_form_token(self, response: Response, token: str) -> None:
        self._set(response, self.form_cookie, self.form_signer.dumps(token))


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))
