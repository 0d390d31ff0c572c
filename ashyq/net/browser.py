"""Debian's Chromium, launched and given contexts in one place for every part of the project that
drives a browser (the gov.kz render, the browser measurements, ``check-page``).

* **Egress.** Every request the browser makes goes through :class:`~ashyq.net.proxy.EgressProxy`
  (``--proxy-server``, loopback included with ``--proxy-bypass-list=<-loopback>``), which applies the
  egress policy and, in replica mode, serves the mapped hosts from the replica. WebRTC may not send
  UDP around the proxy. A navigation is checked before it is asked for (:meth:`BrowserSession.goto`),
  and what the proxy refused of a page's requests is there to record (:meth:`BrowserSession.refused_requests`),
  each request with the page that asked it and the *owner* of its context (one body's gather, when
  several share the browser).
* **Archives.** What a context's pages get is archived into the archive given for the context (a
  body's WARC) or, by default, the session's (:mod:`ashyq.net.capture`): one recorder per archive.
* **Privileges.** Run as root, Chromium is started as an unprivileged user (``ASHYQ_BROWSER_USER``,
  default ``nobody``) through ``setpriv``, with its own sandbox when the kernel lets that user make
  namespaces (probed once per process); ``--no-sandbox`` only when it does not. The session says
  which (:attr:`BrowserSession.sandbox`), and the gather step records it with the tool versions.
* **Identity.** One user agent (:func:`ashyq.net.identity.user_agent`) after the product string of the
  browser or phone a context is.
* **Quiet.** No component updates, sync or background requests: on a closed network they fail loudly.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import logging
import os
import pwd
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import weakref
from collections import deque
from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ashyq.base.artifacts import ArchivedExchange
from ashyq.net.budget import HostBudget
from ashyq.net.capture import ExchangeSink, TrafficRecorder, settle
from ashyq.net.egress import EgressPolicy, Refusal, target_of
from ashyq.net.front import FRONT_STATUSES, FRONT_WAIT_MS, is_browser_check
from ashyq.net.identity import desktop_product, user_agent
from ashyq.net.proxy import EgressProxy, ProxyRefusal
from ashyq.net.urlmap import BaseUrlMap

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext, Page, Playwright, Response


def load_driver() -> None:
    """Import Playwright's driver API without starting anything (a warm crawl process does this once,
    before it forks the crawls that render pages: ashyq.crawler.launcher)."""
    import playwright.async_api  # noqa: F401


CHROMIUM_VARIABLE = "ASHYQ_CHROMIUM"
# Debian's headless shell first: the same Blink without the desktop browser around it (no GPU
# process, no browser UI services), which is all ashyq asks of a browser and costs under half the CPU
# per page of the full browser in headless mode (Playwright's own default for headless Chromium is
# this build too). Then Debian's full browser: its launcher (it reads /etc/chromium.d), then the
# binary behind it.
KNOWN_PLACES = (
    "/usr/lib/chromium/chromium-headless-shell",
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/lib/chromium/chromium",
)
ON_PATH = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class ChromiumMissing(RuntimeError):
    """No browser: the browser measurements and the gov.kz render step cannot run."""


def find_chromium() -> str | None:
    """``$ASHYQ_CHROMIUM``, else Debian's headless shell or Chromium, else one on PATH, else a browser
    Playwright downloaded (``playwright install chromium``), else None."""
    named = os.environ.get(CHROMIUM_VARIABLE)
    if named:
        return named if Path(named).is_file() else None
    for place in KNOWN_PLACES:
        if Path(place).is_file() and os.access(place, os.X_OK):
            return place
    for name in ON_PATH:
        found = shutil.which(name)
        if found:
            return found
    return _playwright_download()


def _playwright_download() -> str | None:
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    found = sorted(cache.glob("chromium_headless_shell-*/chrome-*/chrome-headless-shell"), reverse=True)
    found += sorted(cache.glob("chromium-*/chrome-linux*/chrome"), reverse=True)
    return str(found[0]) if found else None


def headless_shell(executable: str) -> bool:
    """Whether ``executable`` is Chromium's headless shell (Debian's ``chromium-headless-shell``,
    Playwright's ``chrome-headless-shell``): it reads no managed policy, but obeys the WebRTC switch."""
    return "headless-shell" in Path(executable).name.replace("_", "-")


