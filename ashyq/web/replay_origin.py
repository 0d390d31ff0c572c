"""The archived pages replayed on an origin of their own: the second listener of ``ashyq serve``.

ReplayWeb.page replays a crawled page as it ran, its scripts included. Those scripts are hostile, so
they never run on the application's origin: the replay is served by a separate application on another
port (behind a proxy, its own host name), which sets no cookie and reads none. Nobody signs in there;
what opens a body's archive is a short-lived token the application signs (with its secret key, a salt
of its own) for an account that may read the finding, bound to the run, the body, the revision the
account reads and the evidence cited. The replay origin answers

* ``/replay/ui.js``, ``/replay/sw.js``: the viewer (its service worker's scope is ``/replay/``);
* ``/replay/`` (``index.html``): the page the viewer's frame starts from (see the dashboard's
  ``replay/index.html``: a frame loaded before the service worker controls it gets it from the server);
* ``/replay/page/<token>``: the viewer on the evidence's archived page;
* ``/archive/<token>/<run>/<body>.wacz``: the records the body's findings of that revision cite,
  packed once per process, served only when the token names that run and body;

and nothing else. An expired, forged or other archive's token answers 403.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse
from itsdangerous import BadData, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ashyq.base.vocabulary import LANGS
from ashyq.reports.body_report import ReportError, load_body_report
from ashyq.reports.i18n import catalogue
from ashyq.reports.rendering import render
from ashyq.reports.replay import pack_body_archive
from ashyq.store import session_scope
from ashyq.store.models import Body, Evidence
from ashyq.web.settings import WebSettings
from ashyq.web.templating import render_page

SALT = "ashyq.replay"  # a token for the replay is never a session's or a form's
VIEWER_FILES = ("ui.js", "sw.js")
REPLAY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the token in the address goes nowhere else
    "Content-Security-Policy": "frame-ancestors 'self'",  # the viewer frames itself, nobody else frames it
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class ReplayGrant:
    """What one token opens: the body's archive of the run at a revision, showing one evidence's page."""

    run_id: str
    body_id: str
    revision: int
    evidence_id: str
    lang: str = "ru"


def _serializer(settings: WebSettings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key, salt=SALT)


def replay_token(settings: WebSettings, grant: ReplayGrant) -> str:
    return str(
        _serializer(settings).dumps([grant.run_id, grant.body_id, grant.revision, grant.evidence_id, grant.lang])
    )


def read_grant(settings: WebSettings, token: str) -> ReplayGrant | None:
    """The grant a token carries, or None: not signed with this key, expired, or not a replay's."""
    try:
        data = _serializer(settings).loads(token, max_age=int(settings.replay_token.total_seconds()))
    except BadData:
        return None
    if not (isinstance(data, list) and len(data) == 5):
        return None
    run_id, body_id, revision, evidence_id, lang = data
    if not all(isinstance(v, str) for v in (run_id, body_id, evidence_id, lang)) or not isinstance(revision, int):
        return None
    return ReplayGrant(run_id, body_id, revision, evidence_id, lang if lang in LANGS else "ru")


def replay_link(settings: WebSettings, grant: ReplayGrant) -> str | None:
    """The address of the evidence's replay on the replay origin (None: no replay origin runs)."""
    if not settings.replay_origin:
        return None
    return f"{settings.replay_origin.rstrip('/')}/replay/page/{replay_token(settings, grant)}"


class Packages:
    """The bodies' archives packed for the replay, once per (run, body, revision) for this process, in a
    folder removed when the application goes."""

    def __init__(self, settings: WebSettings):
        self.settings = settings
        self.folder = Path(tempfile.mkdtemp(prefix="ashyq-replay-"))
        self._lock = threading.Lock()
        self._made: dict[tuple[str, str, int], tuple[Path, dict[tuple[str, str], str]]] = {}
        weakref.finalize(self, shutil.rmtree, self.folder, True)

    def package(self, grant: ReplayGrant) -> tuple[Path, dict[tuple[str, str], str]]:
        """The WACZ of the grant's body, run and revision, and the archived address of each record it
        packs; 404 when the body has nothing to replay."""
        key = (grant.run_id, grant.body_id, grant.revision)
        with self._lock:
            made = self._made.get(key)
            if made is None:
                made = self._pack(grant)
                self._made[key] = made
        if not made[1]:
            raise HTTPException(status_code=404)
        return made

    def _pack(self, grant: ReplayGrant) -> tuple[Path, dict[tuple[str, str], str]]:
        name = hashlib.sha256(f"{grant.run_id}\n{grant.body_id}\n{grant.revision}".encode()).hexdigest()[:24]
        out = self.folder / f"{name}.wacz"
        with session_scope(self.settings.db) as session:
            try:
                report = load_body_report(session, grant.run_id, grant.body_id, grant.revision)
            except ReportError:
                return out, {}
            title = f"{report.body.name_ru} — {grant.run_id}"
            return out, pack_body_archive(report, self.settings.data_dir, out, title)

    def address(self, grant: ReplayGrant) -> str:
        """The archived address of the grant's evidence, if the package holds it (else 404)."""
        _, targets = self.package(grant)
        with session_scope(self.settings.db) as session:
            evidence = session.get(Evidence, grant.evidence_id)
            body = session.get(Body, grant.body_id)
            if evidence is None or body is None or evidence.body_id != grant.body_id:
                raise HTTPException(status_code=404)
            url = targets.get((evidence.warc_file or "", evidence.warc_record_id or ""))
        if url is None:
            raise HTTPException(status_code=404)
        return url


def _granted(settings: WebSettings, token: str) -> ReplayGrant:
    grant = read_grant(settings, token)
    if grant is None:
        raise HTTPException(status_code=403, detail="this replay link has expired or is not valid: open it again")
    return grant


def _error(_request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return PlainTextResponse(str(error.detail), status_code=error.status_code)


def create_replay_app(settings: WebSettings, viewer: Path) -> FastAPI:
    """The replay origin's application: ``viewer`` is the folder holding ReplayWeb.page's ui.js and sw.js."""
    app = FastAPI(title="ashyq replay", docs_url=None, redoc_url=None, openapi_url=None)
    packages = Packages(settings)
    app.state.packages = packages

    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        for name, value in REPLAY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_exception_handler(HTTPException, _error)

    @app.get("/replay/{name}.js")
    def viewer_file(name: str) -> Response:
        if f"{name}.js" not in VIEWER_FILES:
            raise HTTPException(status_code=404)
        return FileResponse(viewer / f"{name}.js", media_type="application/javascript")

    @app.get("/replay/")
    @app.get("/replay/index.html")
    def viewer_frame(lang: str = "ru") -> Response:
        shown = lang if lang in LANGS else "ru"
        return HTMLResponse(render("dashboard_replay_index.html.j2", lang=shown, t=catalogue().translator(shown)))

    @app.get("/replay/page/{token}")
    def replay_page(token: str) -> Response:
        grant = _granted(settings, token)
        url = packages.address(grant)
        source = f"/archive/{token}/{grant.run_id}/{grant.body_id}.wacz"
        return HTMLResponse(render_page("replay.html.j2", grant.lang, url=url, source=source))

    @app.get("/archive/{token}/{run_id}/{body_id}.wacz")
    def archive(token: str, run_id: str, body_id: str) -> Response:
        grant = _granted(settings, token)
        if (grant.run_id, grant.body_id) != (run_id, body_id):
            raise HTTPException(status_code=403, detail="this replay link opens another archive")
        path, _ = packages.package(grant)
        return FileResponse(path, media_type="application/wacz")

    return app
