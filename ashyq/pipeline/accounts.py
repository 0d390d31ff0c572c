"""The served application's accounts: added, given a role, disabled, listed (``ashyq users``), and
their passwords checked. Passwords are hashed with Argon2id (argon2-cffi's defaults, the parameters
kept in each hash, so raising them later re-hashes at the next sign-in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ashyq.base.vocabulary import LANGS
from ashyq.store.access import ROLES, Account, AccountSession, Role
from ashyq.store.models import Body

MIN_PASSWORD = 12  # characters; a pass phrase is better
_hasher = PasswordHasher()


@cache
def _absent() -> str:
    """The hash checked when no account has the name, so a wrong name costs the time of a wrong
    password; made at the first sign-in, not at import (a hash is a quarter of a second of CPU, and
    every worker and command imports this module)."""
    return _hasher.hash("no account has this name")


class AccountError(ValueError):
    """A refused change to the accounts, said in a sentence."""


@dataclass(frozen=True)
class AccountLine:
    username: str
    role: str
    body: str  # the bound body ("enbek", "enbek+" with its subordinates), or ""
    language: str
    active: bool


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def password_matches(account: Account | None, password: str) -> bool:
    """Whether ``password`` is the account's; False for no account, a disabled one or one without a
    password (it signs in through the identity provider), at the cost of one hash either way."""
    stored = account.password_hash if account is not None and account.password_hash else _absent()
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
    return account is not None and account.active and account.password_hash is not None


def refresh_hash(account: Account, password: str) -> None:
    """Re-hash a password that was hashed with weaker parameters than today's (after a sign-in)."""
    if account.password_hash and _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)


def find_account(session: Session, username: str) -> Account | None:
    return session.scalar(select(Account).where(Account.username == username))


def _binding(session: Session, role: str, body_id: str | None, subordinates: bool) -> tuple[str | None, bool]:
    if role not in ROLES:
        raise AccountError(f"no role {role!r}: one of {', '.join(ROLES)}")
    if role != "body":
        if body_id is not None:
            raise AccountError("only a body's account is bound to a body")
        return None, False
    if body_id is None:
        raise AccountError("a body's account names its body (--body)")
    if session.get(Body, body_id) is None:
        raise AccountError(f"no body {body_id!r} in the store (ashyq bodies sync, or a run, puts them there)")
    return body_id, subordinates


def add_account(
    session: Session,
    username: str,
    role: str,
    password: str | None,
    body_id: str | None = None,
    subordinates: bool = False,
    display_name: str | None = None,
    language: str | None = None,
) -> Account:
    if not username or len(username) > 64 or any(ch.isspace() for ch in username):
        raise AccountError("a user name is 1 to 64 characters without spaces")
    if find_account(session, username) is not None:
        raise AccountError(f"there is already a user {username!r}")
    if language is not None and language not in LANGS:
        raise AccountError(f"the reading language is one of {', '.join(LANGS)}")
    body, with_subordinates = _binding(session, role, body_id, subordinates)
    account = Account(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password) if password is not None else None,
        role=role,
        body_id=body,
        include_subordinates=with_subordinates,
        language=language,
    )
    session.add(account)
    session.flush()
    return account


def _existing(session: Session, username: str) -> Account:
    account = find_account(session, username)
    if account is None:
        raise AccountError(f"no user {username!r}")
    return account


def end_sessions(session: Session, account_id: int) -> None:
    """Sign the account out everywhere (a role changed, the account disabled)."""
    session.execute(
        update(AccountSession)
        .where(AccountSession.account_id == account_id, AccountSession.ended_at.is_(None))
        .values(ended_at=datetime.now(UTC))
    )


def set_role(
    session: Session, username: str, role: Role | str, body_id: str | None = None, subordinates: bool = False
) -> Account:
    """Give the account another role (its sessions end: what it may see has changed)."""
    account = _existing(session, username)
    account.body_id, account.include_subordinates = _binding(session, role, body_id, subordinates)
    account.role = role  # type: ignore[assignment]
    end_sessions(session, account.id)
    return account


def set_disabled(session: Session, username: str, disabled: bool = True) -> Account:
    """Disable the account (its sessions end at once) or enable it again."""
    account = _existing(session, username)
    account.disabled_at = datetime.now(UTC) if disabled else None
    if disabled:
        end_sessions(session, account.id)
    return account


def set_password(session: Session, username: str, password: str) -> Account:
    account = _existing(session, username)
    account.password_hash = hash_password(password)
    end_sessions(session, account.id)
    return account


def account_lines(session: Session) -> list[AccountLine]:
    return [
        AccountLine(
            a.username,
            a.role,
            f"{a.body_id}{'+' if a.include_subordinates else ''}" if a.body_id else "",
            a.language or "",
            a.active,
        )
        for a in session.scalars(select(Account).order_by(Account.username))
    ]