def require_chromium() -> str:
    found = find_chromium()
    if found is not None:
        return found
    named = os.environ.get(CHROMIUM_VARIABLE)
    if named:
        raise ChromiumMissing(f"${CHROMIUM_VARIABLE} names {named}, which is not a file")
    raise ChromiumMissing(
        "no Chromium found: on Debian `apt install chromium`; elsewhere `playwright install chromium`; "
        f"or set ${CHROMIUM_VARIABLE} to the browser's executable"
    )


CHROMIUM = find_chromium() or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
]
BROWSER_USER_ENV = "ASHYQ_BROWSER_USER"
# what the evidence says of the browser's network (ashyq.net.jail)
JAILED = "; in a network namespace of its own, the egress proxy its only way out"
NOT_JAILED = "; no network namespace of its own (unshare refused): WebRTC kept to the proxy by its settings"
MAX_LOCAL_FILE = 10 * 1024 * 1024
DEFAULT_SCHEMES = ("http", "https", "ws", "wss")
Mark = tuple[int, int]  # how many refusals and requests a session had seen (BrowserSession.mark)


@dataclass(frozen=True)
class LaunchPlan:
    executable: str
    sandbox: bool
    description: str  # what the evidence says about how the browser ran
    webrtc: str = ""  # and about its WebRTC (kept to the proxy by the managed policy, or not)


