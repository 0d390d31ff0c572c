"""The archived pages replayed on an origin of their own (ashyq.web.replay_origin): the application hands whoever
may read a finding a short-lived signed link to its replay; the replay listener opens a body's archive
only with a token for that archive, sets no cookie, and a real Chromium replays the page there, its
scripts included, without them reaching the application."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import func, select
from web_accounts import PASSWORD, SECRET, WebStore, web_settings
from web_client import Client

from ashyq.reports.dashboard import replay_viewer
from ashyq.store import session_scope
from ashyq.store.models import Finding
from ashyq.web.app import create_app
from ashyq.web.replay_origin import SALT, create_replay_app
from ashyq.web.server import served

REPLAY_LINK = re.compile(r'<a class="replay-link" href="([^"]+)"')
PAGE = "https://www.gov.kz/memleket/entities/enbek/contacts"


@dataclass
class Origins:
    app: str
    replay: str
    run: str
    finding: int  # enbek's T7-1 [kk], its archived page the gov.kz contacts page


def _finding(db: str, run: str) -> int:
    with session_scope(db) as session:
        newest = session.scalar(
            select(func.max(Finding.revision)).where(Finding.run_id == run, Finding.body_id == "enbek")
        )
        found = session.scalar(
            select(Finding.id).where(
                Finding.run_id == run,
                Finding.body_id == "enbek",
                Finding.item == "T7-1",
                Finding.lang == "kk",
                Finding.revision == newest,
            )
        )
    assert found is not None
    return found


@pytest.fixture(scope="module")
def origins(web_store: WebStore) -> Iterator[Origins]:
    viewer = replay_viewer()
    if viewer is None:
        pytest.skip("make setup unpacks replaywebpage (the replay viewer)")
    with contextlib.ExitStack() as stack:
        replay = stack.enter_context(served(create_replay_app(web_settings(web_store), viewer)))
        app = stack.enter_context(served(create_app(web_settings(web_store, replay_origin=replay))))
        yield Origins(app, replay, web_store.new_run, _finding(web_store.url, web_store.new_run))


def _replay_link(origins: Origins, name: str) -> str:
    client = Client(origins.app)
    assert client.sign_in(name, PASSWORD).status_code == 303
    page = client.get(f"/findings/{origins.finding}")
    assert page.status_code == 200
    found = REPLAY_LINK.search(page.text)
    assert found is not None, name
    assert found.group(1).startswith(origins.replay + "/replay/page/")
    return found.group(1)


def _token(link: str) -> str:
    return link.rsplit("/", 1)[1]


def test_the_token_opens_its_own_archive_only(origins: Origins) -> None:
    import requests

    link = _replay_link(origins, "enbek")
    page = requests.get(link, timeout=60)
    assert page.status_code == 200 and "set-cookie" not in page.headers
    assert f'url="{PAGE}"' in page.text
    token = _token(link)
    archive = f"{origins.replay}/archive/{token}/{origins.run}/enbek.wacz"
    assert f'source="/archive/{token}/{origins.run}/enbek.wacz"' in page.text
    package = requests.get(archive, timeout=60)
    assert package.status_code == 200 and package.content[:2] == b"PK" and "set-cookie" not in package.headers
    # body A's token for body B's archive (astana, published, and adilet), or another run's
    for other in (f"{origins.run}/astana", f"{origins.run}/adilet", "another-run/enbek"):
        refused = requests.get(f"{origins.replay}/archive/{token}/{other}.wacz", timeout=30)
        assert refused.status_code == 403, other
        assert not refused.content.startswith(b"PK")
    # the replay origin serves nothing of the application, and no listing
    assert requests.get(f"{origins.replay}/findings/{origins.finding}", timeout=30).status_code == 404
    assert requests.get(f"{origins.replay}/archive/", timeout=30).status_code == 404


def test_an_expired_or_forged_token_is_refused(origins: Origins) -> None:
    import requests

    token = _token(_replay_link(origins, "verifier"))
    grant = URLSafeTimedSerializer(SECRET, salt=SALT).loads(token)

    class HourAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 3600

    expired = URLSafeTimedSerializer(SECRET, salt=SALT, signer=HourAgo).dumps(grant)
    forged = URLSafeTimedSerializer("f" * 48, salt=SALT).dumps(grant)  # not the application's key
    other_salt = URLSafeTimedSerializer(SECRET, salt="ashyq.session").dumps(grant)  # not a replay's token
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    body_b = URLSafeTimedSerializer("f" * 48, salt=SALT).dumps([grant[0], "adilet", *grant[2:]])
    for name, bad in (("expired", expired), ("forged", forged), ("salt", other_salt), ("tampered", tampered)):
        assert requests.get(f"{origins.replay}/replay/page/{bad}", timeout=30).status_code == 403, name
        archive = requests.get(f"{origins.replay}/archive/{bad}/{origins.run}/enbek.wacz", timeout=30)
        assert archive.status_code == 403, name
    assert requests.get(f"{origins.replay}/archive/{body_b}/{origins.run}/adilet.wacz", timeout=30).status_code == 403
    assert requests.get(f"{origins.replay}/archive/{token}/{origins.run}/enbek.wacz", timeout=60).status_code == 200


def test_no_replay_listener_no_link(web_url: str, web_store: WebStore) -> None:
    """Without a replay origin the finding keeps its sandboxed static copy and offers no replay."""
    client = Client(web_url)
    assert client.sign_in("enbek", PASSWORD).status_code == 303
    page = client.get(f"/findings/{_finding(web_store.url, web_store.new_run)}")
    assert page.status_code == 200 and 'iframe class="archived"' in page.text
    assert REPLAY_LINK.search(page.text) is None


def _replayed_frame(page: Any, heading: str) -> Any:
    """The frame replaying the gov.kz page whose h1 holds ``heading``, or None after three minutes."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/replay/w/" in frame.url and "mp_/https://www.gov.kz/" in frame.url:
                with contextlib.suppress(Exception):
                    if heading in frame.locator("h1").inner_text(timeout=500):
                        return frame
        page.wait_for_timeout(250)
    return None


