"""What the four replica portals share: language selection, the page shell, paging scripts,
the language-switch route, robots.txt and generated .docx downloads.

All ``*.egov.kz`` portals keep the interface language in the ``egovLang`` cookie (``kk`` or ``ru``)
and serve Kazakh when it is absent.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Awaitable, Callable, Iterable
from datetime import date
from html import escape
from urllib.parse import urlsplit

from aiohttp import web

from ashyq_replica.portals.content.model import Bilingual

LANG_COOKIE = "egovLang"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
DEFAULT_LANG = "kk"


def request_lang(request: web.Request, allow_query: bool = False) -> str:
    """The interface language: the ``egovLang`` cookie, Kazakh without it.

    ``allow_query`` lets a ``lang=`` query parameter win, as programme cards on budget.egov.kz do.
    """
    if allow_query and request.query.get("lang") in ("kk", "ru"):
        return request.query["lang"]
    cookie = request.cookies.get(LANG_COOKIE)
    return cookie if cookie in ("kk", "ru") else DEFAULT_LANG


def text(value: Bilingual, lang: str) -> str:
    return escape(value.get(lang))


def page(title: str, lang: str, body: str, scripts: str = "") -> web.Response:
    html = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" href="/public/css/bootstrap.min.css">\n</head>\n<body>\n'
        f'<div class="container">\n{body}\n</div>\n{scripts}\n</body>\n</html>\n'
    )
    return web.Response(text=html, content_type="text/html", charset="utf-8")


def pagination_script(total_pages: int, current: int) -> str:
    """The twbsPagination call the real portals render; spiders read ``totalPages: N`` from it."""
    return (
        "<script>\n$(function () {\n  $('#pagination').twbsPagination({\n"
        f"    totalPages: {total_pages},\n    startPage: {current},\n    visiblePages: 5\n"
        "  });\n});\n</script>"
    )


def page_number(request: web.Request) -> int:
    try:
        return max(1, int(request.query.get("page", "1")))
    except ValueError:
        return 1


def total_pages(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


def changelang_handler(default_location: str = "/") -> Handler:
    """``/application/changelang?lang=kk|ru&location=...``: set ``egovLang`` and go back.

    Only a path on the same host is followed, so the switch cannot redirect elsewhere.
    """

    async def changelang(request: web.Request) -> web.StreamResponse:
        lang = request.query.get("lang", DEFAULT_LANG)
        if lang not in ("kk", "ru"):
            lang = DEFAULT_LANG
        location = request.query.get("location") or request.headers.get("Referer") or default_location
        parts = urlsplit(location)
        target = parts.path or default_location
        if parts.query:
            target += "?" + parts.query
        response = web.HTTPFound(target)
        response.set_cookie(LANG_COOKIE, lang, path="/", max_age=365 * 24 * 3600)
        raise response

    return changelang


def robots_handler(lines: Iterable[str]) -> Handler:
    body = "\n".join(lines) + "\n"

    async def robots(_request: web.Request) -> web.Response:
        return web.Response(text=body, content_type="text/plain")

    return robots


def dotted(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def slashed(day: date) -> str:
    return day.strftime("%d/%m/%Y")


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes(paragraphs: Iterable[str]) -> bytes:
    """A minimal valid Word document holding the given paragraphs."""
    runs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p, quote=False)}</w:t></w:r></w:p>' for p in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{runs}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def docx_response(filename: str, paragraphs: Iterable[str]) -> web.Response:
    return web.Response(
        body=docx_bytes(paragraphs),
        content_type=DOCX_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def not_found(lang: str) -> web.Response:
    message = "Бет табылмады" if lang == "kk" else "Страница не найдена"
    response = page(message, lang, f"<h1>{message}</h1>")
    response.set_status(404)
    return response