def _run_quietly(argv: list[str]) -> bool:
    try:
        return subprocess.run(argv, capture_output=True, timeout=10, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


# The managed policy `make setup` installs (ashyq/config/chromium-policy.json): Chromium sends WebRTC's
# STUN/TURN only through the proxy - which refuses it - so a page cannot send UDP past the egress filter
# (the full browser ignores the command-line switch for it; the headless shell, which reads no policy,
# obeys the switch); and no background services, autofill or sync.
# (Debian's Chromium reads its managed policies from this folder, and only from it)
CHROMIUM_POLICY = Path("/etc/chromium/policies/managed/ashyq.json")


def webrtc_locked(policy: Path | None = None) -> bool:
    """Whether the installed managed policy keeps every page's WebRTC to the proxy."""
    try:
        installed = json.loads((policy or CHROMIUM_POLICY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    rules = installed.get("WebRtcIPHandlingUrl") if isinstance(installed, dict) else None
    return isinstance(rules, list) and {"url": "*", "handling": "disable_non_proxied_udp"} in rules


def _webrtc_note(executable: str) -> str:
    if headless_shell(executable):
        # the headless shell reads no managed policy but honours the switch in CHROMIUM_ARGS (the full
        # browser the other way round); tests/net/test_webrtc.py watches both with UDP and TCP canaries
        return "WebRTC only through the proxy (the headless shell's command-line switch)"
    if webrtc_locked():
        return "WebRTC only through the proxy (managed policy)"
    log.warning("Chromium's managed policy is not installed (%s): run `make setup`", CHROMIUM_POLICY)
    return f"WebRTC NOT locked to the proxy (no managed policy at {CHROMIUM_POLICY}: run `make setup`)"


@lru_cache(maxsize=4)
def launch_plan(executable: str = CHROMIUM) -> LaunchPlan:
    """How Chromium is started on this machine: as whom, whether its sandbox can work, and whether
    the managed policy keeps WebRTC to the proxy (the evidence says all three)."""
    return replace(_launch_plan(executable), webrtc=_webrtc_note(executable))


def _launch_plan(executable: str) -> LaunchPlan:
    unshare = shutil.which("unshare")
    if os.geteuid() != 0:
        sandbox = unshare is not None and _run_quietly([unshare, "--user", "true"])
        who = pwd.getpwuid(os.geteuid()).pw_name
        description = f"as {who}, " + ("sandboxed" if sandbox else "without sandbox")
        # the namespace's root brings its loopback up and relays to the proxy; Chromium, in a user
        # namespace within it, is this user again (it refuses to run as root with its sandbox)
        inner = [f"--map-user={os.geteuid()}", f"--map-group={os.getegid()}"]
        outer = [unshare, "--net", "--map-root-user"] if unshare else []
        if outer and _run_quietly([*outer, unshare or "", "--user", *inner, "true"]):
            return LaunchPlan(
                _wrapper(executable, outer, [unshare or "", "--user", *inner]), sandbox, description + JAILED
            )
        return LaunchPlan(executable, sandbox, description + NOT_JAILED)
    setpriv = shutil.which("setpriv")
    name = os.environ.get(BROWSER_USER_ENV, "nobody")
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        account = None
    if setpriv is None or account is None or account.pw_uid == 0:
        why = "setpriv is missing" if setpriv is None else f"no unprivileged user {name!r}"
        return LaunchPlan(executable, False, f"as root without sandbox ({why})" + NOT_JAILED)
    drop = [setpriv, f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--clear-groups"]
    sandbox = unshare is not None and _run_quietly([*drop, unshare or "", "--user", "true"])
    outer = [unshare, "--net"] if unshare and _run_quietly([unshare, "--net", *drop, "true"]) else []
    wrapper = _wrapper(executable, outer, drop, owner=(account.pw_uid, account.pw_gid))
    description = f"as {name}, " + ("sandboxed" if sandbox else "without sandbox")
    return LaunchPlan(wrapper, sandbox, description + (JAILED if outer else NOT_JAILED))


def _wrapper(executable: str, outer: list[str], inner: list[str], owner: tuple[int, int] | None = None) -> str:
    """The launcher Playwright starts in place of Chromium. ``outer``: the command that makes the
    network namespace (:mod:`ashyq.net.jail` relays the proxy into it), none when the machine does not
    allow one; ``inner``: what starts Chromium as its user; ``owner``: the user Playwright's fresh
    profile folder is handed to first (Playwright runs as root, Chromium does not)."""
    folder = Path(tempfile.mkdtemp(prefix="ashyq-chromium-"))
    atexit.register(shutil.rmtree, folder, True)
    script = folder / "chromium"
    jail = [*outer, sys.executable, "-m", "ashyq.net.jail", "--"] if outer else []
    lines = ["#!/bin/sh", 'profile=""']
    lines.append('for arg in "$@"; do case "$arg" in --user-data-dir=*) profile="${arg#--user-data-dir=}";; esac; done')
    if owner is not None:
        lines.append(f'[ -n "$profile" ] && chown -R {owner[0]}:{owner[1]} "$profile"')
    lines.append(f'exec {shlex.join([*jail, *inner])} env HOME="${{profile:-/tmp}}" {shlex.quote(executable)} "$@"')
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


@dataclass
class Asked:
    """A request a page of the session made, the page it was on, and its context's owner."""

    url: str
    page_url: str
    navigation: bool
    owner: str | None = None
    main_frame: bool = False  # a navigation of the page itself, not of one of its frames


@dataclass(frozen=True)
class PageRefusal:
    """A request of a page that the proxy refused: what to record as a fetch failure."""

    url: str
    reason: str
    detail: str
    page_url: str
    navigation: bool
    owner: str | None = None
    main_frame: bool = False


def _plain(url: str) -> str:
    return url.split("#", 1)[0]


def _tunnel_end(url: str, asked: bool = False) -> tuple[str, int] | None:
    """The host and port of a tunnel's refusal, or of a request that goes through a tunnel (https,
    WebSocket): a tunnel's refusal names only them."""
    try:
        target = target_of(url, DEFAULT_SCHEMES)
    except Refusal:
        return None
    if asked and target.scheme not in ("https", "wss", "ws"):
        return None
    return target.host, target.port


def _same_request(refused: ProxyRefusal, asked: str) -> bool:
    """A refusal is the request's when the URL is the same, or, for a tunnel (https, WebSocket),
    when the host and port are."""
    if not refused.tunnel:
        return _plain(refused.url) == _plain(asked)
    end = _tunnel_end(refused.url)
    return end is not None and end == _tunnel_end(asked, asked=True)


def _answered(refusals: list[ProxyRefusal], asked: list[Asked]) -> list[tuple[ProxyRefusal, Asked]]:
    """Each refusal with the request it answers: the first one not yet answered that is the same
    request (:func:`_same_request`, looked up by URL or by host and port rather than tried on every
    request). A refusal no request matches (the browser's own traffic, a request already answered)
    is left out."""
    urls = {_plain(r.url) for r in refusals if not r.tunnel}
    ends = {end for end in (_tunnel_end(r.url) for r in refusals if r.tunnel) if end is not None}
    waiting: dict[str | tuple[str, int], deque[int]] = {}
    tunnelled: dict[str, tuple[str, int] | None] = {}
    for n, request in enumerate(asked):
        plain = _plain(request.url)
        if plain in urls:
            waiting.setdefault(plain, deque()).append(n)
        if not ends:
            continue
        if request.url not in tunnelled:
            tunnelled[request.url] = _tunnel_end(request.url, asked=True)
        end = tunnelled[request.url]
        if end is not None and end in ends:
            waiting.setdefault(end, deque()).append(n)
    used: set[int] = set()
    found: list[tuple[ProxyRefusal, Asked]] = []
    for refusal in refusals:
        key = _tunnel_end(refusal.url) if refusal.tunnel else _plain(refusal.url)
        queue = waiting.get(key) if key is not None else None
        while queue and queue[0] in used:
            queue.popleft()
        if queue:
            used.add(queue[0])
            found.append((refusal, asked[queue.popleft()]))
    return found


@dataclass
class BrowserSession:
    """A launched browser behind its egress proxy. Make contexts with :meth:`new_context`, load pages
    with :meth:`goto`; read what the proxy refused of their requests with :meth:`refused_requests`."""

    playwright: Playwright
    browser: Browser
    proxy: EgressProxy
    policy: EgressPolicy
    contact: str
    plan: LaunchPlan
    local_files: bool = False  # check-page of a file the operator named
    asked: list[Asked] = field(default_factory=list)
    recorder: TrafficRecorder | None = None  # archives what the pages get (ashyq.net.capture), by default
    # one recorder per archive a context was given instead (by the archive's id), and each context's recorder
    recorders: dict[int, TrafficRecorder] = field(default_factory=dict)
    _recorder_of: weakref.WeakKeyDictionary[Any, TrafficRecorder] = field(
        default_factory=weakref.WeakKeyDictionary, init=False, repr=False
    )

    @property
    def version(self) -> str:
        return str(self.browser.version)

    @property
    def sandbox(self) -> str:
        return f"{self.plan.description}; {self.plan.webrtc}" if self.plan.webrtc else self.plan.description

    @property
    def replica(self) -> bool:
        return self.policy.closed

    def mark(self) -> Mark:
        """Where the refusals and the requests stand now (for :meth:`refused_requests`)."""
        return len(self.proxy.refusals), len(self.asked)

    def refused_requests(
        self, mark: Mark = (0, 0), owner: str | None = None, page_url: str | Collection[str] | None = None
    ) -> list[PageRefusal]:
        """The proxy's refusals since ``mark`` that answer a page's own request since then (the
        browser's background traffic is not a page's), each request once, under the URL the page
        asked for (a tunnel's refusal names only a host and port), with the page that asked; only
        the requests of ``owner``'s contexts, and of the pages at ``page_url``, when given."""
        pages = {page_url} if isinstance(page_url, str) else None if page_url is None else set(page_url)
        found: dict[str, PageRefusal] = {}
        for refusal, asked in _answered(self.proxy.refusals_since(mark[0]), self.asked[mark[1] :]):
            if (owner is not None and asked.owner != owner) or (pages is not None and asked.page_url not in pages):
                continue
            found.setdefault(
                asked.url,
                PageRefusal(
                    asked.url,
                    refusal.reason,
                    refusal.detail,
                    asked.page_url,
                    asked.navigation,
                    asked.owner,
                    asked.main_frame,
                ),
            )
        return list(found.values())

    def _track(self, context: BrowserContext, owner: str | None = None) -> None:
        """Note every request (and WebSocket) of the context's pages with the page it was on."""
        current: dict[int, str] = {}

        def on_page(page: Page) -> None:
            page.on("framenavigated", lambda frame: _navigated(page, frame))
            page.on("websocket", lambda ws: self.asked.append(Asked(ws.url, current.get(id(page), ""), False, owner)))
            page.on("close", lambda _: _closed(page))

        def _closed(page: Page) -> None:
            current.pop(id(page), None)  # a later page may get its id

        def _navigated(page: Page, frame: Any) -> None:
            if frame == page.main_frame and not frame.url.startswith(("about:", "chrome-error:")):
                current[id(page)] = frame.url

        def on_request(request: Any) -> None:
            try:
                page_id = id(request.frame.page)
            except Exception:  # a worker's request has no frame
                page_id = 0
            first = request
            while first.redirected_from is not None:  # a redirect hop is asked by the page that started it
                first = first.redirected_from
            navigation = bool(request.is_navigation_request())
            try:
                main_frame = navigation and request.frame == request.frame.page.main_frame
            except Exception:  # a worker's request has no frame
                main_frame = False
            self.asked.append(Asked(request.url, current.get(page_id, first.url), navigation, owner, main_frame))

        context.on("page", on_page)
        context.on("request", on_request)

    def device(self, name: str) -> dict[str, Any]:
        """A Playwright device descriptor (``"Pixel 7"``) as context options."""
        options = dict(self.playwright.devices[name])
        options.pop("default_browser_type", None)
        return options

    async def new_context(
        self,
        device: str | None = None,
        *,
        owner: str | None = None,
        archive: ExchangeSink | None = None,
        **options: Any,
    ) -> BrowserContext:
        """A context with the one user agent (after the desktop's or the device's product string);
        its requests are noted as ``owner``'s, its exchanges archived into ``archive`` (else into the
        session's archive, if it has one)."""
        if device is not None:
            options = {**self.device(device), **options}
        product = options.get("user_agent") or desktop_product(self.version)
        options["user_agent"] = user_agent(self.contact, product)
        context = await self.browser.new_context(**options, service_workers="block")
        self._track(context, owner)
        recorder = self._recorder_for(archive)
        if recorder is not None:
            recorder.attach(context)
            self._recorder_of[context] = recorder
        _SESSIONS[context] = self
        return context

    def _recorder_for(self, archive: ExchangeSink | None) -> TrafficRecorder | None:
        """The recorder of ``archive`` (made on first use), or the session's own."""
        if archive is None or (self.recorder is not None and self.recorder.sink is archive):
            return self.recorder
        known = self.recorders.get(id(archive))
        if known is None or known.sink is not archive:
            known = self.recorders[id(archive)] = TrafficRecorder(archive)
        return known

    async def settle_archive(self, archive: ExchangeSink | None) -> None:
        """Finish writing what ``archive``'s contexts got (they are closed: nothing more comes), so
        the archive can be closed while the browser goes on for others."""
        recorder = self.recorders.get(id(archive))
        if recorder is not None and recorder.sink is archive:
            del self.recorders[id(archive)]
            await settle(recorder)

    async def settle_archives(self) -> None:
        """Finish writing every archive's exchanges (the browser is closing)."""
        for recorder in [self.recorder, *self.recorders.values()]:
            await settle(recorder)

    async def records_of(self, page: Page) -> tuple[ArchivedExchange, ...]:
        """What ``page`` got so far, as archived in its context's archive (nothing when the context
        archives nothing); call it before closing the page."""
        recorder = self._recorder_of.get(page.context)
        return await recorder.records_of(page) if recorder is not None else ()

    async def goto(self, page: Page, url: str, **kwargs: Any) -> Response | None:
        """Load ``url`` in ``page`` if the policy lets it be asked for (a :class:`Refusal` if not).

        Names are judged by the proxy when the browser connects; here only what needs no DNS (the
        scheme, a literal address, replica mode's closure). A local file is read here and given
        to the page as its content, when the session was opened for one (``check-page FILE``)."""
        if self.local_files and url.startswith("file:"):
            await page.goto("about:blank")
            await page.set_content(_local_file(url), **{k: v for k, v in kwargs.items() if k != "referer"})
            return None
        served = self.proxy.url_map.to_served(url)
        target_of(url)  # http(s) only
        self.policy.check_literal(served or url)
        documents: list[Response] = []  # the main frame's documents, the front's and the page's behind it

        def on_response(response: Response) -> None:
            if response.frame == page.main_frame and response.request.is_navigation_request():
                documents.append(response)

        page.on("response", on_response)
        try:
            response = await page.goto(url, **kwargs)
            if response is not None and response.status in FRONT_STATUSES:
                response = await _past_front(page, response, documents, str(kwargs.get("wait_until") or "load"))
        finally:
            page.remove_listener("response", on_response)
        return response

    @staticmethod
    def left_for_an_error(page: Page) -> bool:
        """Whether the page has gone to Chromium's error page (a refresh or a script took it somewhere
        that failed, e.g. refused by the proxy): what is there now is not the page's."""
        return str(page.url).startswith("chrome-error:")


_SESSIONS: weakref.WeakKeyDictionary[Any, BrowserSession] = weakref.WeakKeyDictionary()


def session_of(page: Page) -> BrowserSession:
    """The session a page's context was made by (every context is made by :meth:`BrowserSession.new_context`)."""
    return _SESSIONS[page.context]


# The document as a reader sees it, for a page that builds its content inside open shadow roots (web components:
# custom elements a script fills): each host holds its shadow tree, each ``<slot>`` what is assigned to it (or its
# own fallback), the host's light children otherwise left out as the browser leaves them undrawn. Built on copies:
# the live page is not touched. None when the page has no shadow root (its plain serialization is the same).
FLAT_HTML = """
() => {
  const hosts = (root) => [...root.querySelectorAll('*')].some(e => e.shadowRoot);
  if (!document.documentElement || !hosts(document)) return null;
  const flat = (node) => {
    if (node.nodeType !== 1) return node.cloneNode(false);
    if (node.localName === 'slot' && node.getRootNode() instanceof ShadowRoot) {
      const out = document.createDocumentFragment();
      const given = node.assignedNodes();
      for (const n of (given.length ? given : [...node.childNodes])) out.appendChild(flat(n));
      return out;
    }
    const copy = node.cloneNode(false);
    for (const n of (node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes)) copy.appendChild(flat(n));
    return copy;
  };
  const type = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>' : '';
  return type + flat(document.documentElement).outerHTML;
}
"""


async def page_html(page: Page) -> str:
    """The page's DOM serialized as its reader sees it: :data:`FLAT_HTML` where it builds content in shadow
    roots, its plain serialization otherwise."""
    flat = await page.evaluate(FLAT_HTML)
    return str(flat) if isinstance(flat, str) else await page.content()


async def _past_front(page: Page, front: Response, documents: list[Response], wait_until: str) -> Response:
    """The page behind an anti-DDoS front's «checking your browser» answer (:mod:`ashyq.net.front`): its script
    clears the browser and loads the address again; the document that then comes is the page's, waited for up to
    :data:`FRONT_WAIT_MS` (the front's answer stays the answer when none comes, or the front is no such page)."""
    with contextlib.suppress(Exception):  # a page closed or gone to an error page: the front's answer stands
        if not is_browser_check(front.status, await front.text()):
            return front
        deadline = time.monotonic() + FRONT_WAIT_MS / 1000
        while time.monotonic() < deadline:
            later = [d for d in documents if d is not front and d.status < 400]
            if later and documents[-1] is later[-1]:
                state = wait_until if wait_until in ("load", "domcontentloaded", "networkidle") else "load"
                await page.wait_for_load_state(state, timeout=FRONT_WAIT_MS)  # type: ignore[arg-type]
                return later[-1]
            await asyncio.sleep(0.2)
    return front


async def goto(page: Page, url: str, **kwargs: Any) -> Response | None:
    """:meth:`BrowserSession.goto` for a page of any session."""
    return await session_of(page).goto(page, url, **kwargs)


def _local_file(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    return read_local_page(Path(unquote(urlsplit(url).path)))


def local_page_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a page: missing, not a regular file (a device such as /dev/zero,
    a pipe, a folder: they have no end, or block) or larger than :data:`MAX_LOCAL_FILE`."""
    try:
        status = path.stat()
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    if not stat.S_ISREG(status.st_mode):
        return f"{path} is not a regular file (a device, pipe or folder is not a page)"
    if status.st_size > MAX_LOCAL_FILE:
        return f"{path} is larger than {MAX_LOCAL_FILE // (1024 * 1024)} MB"
    return None


def read_local_page(path: Path) -> str:
    """A local HTML file, read at most :data:`MAX_LOCAL_FILE` bytes (it may grow after it was looked at)."""
    if (problem := local_page_problem(path)) is not None:
        raise Refusal("error", problem)
    with path.open("rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped after the look
            raise Refusal("error", f"{path} is not a regular file")
        data = handle.read(MAX_LOCAL_FILE + 1)
    if len(data) > MAX_LOCAL_FILE:
        raise Refusal("error", f"{path} is larger than {MAX_LOCAL_FILE // (1024 * 1024)} MB")
    return data.decode("utf-8", errors="replace")


def _door(proxy: EgressProxy) -> dict[str, str | float | bool]:
    """The browser's environment: this one, and where its network namespace finds the proxy."""
    from ashyq.net.jail import PORT_ENV, SOCKET_ENV

    return {**os.environ, SOCKET_ENV: proxy.socket_path, PORT_ENV: str(proxy.port)}


@contextlib.asynccontextmanager
async def open_browser(
    policy: EgressPolicy | None = None,
    url_map: BaseUrlMap | None = None,
    *,
    contact: str | None = None,
    executable: str = CHROMIUM,
    local_files: bool = False,
    budget: HostBudget | None = None,
    archive: ExchangeSink | None = None,
) -> AsyncIterator[BrowserSession]:
    """Start the egress proxy and Chromium behind it; close both on the way out.

    ``policy`` defaults to the map's (replica mode when the map is not empty, else the real web);
    ``budget`` is the politeness budget per host every request of the browser holds a slot of;
    with ``archive`` every exchange of the session's pages is written there (ashyq.net.capture)."""
    from playwright.async_api import async_playwright

    url_map = url_map or BaseUrlMap()
    policy = policy or url_map.policy()
    if contact is None:
        from ashyq.net.crawl_config import load_crawl_config

        contact = load_crawl_config().contact
    plan = launch_plan(executable)
    with EgressProxy(policy, url_map, budget=budget) as proxy:
        args = [*CHROMIUM_ARGS, f"--proxy-server={proxy.server}", "--proxy-bypass-list=<-loopback>"]
        if proxy.tls_spki is not None:  # replica mode: accept the proxy's interception key, no other
            args.append(f"--ignore-certificate-errors-spki-list={proxy.tls_spki}")
        async with async_playwright() as playwright:
            try:
                browser = await playwright.chromium.launch(
                    executable_path=plan.executable,
                    headless=True,
                    args=args,
                    chromium_sandbox=plan.sandbox,
                    env=_door(proxy),
                )
            except Exception as error:
                if not plan.sandbox:
                    raise
                # The probe said the sandbox could work, the kernel (or a security module) said no:
                # measuring without it beats not measuring, and the evidence says which it was.
                plan = replace(plan, sandbox=False, description=f"{plan.description.rsplit(',', 1)[0]}, "
                               f"without sandbox (it did not start: {type(error).__name__})")  # fmt: skip
                browser = await playwright.chromium.launch(
                    executable_path=plan.executable, headless=True, args=args, chromium_sandbox=False, env=_door(proxy)
                )
            recorder = TrafficRecorder(archive) if archive is not None else None
            session = BrowserSession(playwright, browser, proxy, policy, contact, plan, local_files, recorder=recorder)
            try:
                yield session
            finally:
                await session.settle_archives()
                await browser.close()
