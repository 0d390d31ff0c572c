"""The served application over one small store per session: the report tests' synthetic store (3
bodies, 2 complete runs, WARCs and screenshots), with an account of every role and the conclusions of
the newest run published for enbek and astana (not adilet). The registry of this store puts astana
under enbek, so an account bound to enbek with its subordinates reads astana too."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))  # reports_sample, beside its tests

from reports_sample import build_report_store
from web_accounts import ACCOUNTS, PASSWORD, WebStore, web_settings

from ashyq.pipeline.accounts import add_account, find_account
from ashyq.pipeline.publication import publish
from ashyq.reports.signing import generate_key
from ashyq.store import session_scope
from ashyq.store.models import Body
from ashyq.web.app import create_app
from ashyq.web.server import served


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> WebStore:
    store = build_report_store(tmp_path_factory.mktemp("web-store"))
    with session_scope(store.url) as session:
        astana = session.get(Body, "astana")
        assert astana is not None
        astana.parent_id = "enbek"
        for name, (role, body, subordinates) in ACCOUNTS.items():
            add_account(session, name, role, PASSWORD, body, subordinates, language="ru")
        analyst = find_account(session, "analyst")
        assert analyst is not None
        for body_id in ("enbek", "astana"):
            publish(session, store.new.id, body_id, analyst)
    return WebStore(store, store.new.id, store.old.id)


@pytest.fixture(scope="session")
def signing_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The operator's Ed25519 key the served evidence packages are signed with (its .pub beside it)."""
    key = tmp_path_factory.mktemp("keys") / "operator.key"
    generate_key(key, "ashyq tests")
    return key


@pytest.fixture(scope="session")
def web_url(web_store: WebStore, signing_key: Path) -> Iterator[str]:
    """The application served once for the session (port chosen by the system)."""
    with served(create_app(web_settings(web_store, signing_key=signing_key))) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """One headless Chromium per module of the served application's browser tests (Debian's, as the
    audits use). Not per session: Playwright's synchronous API keeps its event loop running on the
    thread while it is open, so a worker's later test files could not run an event loop of their own."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from ashyq.net.browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
