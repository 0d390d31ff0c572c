"""The served application: :func:`create_app` puts it together from its settings.

Every route is behind the same machinery: the security headers (``security.security_headers``), the
form-token check on every request that changes something (:func:`check_form_token`, a dependency of the
whole application), and the pages' context (``context.Context``) with the store's session, the signed-in
account, the reading language and the audit log.

To add pages, write a module under ``ashyq/web/routes/`` with an ``APIRouter`` named ``router`` and add
it to :data:`ROUTERS`. A route declares who may reach it with a dependency and renders through the
context::

    from fastapi import APIRouter, Depends
    from ashyq.web.context import Context, roles, redirect
    from ashyq.web.access import readable_or_404

    router = APIRouter()

    @router.get("/things/{run_id}/{body_id}")
    def thing(run_id: str, body_id: str, ctx: Context = Depends(roles("body", "commission"))):
        readable_or_404(ctx, run_id, body_id)          # a body sees only its own published results
        return ctx.render("thing.html.j2", title=ctx.t("…"))   # extends "base.html.j2"

    @router.post("/things")
    def file_thing(ctx: Context = Depends(roles("body"))):
        ctx.audit("thing_filed", target="…")           # every action is written to the audit log
        ctx.commit()
        return redirect("/things/…")

Forms carry ``<input type="hidden" name="csrf_token" value="{{ csrf_token }}">`` (the base template
gives ``csrf_token``); an upload is a ``multipart/form-data`` form with the same field. Templates live
in ``ashyq/web/templates/`` and extend ``base.html.j2``; messages are looked up with ``t("key")``.
Signed out, a page redirects to the sign-in form; a role not allowed gets 403; a record of another
body is 404 (nobody learns what exists by editing an id).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ashyq import __version__
from ashyq.web.context import Context, NotSignedIn, context, redirect
from ashyq.web.routes import admin, appeal, auth, evidence_packages, oidc, publishing, reading, review_queue
from ashyq.web.security import LoginThrottle, security_headers
from ashyq.web.sessions import FORM_FIELD, FORM_HEADER, SessionCookies, same_token
from ashyq.web.settings import WebSettings
from ashyq.web.templating import STATIC

# every page of the application, in the order their paths are matched
ROUTERS: list[APIRouter] = [
    auth.router,
    oidc.router,
    reading.router,
    publishing.router,
    evidence_packages.router,
    appeal.router,
    review_queue.router,
    admin.router,
]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


async def check_form_token(request: Request, ctx: Context = Depends(context)) -> None:
    """Refuse (403) a request that changes something without this session's form token (CSRF)."""
    if request.method in SAFE_METHODS:
        return
    given = request.headers.get(FORM_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(FORM_FIELD)
        given = value if isinstance(value, str) else None
    expected = ctx.viewer.csrf_token if ctx.viewer is not None else ctx.cookies.form_token(request)
    if not same_token(expected, given):
        ctx.audit("form_token_refused", target=request.url.path, method=request.method)
        ctx.commit()
        raise HTTPException(status_code=403, detail="the form's token is missing or stale: reload the page")


def _not_signed_in(request: Request, _error: Exception) -> Response:
    if request.method in SAFE_METHODS:
        return redirect(f"/login?next={request.url.path}")
    return PlainTextResponse("sign in first", status_code=401)


def _http_error(_request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    return PlainTextResponse(str(error.detail), status_code=error.status_code, headers=error.headers)


def create_app(settings: WebSettings) -> FastAPI:
    app = FastAPI(
        title="ashyq",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # no machine description of the routes to anyone
        dependencies=[Depends(check_form_token)],
    )
    app.state.settings = settings
    app.state.cookies = SessionCookies(settings)
    app.state.throttle = LoginThrottle(settings.login_per_account, settings.login_per_address, settings.login_storage)
    app.middleware("http")(security_headers)
    app.add_exception_handler(NotSignedIn, _not_signed_in)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app
