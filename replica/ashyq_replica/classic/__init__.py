"""Classic server-rendered websites of the bodies not on gov.kz (``site == "classic"``).

Three sites, three habits, as in reality:

* ``www.kostanay.gov.kz`` (MIO): language in the path (``/ru/``, ``/kk/``), a splash page at ``/``,
  a 240 px emblem, low-contrast menu, no skip link, a page five clicks deep; phones are redirected
  to ``m.kostanay.gov.kz``, whose pages have no link back to the full version.
* ``iac.enbek.kz`` (subordinate): language in the query (``?lang=ru``), responsive, skip link,
  breadcrumbs, search, RSS at ``/rss.xml?lang=..``.
* ``zqai.kz`` (subordinate): ``/kz/`` and ``/ru/``, fixed 1000 px layout with zoom disabled, no
  breadcrumbs, no search, no Art. 16 information, a dead link in its site map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from functools import lru_cache
from xml.sax.saxutils import escape

from aiohttp import web

from ashyq_replica import faults
from ashyq_replica.classic.content import BUILDERS, ClassicPage, ClassicSite
from ashyq_replica.core import World, WorldBody, template_of
from ashyq_replica.govkz.files import CONTENT_TYPES, make_png
from ashyq_replica.site_defects import seeded

MOBILE_UA = re.compile(r"Mobile|Android|iPhone|iPad", re.I)


@dataclass(frozen=True)
class Look:
    """How one site renders: the switches are the seeded defects of that site."""

    host: str
    lang_in_path: dict[str, str] | None  # lang -> path prefix, or None for ?lang=
    default_lang: str
    skip_link: bool
    breadcrumbs: bool
    search: bool
    emblem_px: int
    low_contrast: bool
    viewport: str
    counter: bool
    rss: bool
    mobile_host: str | None = None


def look_for(body: WorldBody) -> Look:
    host = body.classic_host or body.id
    if template_of(body.id) == "kostanay":
        return Look(
            host,
            {"kk": "kk", "ru": "ru"},
            "ru",
            not seeded(body.id, "no_skip_link"),
            True,
            True,
            240 if seeded(body.id, "emblem_too_big") else 90,
            seeded(body.id, "low_contrast"),
            "width=device-width, initial-scale=1",
            True,
            False,
            mobile_host="m.kostanay.gov.kz",
        )
    if template_of(body.id) == "zqai":
        return Look(
            host,
            {"kk": "kz", "ru": "ru"},
            "ru",
            not seeded(body.id, "no_skip_link"),
            not seeded(body.id, "no_breadcrumbs"),
            not seeded(body.id, "no_search"),
            0,
            False,
            ("width=1000" if seeded(body.id, "no_mobile") else "width=device-width")
            + (", maximum-scale=1, user-scalable=no" if seeded(body.id, "zoom_blocked") else ""),
            True,
            False,
        )
    return Look(
        host,
        None,
        "ru",
        True,
        True,
        True,
        0,
        False,
        "width=device-width, initial-scale=1",
        not seeded(body.id, "no_counter"),
        not seeded(body.id, "no_rss"),
    )


class Renderer:
    def __init__(self, world: World, site: ClassicSite, look: Look, mobile: bool = False) -> None:
        self.world, self.site, self.look, self.mobile = world, site, look, mobile

    def url(self, lang: str, route: str) -> str:
        if self.look.lang_in_path:
            return f"/{self.look.lang_in_path[lang]}{route or '/'}"
        return f"{route or '/'}?lang={lang}"

    def resolve(self, html: str, lang: str) -> str:
        return re.sub(r"\{url:([^}]*)\}", lambda m: self.url(lang, m.group(1)), html)

    def css(self) -> str:
        muted = "#a0a0a0" if self.look.low_contrast else "#333333"
        if self.look.viewport.startswith("width=1000"):
            return f"body{{width:1000px;margin:0 auto;font:13px Tahoma,sans-serif}} nav a{{color:{muted}}}"
        return (
            "body{margin:0;font-family:sans-serif;font-size:1rem} main{padding:1rem;max-width:60rem}"
            f" nav.menu a,footer{{color:{muted}}}"
            " @media (max-width:640px){nav.menu ul{display:block}}"
            " .skip{position:absolute;left:-999px} .skip:focus{left:0}"
        )

    def page(self, page: ClassicPage, query: str = "") -> str:
        lang, look, site = page.lang, self.look, self.site
        other = "ru" if lang == "kk" else "kk"
        switch_route = page.route if (other, page.route) in site.pages else ""
        menu = "".join(f'<li><a href="{self.url(lang, r)}">{escape(t)}</a></li>' for r, t in site.menu[lang])
        home = "Басты бет" if lang == "kk" else "Главная"
        crumbs = ""
        if look.breadcrumbs and page.route and not self.mobile:
            trail = [(self.url(lang, ""), home), *[(self.url(lang, r), t) for r, t in page.parents]]
            crumbs = (
                '<nav class="breadcrumbs" aria-label="breadcrumb">'
                + " › ".join(f'<a href="{h}">{escape(t)}</a>' for h, t in trail)
                + f" › <span>{escape(page.title)}</span></nav>"
            )
        emblem = ""
        if look.emblem_px:
            alt = (
                "Қазақстан Республикасының Мемлекеттік Елтаңбасы"
                if lang == "kk"
                else "Государственный Герб Республики Казахстан"
            )
            size = look.emblem_px
            emblem = f'<img class="emblem" src="/images/emblem.png" width="{size}" height="{size}" alt="{alt}">'
        else:
            name = site.body.names.ru if lang == "ru" else site.body.names.kk
            emblem = f'<img class="logo" src="/images/logo.png" width="120" height="40" alt="{escape(name)}">'
        official = (
            ("Ресми интернет-ресурс" if lang == "kk" else "Официальный интернет-ресурс")
            if site.body.kind == "mio"
            else ""
        )
        search = ""
        if look.search and not self.mobile:
            hidden = "" if look.lang_in_path else f'<input type="hidden" name="lang" value="{lang}">'
            search = (
                f'<form class="search" role="search" action="{self.url(lang, "/search").split("?")[0]}">{hidden}'
                f'<input type="search" name="q" maxlength="100" value="{escape(query)}" aria-label="search">'
                f"<button>{'Іздеу' if lang == 'kk' else 'Поиск'}</button></form>"
            )
        skip = (
            f'<a class="skip" href="#content">{"Мазмұнға өту" if lang == "kk" else "Перейти к содержанию"}</a>'
            if look.skip_link
            else ""
        )
        rss = f' · <a href="/rss.xml?lang={lang}">RSS</a>' if look.rss else ""
        counter = (
            f'<div class="counter">{"Келушілер" if lang == "kk" else "Посетителей"}: {1000 + len(site.pages) * 7}</div>'
            if look.counter
            else ""
        )
        full_version = ""
        if self.mobile and not seeded(site.body.id, "mobile_no_full_link"):
            full_version = f' <a class="full-version" href="https://{look.host}{self.url(lang, page.route)}">Full</a>'
        fault_links = ""
        if self.world.faults == "flaky" and site.body.id == "kostanay" and not self.mobile:
            fault_links = (
                '<ul class="archive">'
                + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in faults.FAULT_LINKS)
                + "</ul>"
            )
        sitemap = (
            f' · <a href="{self.url(lang, "/sitemap")}">{"Сайт картасы" if lang == "kk" else "Карта сайта"}</a>'
            if not self.mobile
            else ""
        )
        rss_link = f'<link rel="alternate" type="application/rss+xml" href="/rss.xml?lang={lang}">' if look.rss else ""
        return (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="{look.viewport}">'
            f"<title>{escape(page.title)}</title><style>{self.css()}</style>{rss_link}</head><body>{skip}"
            f'<header>{emblem}<span class="official">{official}</span> '
            f'<a class="site-name" href="{self.url(lang, "")}">'
            f"{escape(site.body.names.kk if lang == 'kk' else site.body.names.ru)}</a>"
            f' <a class="lang" hreflang="{other}" href="{self.url(other, switch_route)}">{other.upper()}</a>'
            f"{search}</header>"
            f'<nav class="menu"><ul><li><a href="{self.url(lang, "")}">{home}</a></li>{menu}</ul></nav>{crumbs}'
            f'<main id="content"><h1>{escape(page.title)}</h1>{self.resolve(page.body, lang)}</main>'
            f"<footer>{counter}{full_version}© {escape(site.body.names.ru)}{sitemap}{rss}{fault_links}</footer>"
            "</body></html>"
        )


def _home(site: ClassicSite, lang: str) -> ClassicPage:
    items = [(r, p.title) for (lg, r), p in site.pages.items() if lg == lang and p.kind == "news"][:5]
    news = "".join(f'<li><a href="{{url:{r}}}">{escape(t)}</a></li>' for r, t in items)
    return ClassicPage(
        "", lang, "Басты бет" if lang == "kk" else "Главная", f'<ul class="latest">{news}</ul>', (), "home"
    )


def _sitemap_page(site: ClassicSite, lang: str) -> ClassicPage:
    links = [f'<li><a href="{{url:{r}}}">{escape(t)}</a></li>' for r, t in site.menu[lang]]
    if seeded(site.body.id, "sitemap_dead_link"):
        links.append(
            f'<li><a href="{{url:/projects/archive}}">{"Мұрағат" if lang == "kk" else "Архив проектов"}</a></li>'
        )
    return ClassicPage(
        "/sitemap",
        lang,
        "Сайт картасы" if lang == "kk" else "Карта сайта",
        f'<ul class="sitemap">{"".join(links)}</ul>',
    )


@lru_cache(maxsize=16)
def _image(kind: str, px: int) -> bytes:
    colours = {
        "emblem": ((0, 83, 155), (236, 190, 40)),
        "logo": ((255, 255, 255), (0, 120, 80)),
        "news": ((90, 120, 160), (200, 200, 200)),
    }
    base, ring = colours[kind]
    return make_png(px, px if kind == "emblem" else max(px // 3, 8), base, ring)


def build_site(world: World, body: WorldBody) -> ClassicSite:
    site = BUILDERS[template_of(body.id)](world, body)
    for lang in ("kk", "ru"):
        site.add(_home(site, lang))
        site.add(_sitemap_page(site, lang))
    return site


def public_urls(world: World, body: WorldBody) -> list[str]:
    """Every page URL of the site (absolute, real host), as its sitemap.xml lists them."""
    site, look = build_site(world, body), look_for(body)
    renderer = Renderer(world, site, look)
    urls = [f"https://{look.host}{renderer.url(lang, route)}" for (lang, route) in site.pages]
    if seeded(body.id, "sitemap_dead_link"):
        urls.append(f"https://{look.host}{renderer.url('ru', '/projects/archive')}")
    return urls


def create_site_app(world: World, body: WorldBody, mobile: bool = False) -> web.Application:
    site, look = build_site(world, body), look_for(body)
    renderer = Renderer(world, site, look, mobile)
    by_prefix = {prefix: lang for lang, prefix in (look.lang_in_path or {}).items()}
    app = web.Application()
    sitemap_xml = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(
            f"<url><loc>{escape(u)}</loc>"
            + (f"<lastmod>{world.as_of.isoformat()}</lastmod>" if body.id != "zqai" else "")
            + "</url>"
            for u in public_urls(world, body)
        )
        + "</urlset>"
    )

    def locate(request: web.Request) -> tuple[str, str] | None:
        path = request.path
        if look.lang_in_path:
            head, _, rest = path.lstrip("/").partition("/")
            if head not in by_prefix:
                return None
            return by_prefix[head], ("/" + rest).rstrip("/") if rest else ""
        lang = request.query.get("lang", look.default_lang)
        return (lang if lang in ("kk", "ru") else look.default_lang), path.rstrip("/")

    async def page(request: web.Request) -> web.Response:
        if look.mobile_host and not mobile and MOBILE_UA.search(request.headers.get("User-Agent", "")):
            raise web.HTTPFound(f"https://{look.mobile_host}/{(look.lang_in_path or {}).get('ru', 'ru')}/")
        if request.path == "/" and look.lang_in_path:
            if seeded(body.id, "splash_page") and not mobile:
                return web.Response(text=_splash(body), content_type="text/html", charset="utf-8")
            raise web.HTTPFound(f"/{look.lang_in_path[look.default_lang]}/")
        found = locate(request)
        if found is None:
            raise web.HTTPNotFound(text="<h1>404</h1>", content_type="text/html")
        lang, route = found
        query = request.query.get("q", "")
        if route == "/search" and look.search:
            hits = [
                p
                for (lg, _), p in site.pages.items()
                if lg == lang and query and query.lower() in (p.title + p.body).lower()
            ]
            body_html = "".join(f'<li><a href="{{url:{p.route}}}">{escape(p.title)}</a></li>' for p in hits)
            target = ClassicPage(
                "/search",
                lang,
                "Іздеу нәтижелері" if lang == "kk" else "Результаты поиска",
                f'<p class="count">{len(hits)}</p><ul class="results">{body_html}</ul>',
            )
            return web.Response(text=renderer.page(target, query), content_type="text/html", charset="utf-8")
        found_page = site.pages.get((lang, route))
        if found_page is None:
            raise web.HTTPNotFound(text="<h1>404</h1>", content_type="text/html")
        return web.Response(text=renderer.page(found_page), content_type="text/html", charset="utf-8")

    async def image(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        kind = "emblem" if name == "emblem" else "logo" if name == "logo" else "news"
        size = {"emblem": look.emblem_px or 90, "logo": 120}.get(kind, 96)
        return web.Response(body=_image(kind, size), content_type="image/png")

    async def upload(request: web.Request) -> web.Response:
        found = site.files.get(request.path)
        if found is None:
            raise web.HTTPNotFound()
        return web.Response(body=found[1], content_type=CONTENT_TYPES[found[0]])

    async def sitemap(request: web.Request) -> web.Response:
        return web.Response(text=sitemap_xml, content_type="application/xml", charset="utf-8")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(
            text=f"User-agent: *\nDisallow: /admin/\nSitemap: https://{look.host}/sitemap.xml\n",
            content_type="text/plain",
        )

    async def rss(request: web.Request) -> web.Response:
        lang = request.query.get("lang", "ru") if request.query.get("lang") in ("kk", "ru") else "ru"
        items = "".join(
            f"<item><title>{escape(site.pages[key].title)}</title>"
            f"<link>https://{look.host}{renderer.url(lang, key[1])}</link>"
            f"<pubDate>{format_datetime(_as_datetime(day))}</pubDate></item>"
            for key, day in site.news_dates.items()
            if key[0] == lang
        )
        return web.Response(
            text='<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">'
            f"<channel><title>{escape(body.names.ru)}</title>"
            f"<link>https://{look.host}/</link><description>{escape(body.names.ru)}</description>{items}</channel></rss>",
            content_type="application/rss+xml",
            charset="utf-8",
        )

    if world.faults == "flaky" and body.id == "kostanay" and not mobile:
        faults.add_routes(app, world)
    routes = [
        web.get("/images/{name}.png", image),
        web.get("/upload/docs/{name}", upload),
        web.get("/robots.txt", robots),
    ]
    if not mobile:
        routes.append(web.get("/sitemap.xml", sitemap))
    if look.rss and not mobile:
        routes.append(web.get("/rss.xml", rss))
    app.add_routes([*routes, web.get("/{tail:.*}", page)])
    return app


def _as_datetime(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), timezone(timedelta(hours=5)))


def _splash(body: WorldBody) -> str:
    return (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Добро пожаловать</title></head>'
        '<body class="splash"><img src="/images/news/0.png" width="960" height="320" alt="">'
        f"<h1>{escape(body.names.ru)}</h1>"
        '<p><a href="/kk/">Қазақша</a> | <a href="/ru/">Русский</a></p></body></html>'
    )


def create_apps(world: World) -> dict[str, web.Application]:
    """Host name → application for every classic site (and the Kostanay mobile host)."""
    apps: dict[str, web.Application] = {}
    for body in world.bodies:
        if body.site != "classic" or not body.classic_host or template_of(body.id) not in BUILDERS:
            continue
        apps[body.classic_host] = create_site_app(world, body)
        look = look_for(body)
        if look.mobile_host:
            apps[look.mobile_host] = create_site_app(world, body, mobile=True)
    return apps
