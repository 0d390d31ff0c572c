"""Signing in and out, and the reading language.

A sign-in is refused without looking at the password while the account name or the client address has
spent its failed attempts (``security.LoginThrottle``); every attempt, its outcome and every sign-out
are written to the audit log. The sign-in through the identity provider is in ``routes.oidc``.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form
from starlette.responses import Response

from ashyq.base.vocabulary import LANGS
from ashyq.pipeline.accounts import find_account, password_matches, refresh_hash
from ashyq.web.context import Context, context, redirect, signed_in
from ashyq.web.security import LoginThrottle
from ashyq.web.sessions import LANG_COOKIE

router = APIRouter()
YEAR = 365 * 24 * 3600


def home_of(role: str) -> str:
    return {"admin": "/admin/users", "body": "/publications", "verifier": "/publications"}.get(role, "/")


def local_path(target: str | None, fallback: str) -> str:
    """``next`` only when it is a path of this application (never another site: no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return fallback
    parts = urlsplit(target)
    return fallback if parts.scheme or parts.netloc else target


@router.get("/login")
def login_form(ctx: Context = Depends(context), next: str | None = None) -> Response:
    if ctx.viewer is not None:
        return redirect(local_path(next, home_of(ctx.viewer.role)))
    return ctx.render("login.html.j2", next=next or "", error=None, oidc=ctx.settings.oidc)


@router.post("/login")
def login(
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form(max_length=2048)] = "",
    ctx: Context = Depends(context),
) -> Response:
    throttle: LoginThrottle = ctx.request.app.state.throttle
    name = username.strip()
    if not throttle.allowed(name, ctx.address):
        ctx.audit("sign_in_throttled", username=name)
        ctx.commit()
        return ctx.render("login.html.j2", 429, next=next, error=ctx.t("web.login_throttled"), oidc=ctx.settings.oidc)
    account = find_account(ctx.db, name)
    if account is None or not password_matches(account, password):
        throttle.failed(name, ctx.address)
        ctx.audit("sign_in_failed", username=name)
        ctx.commit()
        return ctx.render("login.html.j2", 401, next=next, error=ctx.t("web.login_failed"), oidc=ctx.settings.oidc)
    refresh_hash(account, password)
    response = redirect(local_path(next, home_of(account.role)))
    ctx.cookies.begin(ctx.db, account, ctx.address, response)
    ctx.audit("sign_in", account=account)
    ctx.commit()
    return response


@router.post("/logout")
def logout(ctx: Context = Depends(signed_in)) -> Response:
    assert ctx.viewer is not None
    response = redirect("/login")
    ctx.audit("sign_out")
    ctx.cookies.end(ctx.db, ctx.viewer, response)
    ctx.commit()
    return response


@router.post("/language")
def choose_language(
    lang: Annotated[str, Form(max_length=2)],
    back: Annotated[str, Form(max_length=2048)] = "/",
    ctx: Context = Depends(context),
) -> Response:
    """Remember the reading language: in a cookie, and in the account's preference when signed in."""
    response = redirect(local_path(back, "/"))
    if lang not in LANGS:
        return response
    response.set_cookie(LANG_COOKIE, lang, max_age=YEAR, path="/", httponly=True, samesite="strict",
                        secure=ctx.settings.secure_cookies)  # fmt: skip
    if ctx.viewer is not None:
        ctx.viewer.account.language = lang
        ctx.audit("language", target=lang)
        ctx.commit()
    return response
