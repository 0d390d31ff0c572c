"""What every outside site serves besides its pages: images, downloads, robots.txt, an RSS feed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from functools import lru_cache
from html import escape

from aiohttp import web

from ashyq_replica.govkz.files import make_docx, make_pdf, make_png, make_xlsx

MOBILE_UA = ("Mobile", "Android", "iPhone", "iPad")
HTML = "text/html"

_IMAGES: dict[str, tuple[int, int, tuple[int, int, int], tuple[int, int, int] | None]] = {
    "gerb": (150, 150, (0, 150, 199), (255, 200, 40)),
    "emblem": (80, 80, (0, 150, 199), (255, 200, 40)),
    "emblem-small": (64, 64, (0, 150, 199), (255, 200, 40)),
    "emblem-large": (90, 90, (0, 150, 199), (255, 200, 40)),
    "flag": (120, 60, (0, 175, 202), (254, 197, 0)),
    "structure": (640, 360, (240, 240, 240), (30, 90, 160)),
    "banner": (300, 90, (0, 120, 180), None),
    "photo": (320, 200, (120, 140, 150), (200, 190, 170)),
}


@lru_cache(maxsize=64)
def image_bytes(name: str) -> bytes:
    stem = name.rsplit(".", 1)[0].split("/")[-1]
    width, height, rgb, ring = _IMAGES.get(stem, (88, 31, (200, 200, 200), None))
    return make_png(width, height, rgb, ring)


@lru_cache(maxsize=256)
def file_bytes(name: str) -> tuple[bytes, str]:
    """A small real file for a download link: its bytes and content type."""
    stem, _, ext = name.rpartition(".")
    title = stem.replace("-", " ")
    if ext == "pdf":
        return make_pdf([title, "Document of the state body", "Page 1"]), "application/pdf"
    if ext == "docx":
        return make_docx(
            title, [title, "Text of the document."]
        ), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if ext == "xlsx":
        return make_xlsx(
            "Data", [["Indicator", "Value"], [title, 1]]
        ), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if ext == "mp3":
        return b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(2048), "audio/mpeg"
    return title.encode(), "application/octet-stream"


async def image(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name.endswith(".swf"):
        return web.Response(body=b"FWS\x09" + bytes(64), content_type="application/x-shockwave-flash")
    return web.Response(body=image_bytes(name), content_type="image/gif" if name.endswith(".gif") else "image/png")


async def download(request: web.Request) -> web.Response:
    data, kind = file_bytes(request.match_info["name"])
    return web.Response(body=data, content_type=kind)


def robots(lines: str) -> web.RouteDef:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=lines, content_type="text/plain")

    return web.get("/robots.txt", handler)


def is_phone(request: web.Request) -> bool:
    agent = request.headers.get("User-Agent", "")
    return any(marker in agent for marker in MOBILE_UA)


def page(html: str, status: int = 200) -> web.Response:
    return web.Response(text=html, content_type=HTML, charset="utf-8", status=status)


def rss(title: str, link: str, items: list[tuple[str, str, str]], as_of: date) -> web.Response:
    """items: (dd.mm.yyyy, title, link)."""

    def stamp(dmy: str) -> str:
        day, month, year = (int(x) for x in dmy.split("."))
        return format_datetime(datetime.combine(date(year, month, day), time(10), UTC))

    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(href)}</link><pubDate>{stamp(d)}</pubDate></item>"
        for d, t, href in items
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link><description>{escape(title)}</description>"
        f"<lastBuildDate>{format_datetime(datetime.combine(as_of, time(9), UTC))}</lastBuildDate>"
        f"{entries}</channel></rss>"
    )
    return web.Response(text=body, content_type="application/rss+xml", charset="utf-8")


def common_routes() -> list[web.RouteDef]:
    return [web.get("/img/{name}", image), web.get("/files/{name}", download)]