@pytest.mark.browser
@pytest.mark.slow
def test_a_body_replays_its_archived_page_on_the_replay_origin(origins: Origins, chromium: object) -> None:
    context = chromium.new_context(service_workers="allow")  # type: ignore[attr-defined]
    elsewhere: list[str] = []

    def only_ours(route: Any) -> None:
        if route.request.url.startswith((origins.app + "/", origins.replay + "/")):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_ours)
    try:
        page = context.new_page()
        page.goto(origins.app + "/login")
        page.fill('input[name="username"]', "enbek")
        page.fill('input[name="password"]', PASSWORD)
        page.click("form.stacked button")
        page.wait_for_url("**/publications")
        page.goto(f"{origins.app}/findings/{origins.finding}")
        with context.expect_page() as opened:
            page.locator("a.replay-link").first.click()
        replay = opened.value
        replay.wait_for_load_state()
        assert replay.url.startswith(origins.replay + "/replay/page/")
        replayed = _replayed_frame(replay, "Министерство труда")
        assert replayed is not None, [frame.url for frame in replay.frames]
        assert replayed.url.endswith("mp_/" + PAGE) and replayed.url.startswith(origins.replay)
        assert elsewhere == []  # the archived page came out of the package, never fetched
        # its scripts ran in the replay, on the replay origin, never on the application's pages
        assert replayed.evaluate("() => window.__pwned") == 1
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
        assert replayed.evaluate("() => document.cookie") == ""  # the application's cookies are not readable
        # the application's pages are another origin's: nothing on the replay origin reads them (inside the
        # replay, fetch answers from the archive; the viewer's own page is refused by the browser)
        read = f"() => fetch('{origins.app}/publications', {{credentials: 'include'}}).then(r => r.text(), () => 'no')"
        assert "notFound" in replayed.evaluate(read)
        assert replay.evaluate(read) == "no"
    finally:
        context.close()
