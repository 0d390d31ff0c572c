"""Faults of the "flaky" world: what real government hosts do to crawlers, made deterministic.

Middleware (every host):

* ``503`` on the first attempt at about one URL in seven (``sha256(host + path?query) % 7 == 0``);
  the second attempt succeeds, so retries work and a test can predict which URLs fail.
* a slow first answer (``SLOW_SECONDS``) for about one URL in eleven (``% 11 == 3``).
* gov.kz: ``400 {"error":"notAllowed"}`` on the first attempt of about one news query in five even
  with a valid ticket (anti-bot), and a non-JSON ``502`` HTML page on one POST to ``/graphql`` in
  seven. A POST is one request by its query and the page that asked it (``Referer``): each such
  request fails on one attempt in seven, at a place its hash sets, never on two attempts in a row,
  so a retry always recovers it however many pages render at once (a counter shared by all POSTs
  would let concurrent renders land a page's retries on the failing turns).

The ``site-pages`` outage (``World.outages``, any fault mode): about one website page in nine answers
``503`` on *every* attempt and one in nine never answers in time (:func:`lost_page`), so a harvest
obtains the site only in part whatever it retries. Home pages, robots.txt, static files and the
portals' APIs are never lost.

Routes on the Kostanay akimat's classic site (:func:`add_routes`), linked from its footer:

* ``/ru/reports/slow`` never answers in time (sleeps ``HANG_SECONDS``);
* ``/ru/redirect/a`` ↔ ``/ru/redirect/b``: a redirect loop;
* ``/ru/archive/2012/news.html``: windows-1251 bytes, ``Content-Type: text/html`` with no charset;
* ``/ru/broken``: malformed HTML (unclosed and misnested tags, a stray ``</html>`` mid-page);
* ``/ru/calendar?month=YYYY-MM``: an endless calendar, each month linking to the next and previous;
* ``/files/archive/photo-archive-2025.zip``: a valid 50 MB zip, streamed in chunks;
* ``/ru/partners``: links to http://10.0.0.5/ and http://192.168.1.10/ (private addresses: a crawler
  must never request them; nothing listens there).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import struct
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import date
from functools import lru_cache

from aiohttp import web

from ashyq_replica.core import GOVKZ_HOST, World

SLOW_SECONDS = 1.5
HANG_SECONDS = 600.0
BIG_FILE_SIZE = 50 * 1024 * 1024
BIG_FILE_PATH = "/files/archive/photo-archive-2025.zip"
PRIVATE_LINKS = ("http://10.0.0.5/", "http://192.168.1.10/")
# Never faulted: the files a crawler needs to behave (robots) and the ticket that lets it in.
EXEMPT = re.compile(r"^/(robots\.txt|static/|api/v1/public/_/c/k6)")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def path_hash(host: str, path_qs: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{host}{path_qs}".encode()).digest()[:8], "big")


def fails_first(host: str, path_qs: str) -> bool:
    """Whether the first attempt at this URL answers 503."""
    return path_hash(host, path_qs) % 7 == 0


def slow_first(host: str, path_qs: str) -> bool:
    return path_hash(host, path_qs) % 11 == 3


def antibot_first(host: str, path_qs: str) -> bool:
    return host == GOVKZ_HOST and "/content-manager/news" in path_qs and path_hash(host, path_qs) % 5 == 1


# the outage of website pages that outlast every retry
SITE_PAGES_OUTAGE = "site-pages"
_SITE_PAGE = re.compile(r"^/(ru|kk|en)/.+|^/memleket/entities/[^/]+/.+")


def lost_page(host: str, path_qs: str) -> str | None:
    """Under the ``site-pages`` outage: ``"503"`` or ``"hang"`` for a website page that is lost (the
    same every time), None for one that is served. Only pages below a language or a body's gov.kz
    home are lost, never the home page itself."""
    if not _SITE_PAGE.match(path_qs.split("?", 1)[0]):
        return None
    bucket = path_hash(host, path_qs) % 9
    return "503" if bucket == 4 else "hang" if bucket == 7 else None


def outage_middleware(host: str) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    """The ``site-pages`` outage on one host (:func:`lost_page`)."""

    @web.middleware
    async def lost(request: web.Request, handler: Handler) -> web.StreamResponse:
        fault = lost_page(host, request.path_qs) if request.method in ("GET", "HEAD") else None
        if fault == "503":
            return web.Response(status=503, text="Service Temporarily Unavailable", headers={"Retry-After": "1"})
        if fault == "hang":
            await asyncio.sleep(HANG_SECONDS)
        return await handler(request)

    return lost


def middleware(world: World, host: str) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    attempts: Counter[str] = Counter()

    @web.middleware
    async def flaky(request: web.Request, handler: Handler) -> web.StreamResponse:
        if EXEMPT.match(request.path) or request.path in FAULT_PATHS:  # a trap must behave the same every time
            return await handler(request)
        key = f"{request.method} {request.path_qs}"
        graphql = host == GOVKZ_HOST and request.path == "/graphql" and request.method == "POST"
        if graphql:
            query = hashlib.sha256(await request.read()).hexdigest()
            key = f"{key} {query} {request.headers.get('Referer', '')}"
        attempts[key] += 1
        attempt = attempts[key]
        if graphql and (path_hash(host, key) + attempt) % 7 == 0:
            return web.Response(
                status=502, text="<html><body><h1>502 Bad Gateway</h1></body></html>", content_type="text/html"
            )
        if attempt == 1 and fails_first(host, request.path_qs):
            return web.Response(status=503, text="Service Temporarily Unavailable", headers={"Retry-After": "1"})
        if attempt == 1 and antibot_first(host, request.path_qs):
            return web.json_response({"error": "notAllowed"}, status=400)
        if attempt == 1 and slow_first(host, request.path_qs):
            await asyncio.sleep(SLOW_SECONDS)
        return await handler(request)

    return flaky


@lru_cache(maxsize=1)
def _big_zip_parts() -> tuple[bytes, bytes, int]:
    """Header and trailer of a stored (uncompressed) zip holding one file of zero bytes."""
    name = b"photo-archive-2025.raw"
    data_size = BIG_FILE_SIZE - (30 + len(name)) - (46 + len(name)) - 22
    crc, chunk = 0, bytes(1024 * 1024)
    remaining = data_size
    while remaining:
        part = chunk[: min(remaining, len(chunk))]
        crc = zlib.crc32(part, crc)
        remaining -= len(part)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, crc, data_size, data_size, len(name), 0) + name
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            0,
            0,
            0x21,
            crc,
            data_size,
            data_size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + name
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + data_size, 0)
    return local, central + end, data_size


def _page(title: str, body: str) -> web.Response:
    return web.Response(
        text=f'<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><h1>{title}</h1>{body}</body></html>",
        content_type="text/html",
        charset="utf-8",
    )


def add_routes(app: web.Application, world: World) -> None:
    """The fault pages of the classic Kostanay site (only in the flaky world)."""

    async def hang(request: web.Request) -> web.Response:
        await asyncio.sleep(HANG_SECONDS)
        return _page("Отчёт", "<p>Поздно.</p>")

    async def loop_a(request: web.Request) -> web.Response:
        raise web.HTTPFound("/ru/redirect/b")

    async def loop_b(request: web.Request) -> web.Response:
        raise web.HTTPFound("/ru/redirect/a")

    async def cp1251(request: web.Request) -> web.Response:
        html = (
            "<html><head><title>Архив новостей 2012 года</title></head><body><h1>Архив новостей 2012 года</h1>"
            "<p>Аким области провёл приём граждан в Костанае. Обсуждены вопросы благоустройства.</p></body></html>"
        )
        # No charset anywhere: neither in the header nor in a meta tag, as on old CMS pages.
        return web.Response(body=html.encode("cp1251"), headers={"Content-Type": "text/html"})

    async def broken(request: web.Request) -> web.Response:
        html = (
            '<html><head><title>Объявления</head><body><div class="content">'
            "<p>Объявление о конкурсе<b><i>до 1 декабря</b></i>"
            '<table><tr><td>Срок<td>Место</tr><p>Без закрытия <a href="/ru/news">новости</div></html><p>Хвост страницы'
            "<img src=/ru/x.png alt=></body>"
        )
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    async def calendar(request: web.Request) -> web.Response:
        raw = request.query.get("month") or world.as_of.strftime("%Y-%m")
        try:
            year, month = (int(x) for x in raw.split("-", 1))
            current = date(year, month, 1)
        except ValueError:
            current = world.as_of.replace(day=1)
        prev_month = date(current.year - (current.month == 1), (current.month - 2) % 12 + 1, 1)
        next_month = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
        return _page(
            f"Календарь событий: {current:%m.%Y}",
            f'<a href="/ru/calendar?month={prev_month:%Y-%m}">« {prev_month:%m.%Y}</a> '
            f'<a href="/ru/calendar?month={next_month:%Y-%m}">{next_month:%m.%Y} »</a><p>Событий нет.</p>',
        )

    async def big_file(request: web.Request) -> web.StreamResponse:
        head, tail, data_size = _big_zip_parts()
        response = web.StreamResponse(
            headers={"Content-Type": "application/zip", "Content-Length": str(len(head) + data_size + len(tail))}
        )
        await response.prepare(request)
        await response.write(head)
        chunk = bytes(256 * 1024)
        remaining = data_size
        while remaining:
            part = chunk[: min(remaining, len(chunk))]
            await response.write(part)
            remaining -= len(part)
        await response.write(tail)
        await response.write_eof()
        return response

    async def partners(request: web.Request) -> web.Response:
        links = "".join(f'<li><a href="{url}">{url}</a></li>' for url in PRIVATE_LINKS)
        return _page("Партнёры", f"<p>Внутренние ресурсы (доступны только из сети акимата):</p><ul>{links}</ul>")

    app.add_routes(
        [
            web.get("/ru/reports/slow", hang),
            web.get("/ru/redirect/a", loop_a),
            web.get("/ru/redirect/b", loop_b),
            web.get("/ru/archive/2012/news.html", cp1251),
            web.get("/ru/broken", broken),
            web.get("/ru/calendar", calendar),
            web.get(BIG_FILE_PATH, big_file),
            web.get("/ru/partners", partners),
        ]
    )


FAULT_LINKS = (
    ("/ru/reports/slow", "Отчёт за 2025 год"),
    ("/ru/redirect/a", "Старая версия сайта"),
    ("/ru/archive/2012/news.html", "Архив 2012"),
    ("/ru/broken", "Объявления"),
    ("/ru/calendar", "Календарь событий"),
    (BIG_FILE_PATH, "Фотоархив (zip, 50 МБ)"),
    ("/ru/partners", "Партнёры"),
)
FAULT_PATHS = frozenset(path for path, _ in FAULT_LINKS) | {"/ru/redirect/b"}
