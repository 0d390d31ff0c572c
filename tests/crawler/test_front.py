"""A site behind an anti-DDoS front is harvested as a reader's browser reads it.

The front answers a client it has not cleared with a 503 «checking your browser» page whose script computes
a token from the nonce it was given, keeps it in a cookie and loads the address again; a client asking more
than a few addresses a second gets 429 with Retry-After. The harvest passes the front in Chromium, carries its
cookie on every request and slows down to the pace the host asks for: every page is recorded, none refused."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
import yaml
from aiohttp import web
from crawl_harness import ServedApp, crawl

from ashyq.crawler.runner import CrawlRequest
from ashyq.net.front import FRONT_READ_CHARS, is_browser_check

SITE = "https://www.qalqan.gov.kz"
PAGES = ("akimat", "basshylyq", "qurylym", "npa", "budzhet", "kadrlar", "bailanys")
SECRET = "qalqan"

FRONT = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Проверка браузера…</title></head>
<body><h1>Проверка вашего браузера перед переходом на сайт</h1>
<p>Через несколько секунд откроется запрошенная страница.</p>
<noscript>Включите JavaScript и cookie.</noscript>
<script>
(function () {
  var n = "NONCE", h = 0;
  for (var i = 0; i < n.length; i++) { h = (h * 31 + n.charCodeAt(i)) % 1000003; }
  setTimeout(function () { document.cookie = "front_ok=" + n + "." + h + "; path=/"; location.reload(); }, 1200);
})();
</script></body></html>"""


def _token(nonce: str) -> str:
    h = 0
    for ch in nonce:
        h = (h * 31 + ord(ch)) % 1000003
    return f"{nonce}.{h}"


def _page(name: str) -> str:
    links = "".join(f'<li><a href="/kk/{p}">{p}</a></li>' for p in PAGES)
    return (
        f'<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>{name}</title></head><body>'
        f"<nav><ul>{links}</ul></nav><main><h1>{name}</h1><p>Қалқан ауданы әкімдігінің «{name}» беті.</p></main>"
        "</body></html>"
    )


def _front_app(log: list[tuple[str, int]], pace: int = 3) -> web.Application:
    asked: list[float] = []

    async def handle(request: web.Request) -> web.StreamResponse:
        now = time.monotonic()
        asked[:] = [t for t in asked if now - t < 1.0]
        if len(asked) >= pace:  # over the pace: refused, not counted
            log.append((request.path, 429))
            return web.Response(status=429, text="Too many requests", headers={"Retry-After": "1"})
        asked.append(now)
        if request.path == "/robots.txt":
            return web.Response(text="User-agent: *\nDisallow: /admin/\n")
        nonce = hashlib.sha256(f"{SECRET}|{request.remote}".encode()).hexdigest()[:12]
        if request.cookies.get("front_ok") != _token(nonce):
            log.append((request.path, 503))
            return web.Response(status=503, text=FRONT.replace("NONCE", nonce), content_type="text/html")
        if request.path in ("/", "/kk", "/kk/"):
            log.append((request.path, 200))
            return web.Response(text=_page("Басты бет"), content_type="text/html", charset="utf-8")
        name = request.path.removeprefix("/kk/")
        if name not in PAGES:
            raise web.HTTPNotFound()
        log.append((request.path, 200))
        return web.Response(text=_page(name), content_type="text/html", charset="utf-8")

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", handle)])
    return app


def test_a_front_s_browser_check_is_told_from_an_error_page() -> None:
    front = FRONT.replace("NONCE", "a1b2c3")
    assert is_browser_check(503, front)
    assert is_browser_check(403, front)
    assert not is_browser_check(200, front)  # the page itself, whatever its script does
    assert not is_browser_check(404, front)  # a missing page is missing
    # an ordinary error page with a script that keeps no cookie and loads nothing again
    outage = "<html><body><h1>Сайт на обслуживании</h1><script>console.log('down')</script></body></html>"
    assert not is_browser_check(503, outage)
    # a cookie set without loading the page again is a consent banner, not a front
    assert not is_browser_check(503, front.replace("location.reload();", ""))
    # a protection service's own challenge script, the page holding no script of its own work
    service = (
        "<html><head><title>Just a moment...</title></head><body>"
        '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8f"></script></body></html>'
    )
    assert is_browser_check(403, service)
    # an error page is read only so far: a script past that is never looked for (a hostile page costs no more)
    assert not is_browser_check(503, "<html><body>" + " " * FRONT_READ_CHARS + front.split("<body>", 1)[1])
    # a long error page is the site's, whatever script it carries
    assert not is_browser_check(503, front.replace("<noscript>", "<p>" + "Текст. " * 400 + "</p><noscript>"))


@pytest.mark.browser
@pytest.mark.slow
def test_a_site_behind_a_front_is_harvested_past_its_check_at_the_host_s_pace(tmp_path: Path) -> None:
    log: list[tuple[str, int]] = []
    served = ServedApp(_front_app(log))
    registry = tmp_path / "registry.yaml"
    body = {"id": "qalqan", "kind": "mio", "names": {"kk": "Қалқан", "ru": "Калкан"}, "sites": [SITE + "/"]}
    registry.write_text(yaml.safe_dump({"name": "front", "bodies": [body]}, allow_unicode=True), "utf-8")
    try:
        harvest = crawl(
            tmp_path, CrawlRequest(body_ids=["qalqan"], registry=str(registry), base_url_map={SITE: served.url})
        )
    finally:
        served.stop()
    pages = {
        row[0].removeprefix(SITE): row[1]
        for row in harvest.rows("SELECT final_url, status FROM page WHERE source = 'site'")
    }
    assert {f"/kk/{p}" for p in PAGES} <= set(pages), pages
    assert set(pages.values()) == {200}, pages  # the pages behind the front, never the front's answer
    assert ("/kk/", 503) in log or ("/", 503) in log  # the front was met ...
    failures = harvest.rows("SELECT url, reason, status_code FROM fetch_failure")
    assert not [f for f in failures if f[2] in (429, 503)], failures  # ... and passed: nothing refused in the end
    cleared = [path for path, status in log if status == 200]
    assert len(cleared) >= len(PAGES) + 1, log
