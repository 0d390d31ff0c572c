"""www.gov.kz replica: the single-page-app shell, its JS bundle, the JSON APIs, files, sitemap and RSS.

Every ``/memleket/entities/<slug>[/...]`` URL answers the same small HTML shell: content only
appears once the bundle has called the API, so a crawler needs a real browser or the API, as on the
live site. The bundle's name carries a hash of its bytes (``/static/js/main.<hash>.js``).

URL choices that are guesses (portals.md has no evidence for them) are marked [GUESS] where built:
RSS at ``/memleket/entities/<slug>/press/news/rss?lang=..``, the site-map page at ``.../sitemap``,
contacts at ``.../contacts``, search at ``.../search?query=``, sections at ``.../activities/<slug>``.
"""

from __future__ import annotations

import hashlib
from email.utils import format_datetime
from functools import cache, lru_cache
from importlib import resources
from xml.sax.saxutils import escape

from aiohttp import web

from ashyq_replica.core import GOVKZ_HOST, World
from ashyq_replica.govkz import api, graphql
from ashyq_replica.govkz.content import govkz_bodies, site_content
from ashyq_replica.govkz.files import make_png
from ashyq_replica.govkz.model import Upload

REAL_BASE = f"https://{GOVKZ_HOST}"


@lru_cache(maxsize=4)
def static_asset(name: str) -> tuple[bytes, str]:
    """The bytes of a bundled asset and the short content hash used in its public name."""
    data = resources.files("ashyq_replica").joinpath("static", "govkz", name).read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:8]


@lru_cache(maxsize=1)
def emblem_png() -> bytes:
    # The platform template shows the State Emblem at 80×80, within the 100×100 limit (A14-2.10).
    return make_png(80, 80, (0, 83, 155), (236, 190, 40))


def shell_html() -> bytes:
    """The empty shell, as the live site sends it (about 800 bytes, no content)."""
    _, js_hash = static_asset("main.js")
    _, css_hash = static_asset("main.css")
    return (
        '<!doctype html><html lang="kk"><head><meta charset="utf-8"/>'
        '<meta name="viewport" content="width=device-width,initial-scale=1"/>'
        '<meta name="theme-color" content="#00539b"/>'
        '<meta property="og:title" content=""/><meta property="og:description" content=""/>'
        '<link rel="icon" href="/static/media/emblem.png"/><title>gov.kz</title>'
        f'<link href="/static/css/main.{css_hash}.css" rel="stylesheet"></head><body>'
        "<noscript>You need to enable JavaScript to run this app.</noscript>"
        f'<div id="root"></div><script src="/static/js/main.{js_hash}.js"></script></body></html>'
    ).encode()


