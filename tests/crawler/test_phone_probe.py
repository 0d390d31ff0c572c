"""A phone that gets the same page a desktop gets is no sign of a mobile version of its own.

The site spider asks for the home page as a phone: other markup at the same address (its internal links
sharing less than half with the desktop's) is an adaptive version, harvested on its own, and the desktop
crawl leaves its pages to it. The two answers must be compared alike: a one-page site whose home page links
twenty files (its plans, reports and acts) is the same page for a phone; counted as pages on the phone's
side only, the files made it look like other markup, and the desktop crawl stopped at the home page."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web
from crawl_harness import crawl_body, serve

SITE = "https://auyl.gov.kz"

FILES = "".join(f'<li><a href="/files/doc-{n}.pdf">Құжат {n} (PDF, 40 Кб)</a></li>' for n in range(20))
PAGES = {
    "/kk/": (
        "kk",
        "Басты бет",
        '<nav><a href="/kk/#about">Біз туралы</a> <a href="/ru/">Рус</a> <a href="/kk/zhanalyqtar">Жаңалықтар</a> '
        f'<a href="/kk/bos-oryndar">Бос орындар</a></nav><main><h1 id="about">Ауыл</h1><ul>{FILES}</ul></main>',
    ),
    "/kk/bos-oryndar": ("kk", "Бос орындар", "<main><h1>Бос орындар</h1><p>Бас маман.</p></main>"),
    "/ru/": (
        "ru",
        "Главная",
        '<nav><a href="/kk/">Қаз</a> <a href="/ru/dokumenty">Документы</a></nav>'
        f"<main><h1>Аул</h1><ul>{FILES}</ul></main>",
    ),
    "/kk/zhanalyqtar": ("kk", "Жаңалықтар", '<main><h1>Жаңалықтар</h1><a href="/kk/zhanalyqtar/qys">Қыс</a></main>'),
    "/kk/zhanalyqtar/qys": ("kk", "Қыс", "<main><h1>Қысқа дайындық</h1><p>Жолдар тазартылады.</p></main>"),
    "/ru/dokumenty": ("ru", "Документы", "<main><h1>Документы</h1><p>Решения акима.</p></main>"),
}


def test_a_home_page_linking_many_files_is_not_taken_for_a_phone_s_other_markup(tmp_path: Path) -> None:
    async def page(request: web.Request) -> web.Response:
        if request.path == "/":
            raise web.HTTPFound("/kk/")
        if request.path.startswith("/files/"):
            return web.Response(body=b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
        if request.path not in PAGES:
            return web.Response(status=404, text="not found")
        if request.path in ("/ru/", "/kk/zhanalyqtar"):
            await asyncio.sleep(1.0)  # answered after the phone's look at the home page: read under its verdict
        lang, title, body = PAGES[request.path]
        return web.Response(
            text=f'<!doctype html><html lang="{lang}"><head><title>{title}</title>'
            f'<meta name="viewport" content="width=device-width"></head><body>{body}</body></html>',
            content_type="text/html",
            charset="utf-8",
        )

    served = serve(page)
    try:
        harvest = crawl_body(
            tmp_path, served, SITE, {"id": "auyl", "kind": "mio", "names": {"kk": "Ауыл", "ru": "Аул"}}
        )
    finally:
        served.stop()
    desktop = {url for (url,) in harvest.rows("SELECT url FROM page WHERE source = 'site'")}
    # the pages two clicks from the language homes are read by the desktop crawl, as the site's own
    assert {f"{SITE}/kk/zhanalyqtar/qys", f"{SITE}/ru/dokumenty"} <= desktop
