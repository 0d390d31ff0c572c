"""The browser's own ways out. A crawled page that opens a WebRTC connection to a STUN or TURN
server (any address, internal ones included) sends nothing past the egress proxy: the managed policy
``make setup`` installs keeps WebRTC to the proxy, which refuses it. Watched on loopback by a UDP canary
and a TCP canary on the same port, in the open-web mode (a page of no site) and in replica mode (a
replica site's page). And the browser's own background services are refused by the proxy in every
mode."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.hostile import Canary
from loopback import Loopback

from ashyq.config import CONFIG_DIR
from ashyq.net.browser import CHROMIUM, CHROMIUM_POLICY, headless_shell, open_browser, webrtc_locked
from ashyq.net.egress import EgressPolicy
from ashyq.net.proxy import EgressProxy, browser_service
from ashyq.net.resolve import ScriptedResolver
from ashyq.net.urlmap import BaseUrlMap

# what a hostile page does: ask STUN and TURN (UDP and TCP) servers for its addresses
OPEN_WEBRTC = """async (port) => {
  const pc = new RTCPeerConnection({iceServers: [
    {urls: 'stun:127.0.0.1:' + port},
    {urls: ['turn:127.0.0.1:' + port + '?transport=udp', 'turn:127.0.0.1:' + port + '?transport=tcp'],
     username: 'u', credential: 'c'}]});
  const found = [];
  pc.onicecandidate = (e) => { if (e.candidate && e.candidate.candidate) found.push(e.candidate.candidate); };
  pc.createDataChannel('out');
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((done) => setTimeout(done, 4000));
  return {gathering: pc.iceGatheringState, candidates: found};
}"""


@pytest.fixture
def canary(loopback: Loopback) -> Canary:
    """Watches TCP and UDP on one loopback port."""
    return loopback.canary()


def test_the_installed_policy_is_the_projects_and_keeps_webrtc_to_the_proxy(tmp_path: Path) -> None:
    shipped = CONFIG_DIR / "chromium-policy.json"
    assert webrtc_locked(shipped)
    assert CHROMIUM_POLICY.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), "run `make setup`"
    assert not webrtc_locked(tmp_path / "missing.json")
    loose = tmp_path / "loose.json"
    loose.write_text(json.dumps({"WebRtcIPHandlingUrl": [{"url": "*", "handling": "default"}]}), encoding="utf-8")
    assert not webrtc_locked(loose)
    loose.write_text("{not json", encoding="utf-8")
    assert not webrtc_locked(loose)


# the browser ashyq finds, and Debian's full browser when it is installed beside the headless shell:
# each is locked another way (the shell by the switch, the full browser by the managed policy)
FULL_BROWSER = "/usr/lib/chromium/chromium"
BROWSERS = [CHROMIUM] + ([FULL_BROWSER] if headless_shell(CHROMIUM) and Path(FULL_BROWSER).is_file() else [])


def test_the_headless_shell_is_told_apart_from_the_full_browser() -> None:
    assert headless_shell("/usr/lib/chromium/chromium-headless-shell")
    assert headless_shell("/root/.cache/ms-playwright/chromium_headless_shell-1200/chrome-linux/chrome-headless-shell")
    assert not headless_shell("/usr/lib/chromium/chromium") and not headless_shell("/usr/bin/chromium")


@pytest.mark.browser
@pytest.mark.parametrize("executable", BROWSERS, ids=[Path(b).name for b in BROWSERS])
@pytest.mark.parametrize("mode", ["open", "replica"])
def test_a_pages_webrtc_reaches_no_stun_or_turn_server(
    mode: str, executable: str, canary: Canary, world_urls: dict[str, str]
) -> None:
    url_map = BaseUrlMap.from_mapping(world_urls) if mode == "replica" else None
    page_url = "https://www.kostanay.gov.kz/ru/" if mode == "replica" else "about:blank"

    async def visit() -> tuple[dict[str, Any], str]:
        async with open_browser(url_map=url_map, executable=executable) as session:
            context = await session.new_context()
            page = await context.new_page()
            if page_url != "about:blank":
                await session.goto(page, page_url, wait_until="load")
            opened = await page.evaluate(OPEN_WEBRTC, canary.port)
            await context.close()
            return opened, session.sandbox

    opened, how = asyncio.run(visit())
    time.sleep(1)  # a datagram still on its way
    assert "WebRTC only through the proxy" in how, how
    assert canary.watches_udp
    assert canary.datagrams == [], f"UDP past the proxy ({mode}): {canary.datagrams[:5]}; candidates {opened}"
    assert canary.connections == [], f"TCP past the proxy ({mode}): {canary.connections[:5]}"
    assert not [c for c in opened["candidates"] if " udp " in c], opened


def _ask(proxy_port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", proxy_port), timeout=10) as asked:
        asked.sendall(request)
        answer = b""
        while chunk := asked.recv(4096):
            answer += chunk
    return answer


# every name answers (a private address, refused): a name the proxy looked up is counted
SCRIPT = {name: [["10.0.0.1"]] for name in ("update.googleapis.com", "redirector.gvt1.com", "example.kz")}


def test_the_proxy_refuses_the_browsers_own_services_in_every_mode() -> None:
    """Update checks, sign-in, autofill (which sends signatures of the page's forms) and the like are
    refused by name, without a lookup, whether the policy is the open web's or replica mode's."""
    for policy in (
        EgressPolicy(resolver=(names := ScriptedResolver(SCRIPT))),
        EgressPolicy.replica([("127.0.0.1", 9)]),
    ):
        with EgressProxy(policy) as proxy:
            tunnel = _ask(
                proxy.port, b"CONNECT update.googleapis.com:443 HTTP/1.1\r\nHost: update.googleapis.com\r\n\r\n"
            )
            plain = _ask(
                proxy.port, b"GET http://redirector.gvt1.com/edgedl/x HTTP/1.1\r\nHost: redirector.gvt1.com\r\n\r\n"
            )
            other = _ask(proxy.port, b"CONNECT example.kz:443 HTTP/1.1\r\nHost: example.kz\r\n\r\n")
        assert tunnel.startswith(b"HTTP/1.1 403") and plain == b"" and other.startswith(b"HTTP/1.1 403")
        refused = {r.url: r.detail for r in proxy.refusals}
        assert "service of the browser itself" in refused["https://update.googleapis.com/"], refused
        assert "service of the browser itself" in refused["http://redirector.gvt1.com/edgedl/x"], refused
        assert "service of the browser itself" not in refused["https://example.kz/"], refused
    assert set(names.lookups) == {"example.kz"}  # the browser's services were not even looked up
    assert browser_service("Accounts.Google.com.") and not browser_service("fonts.googleapis.com")