def sitemap_xml(world: World) -> bytes:
    """Every public URL of every gov.kz body, with no ``<lastmod>`` (as reported for the live sitemap)."""
    urls: list[str] = []
    for body in govkz_bodies(world):
        site = site_content(world, body)
        base = f"{REAL_BASE}/memleket/entities/{site.slug}"
        for lang in site.langs:
            paths = [""] + [p.internal_link for p in site.pages if lang in p.title and p.is_menu_item]
            news = [n for n in site.news if lang in n.title]
            paths += [f"/press/news/{k}" for k in range(1, -(-len(news) // 10) + 1)]
            paths += [f"/press/news/details/{n.id}" for n in news]
            paths += [f"/documents/details/{d.id}" for d in site.documents if lang in d.title]
            urls.extend(f"{base}{path}?lang={lang}" for path in dict.fromkeys(paths))
    entries = "".join(f"<url><loc>{escape(url)}</loc></url>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</urlset>"
    ).encode()


def rss_xml(world: World, slug: str, lang: str) -> bytes | None:
    found = world.by_slug(slug)
    if found is None or found.site != "govkz":
        return None
    site = site_content(world, found)
    if not site.options["rss"] or lang not in site.langs:
        return None
    base = f"{REAL_BASE}/memleket/entities/{slug}"
    items = "".join(
        f"<item><title>{escape(n.title[lang])}</title><link>{base}/press/news/details/{n.id}?lang={lang}</link>"
        f"<guid>{base}/press/news/details/{n.id}</guid><pubDate>{format_datetime(n.created)}</pubDate></item>"
        for n in [n for n in site.news if lang in n.title][:20]
    )
    name = {"kk": found.names.kk, "ru": found.names.ru, "en": found.names.en or found.names.ru}[lang]
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(name)}</title>'
        f"<link>{base}?lang={lang}</link><description>{escape(name)}</description><language>{lang}</language>"
        f"{items}</channel></rss>"
    ).encode()


ROBOTS = b"User-agent: *\nDisallow: /admin/\nDisallow: /api/v2/\nAllow: /\n\nSitemap: https://www.gov.kz/sitemap.xml\n"


def create_app(world: World) -> web.Application:
    app = web.Application()
    shell = shell_html()
    js, js_hash = static_asset("main.js")
    css, css_hash = static_asset("main.css")

    # the site map and the index of uploads hold every body's content: each is built on the first
    # request that needs it, not when the app is made (a world of 3,000 bodies took minutes to start)
    @cache
    def sitemap() -> bytes:
        return sitemap_xml(world)

    @cache
    def uploads() -> dict[str, Upload]:
        return {path: up for body in govkz_bodies(world) for path, up in site_content(world, body).uploads.items()}

    async def entity(request: web.Request) -> web.Response:
        if request.match_info["tail"].rstrip("/") == "/press/news/rss":  # [GUESS] the live RSS path is unknown
            feed = rss_xml(world, request.match_info["slug"], api.request_lang(request))
            if feed is not None:
                return web.Response(body=feed, content_type="application/rss+xml", charset="utf-8")
        return web.Response(body=shell, content_type="text/html", charset="utf-8")

    async def script(request: web.Request) -> web.Response:
        if request.match_info["hash"] != js_hash:
            raise web.HTTPNotFound()
        return web.Response(
            body=js,
            content_type="application/javascript",
            charset="utf-8",
            headers={"Cache-Control": "public, max-age=31536000, immutable"},
        )

    async def stylesheet(request: web.Request) -> web.Response:
        if request.match_info["hash"] != css_hash:
            raise web.HTTPNotFound()
        return web.Response(body=css, content_type="text/css", charset="utf-8")

    async def emblem(request: web.Request) -> web.Response:
        return web.Response(body=emblem_png(), content_type="image/png")

    async def upload(request: web.Request) -> web.Response:
        found = uploads().get(request.path)
        if found is None:
            raise web.HTTPNotFound()
        name = request.path.rsplit("/", 1)[-1]
        return web.Response(
            body=found.data,
            content_type=found.content_type,
            headers={"Content-Disposition": f'inline; filename="{name}"'},
        )

    async def sitemap_handler(request: web.Request) -> web.Response:
        return web.Response(body=sitemap(), content_type="application/xml", charset="utf-8")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(body=ROBOTS, content_type="text/plain", charset="utf-8")

    async def portal_home(request: web.Request) -> web.Response:
        return web.Response(body=shell, content_type="text/html", charset="utf-8")

    app.add_routes(
        [
            web.get("/", portal_home),
            web.get("/memleket/entities", portal_home),  # [GUESS] the directory of entities
            web.get("/memleket/entities/", portal_home),
            web.get("/memleket/entities/{slug}{tail:(/.*)?}", entity),
            web.get("/static/js/main.{hash}.js", script),
            web.get("/static/css/main.{hash}.css", stylesheet),
            web.get("/static/media/emblem.png", emblem),
            web.get("/uploads/{path:.+}", upload),
            web.get("/sitemap.xml", sitemap_handler),
            web.get("/robots.txt", robots),
            *api.routes(world),
            *graphql.routes(world),
        ]
    )
    return app
