"""What a page of the served application works with: the store's session, the signed-in account (if
any), the reading language, the form token, the audit log; and the dependencies routes declare to get
it (``Depends(context)``, ``Depends(signed_in)``, ``Depends(roles("analyst", …))``)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session
from starlette.responses import HTMLResponse, Response

from ashyq.base.vocabulary import LANGS
from ashyq.reports.i18n import Translate, catalogue
from ashyq.store import session_scope
from ashyq.store.access import Account, AuditEntry
from ashyq.web.sessions import LANG_COOKIE, SessionCookies, Viewer
from ashyq.web.settings import WebSettings
from ashyq.web.templating import render_page

DEFAULT_LANG = "ru"


class NotSignedIn(Exception):
    """The route needs a signed-in account (a page: to the sign-in form; anything else: 401)."""


@dataclass
class Context:
    request: Request
    db: Session
    settings: WebSettings
    cookies: SessionCookies
    viewer: Viewer | None
    lang: str
    _form_token: str | None = None
    _new_form_token: bool = field(default=False)

    @property
    def t(self) -> Translate:
        return catalogue().translator(self.lang)

    @property
    def address(self) -> str:
        return self.request.client.host if self.request.client else "unknown"

    @property
    def form_token(self) -> str:
        """The token this page's forms carry: the session's, or the signed-out visitor's cookie's."""
        if self.viewer is not None:
            return self.viewer.csrf_token
        if self._form_token is None:
            self._form_token = self.cookies.form_token(self.request)
            if self._form_token is None:
                self._form_token, self._new_form_token = secrets.token_urlsafe(32), True
        return self._form_token

    def render(self, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
        token = self.form_token
        response = HTMLResponse(render_page(template, self.lang, ctx=self, csrf_token=token, **values), status_code)
        if self._new_form_token:
            self.cookies.set_form_token(response, token)
        return response

    def audit(
        self,
        action: str,
        target: str | None = None,
        username: str | None = None,
        account: Account | None = None,
        **detail: Any,
    ) -> None:
        """Write the action to the audit log (who, what, on what, when, from where): by ``account``, else
        the signed-in one, else the name typed (a failed sign-in)."""
        account = account or (self.viewer.account if self.viewer is not None else None)
        self.db.add(
            AuditEntry(
                account_id=account.id if account is not None else None,
                username=account.username if account is not None else username,
                action=action,
                target=target,
                address=self.address,
                detail=detail,
            )
        )

    def commit(self) -> None:
        self.db.commit()


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def database(request: Request) -> Iterator[Session]:
    with session_scope(settings_of(request).db) as db:
        yield db


def choose_lang(request: Request, viewer: Viewer | None) -> str:
    """The reading language: the one chosen on this browser (its cookie), else the account's preference
    (a new browser), else Russian. Choosing while signed in sets both."""
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGS:
        return str(cookie)
    if viewer is not None and viewer.account.language in LANGS:
        return str(viewer.account.language)
    return DEFAULT_LANG


def context(request: Request, db: Session = Depends(database)) -> Context:
    cookies: SessionCookies = request.app.state.cookies
    viewer = cookies.viewer(db, request)
    db.commit()  # an expired session marked ended, a last use noted
    return Context(request, db, settings_of(request), cookies, viewer, choose_lang(request, viewer))


def signed_in(ctx: Context = Depends(context)) -> Context:
    if ctx.viewer is None:
        raise NotSignedIn()
    return ctx


def roles(*allowed: str) -> Callable[..., Context]:
    """A dependency: the signed-in context when the account has one of ``allowed`` roles, else 403."""

    def dependency(ctx: Context = Depends(signed_in)) -> Context:
        assert ctx.viewer is not None
        if ctx.viewer.role not in allowed:
            raise HTTPException(status_code=403)
        return ctx

    return dependency


def redirect(url: str) -> Response:
    """After a form: to the next page (303, so the browser asks it with GET)."""
    return Response(status_code=303, headers={"Location": url})
