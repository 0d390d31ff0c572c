# ruff: noqa: E501  (markup: a page template is easier to read on one line)
"""The servers of www.altynkol.gov.kz and m.altynkol.gov.kz (content and truth in
:mod:`ashyq_replica.outside.altynkol`)."""

from __future__ import annotations

import zlib
from datetime import date, timedelta
from html import escape

from aiohttp import web

from ashyq_replica.outside import serve
from ashyq_replica.outside.altynkol import HOST, MOBILE_HOST, MOBILE_PAGES, PAGES, SECTIONS, context, url
from ashyq_replica.outside.compose import Look, body, long_regulation
from ashyq_replica.outside.context import Ctx, dmy
from ashyq_replica.outside.model import Page
from ashyq_replica.outside.text_services import news_items

LANGS = ("kk", "ru")
NEW_TAB = {
    "kk": '<span class="sr-only"> (жаңа терезеде ашылады)</span> ↗',
    "ru": '<span class="sr-only"> (откроется в новом окне)</span> ↗',
}


def _resolve(token: str, lang: str) -> str:
    if token == "feedback":
        return f"/{lang}/feedback"
    if token == "news/archive":
        return f"/{lang}/press/news"
    if token.startswith("news/"):
        return f"/{lang}/news/{token.removeprefix('news/')}"
    return "#"


def _resolve_mobile(token: str, lang: str) -> str:
    if token == "feedback":
        return f"https://{HOST}/kk/feedback"
    if token == "news/archive":
        return "/zhanalyqtar"
    if token.startswith("news/"):
        return f"/zhanalyqtar/{token.removeprefix('news/')}"
    return "#"


LOOK = Look(
    heading_tag="h2", resolve=_resolve, external_attrs='target="_blank" rel="noopener"', external_notice=NEW_TAB
)
MOBILE_LOOK = Look(
    heading_tag="h2", resolve=_resolve_mobile, external_attrs='target="_blank" rel="noopener"', external_notice=NEW_TAB
)

CSS = """
body{margin:0;font:15px/1.5 "PT Sans",Arial,sans-serif;color:#1d2733;background:#eef1f4}
.container{width:1170px;margin:0 auto;background:#fff}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.skip{position:absolute;left:-9999px;top:0;background:#003e7e;color:#fff;padding:8px}
.skip:focus{left:8px}
header{display:flex;align-items:center;gap:16px;padding:12px 20px;background:#003e7e;color:#fff}
header a{color:#fff} header .official{font-size:13px}
nav.menu>ul{display:flex;margin:0;padding:0;list-style:none;background:#0b5394}
nav.menu>ul>li{position:relative} nav.menu a{display:block;padding:10px 14px;color:#fff;text-decoration:none}
nav.menu ul ul{display:none;position:absolute;left:0;top:100%;background:#0b5394;min-width:260px;padding:0;list-style:none;z-index:5}
nav.menu li:hover>ul{display:block}
.crumbs{padding:8px 20px;font-size:13px} .crumbs a{color:#0b5394}
.cols{display:flex} main{flex:1;padding:10px 20px} aside{width:300px;padding:10px}
a{color:#0b4a8a} a:focus{outline:3px solid #f5a623}
table.data{border-collapse:collapse} table.data td,table.data th{border:1px solid #c8d0d8;padding:4px 6px}
.meta{color:#4a5866;font-size:13px}
.slider{position:relative;border:1px solid #c8d0d8;padding:8px;margin-bottom:12px} .slide{display:none} .slide.on{display:block}
.opt{padding:4px 8px;border:1px solid #c8d0d8;margin:2px 0;cursor:pointer} .vote{background:#0b5394;color:#fff;padding:4px 10px;cursor:pointer}
.error{color:#b00020}
footer{padding:14px 20px;background:#1d2733;color:#fff;font-size:13px} footer a{color:#fff}
"""

SLIDER_JS = """
(function(){var s=document.querySelector('.slider');if(!s)return;var slides=s.querySelectorAll('.slide'),i=0,paused=false,inside=false;
var b=s.querySelector('.slider-pause');b.addEventListener('click',function(){paused=!paused;b.setAttribute('aria-pressed',String(paused));
b.textContent=paused?b.dataset.play:b.dataset.pause;});
s.addEventListener('focusin',function(){inside=true});s.addEventListener('focusout',function(){inside=false});
s.addEventListener('mouseenter',function(){inside=true});s.addEventListener('mouseleave',function(){inside=false});
setInterval(function(){if(paused||inside)return;slides[i].classList.remove('on');i=(i+1)%slides.length;slides[i].classList.add('on');},3000);})();
function choose(el){document.querySelectorAll('.opt').forEach(function(o){o.style.background=''});el.style.background='#dbe8f5';}
function vote(){document.querySelector('.poll').insertAdjacentHTML('beforeend','<p>Рахмет! / Спасибо!</p>');}
"""


def _page(key: str) -> Page | None:
    return next((p for p in PAGES if p.key == key), None)


def _stamp(ctx: Ctx, key: str) -> tuple[str, str]:
    seed = zlib.crc32(key.encode())
    posted = ctx.as_of - timedelta(days=40 + seed % 200)
    changed = ctx.as_of - timedelta(days=1 + seed % 30)
    return f"{dmy(posted)} 10:{seed % 60:02d}", f"{dmy(changed)} 16:{seed % 50:02d}"


def layout(ctx: Ctx, lang: str, key: str, title: str, content: str, query: str = "") -> str:
    other = "ru" if lang == "kk" else "kk"
    switch_key = key if key.split("?")[0] in {p.key for p in PAGES} or key in ("search", "sitemap", "feedback") else ""
    nav = []
    for slug, name in SECTIONS.items():
        children = "".join(
            f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in PAGES if p.parent == slug
        )
        nav.append(f'<li><a href="/{lang}/{slug}">{escape(name[lang])}</a><ul>{children}</ul></li>')
    crumbs = ""
    page = _page(key)
    if key:
        trail = [f'<a href="/{lang}/">{"Басты бет" if lang == "kk" else "Главная"}</a>']
        if page is not None and page.parent:
            trail.append(f'<a href="/{lang}/{page.parent}">{escape(SECTIONS[page.parent][lang])}</a>')
        crumbs = f'<nav class="crumbs" aria-label="breadcrumb">{" / ".join(trail)} / <span>{escape(title)}</span></nav>'
    banners = "".join(
        f'<a href="{href}" target="_blank" rel="noopener"><img src="/img/banner-{name}.png" width="260" height="70"></a>'
        for name, href in (
            ("egov", "https://egov.kz/"),
            ("akorda", "https://www.akorda.kz/"),
            ("open", "https://open.egov.kz/"),
        )
    )
    t = {
        "skip": ("Негізгі мазмұнға өту", "Перейти к основному содержанию"),
        "official": (
            "Алтынкөл облысы әкімдігінің ресми интернет-ресурсы",
            "Официальный интернет-ресурс акимата Алтынкольской области",
        ),
        "search": ("Іздеу", "Поиск"),
        "sitemap": ("Сайт картасы", "Карта сайта"),
        "mobile": ("Мобильді нұсқа", "Мобильная версия"),
        "archive": ("Мұрағат: 2019 жыл", "Архив: 2019 год"),
        "up": ("Жоғары", "Наверх"),
    }

    def tr(name: str) -> str:
        kk, ru = t[name]
        return kk if lang == "kk" else ru

    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=1200">'
        f"<title>{escape(title)} | {escape(ctx.names[lang])}</title><style>{CSS}</style></head><body>"
        f'<a class="skip" href="#main">{tr("skip")}</a><div class="container">'
        f'<header><a href="/{lang}/"><img src="/img/emblem.png" width="80" height="80" alt="{"Мемлекеттік Елтаңба" if lang == "kk" else "Государственный Герб"}"></a>'
        f'<div><div class="official">{tr("official")}</div><strong>{escape(ctx.names[lang])}</strong></div>'
        f'<form role="search" action="/{lang}/search"><label class="sr-only" for="q">{tr("search")}</label>'
        f'<input id="q" type="search" name="q" value="{escape(query)}"><button>{tr("search")}</button></form>'
        f'<a lang="{other}" href="{url(switch_key, other)}">{other.upper()}</a></header>'
        f'<nav class="menu" aria-label="menu"><ul>{"".join(nav)}</ul></nav>{crumbs}'
        f'<div class="cols"><main id="main" tabindex="-1"><h1>{escape(title)}</h1>{content}'
        f'<p><a href="#main">{tr("up")}</a></p></main>'
        f'<aside>{banners}<p><a href="/{lang}/archive/2019">{tr("archive")}</a></p></aside></div>'
        f"<footer>© {ctx.year} {escape(ctx.names[lang])}. {escape(ctx.address[lang])}. "
        f'<a href="/{lang}/sitemap">{tr("sitemap")}</a> · <a href="https://{MOBILE_HOST}/">{tr("mobile")}</a></footer>'
        f"</div><script>{SLIDER_JS}</script></body></html>"
    )


def _inner(ctx: Ctx, page: Page, lang: str) -> str:
    html = body(page, ctx, lang, LOOK)
    if page.key == "about/regulation":
        html += long_regulation(ctx, lang, anchors=True)
    posted, changed = _stamp(ctx, page.key)
    label = ("Жарияланды", "Өзгертілді") if lang == "kk" else ("Опубликовано", "Изменено")
    return f'<p class="meta">{label[0]}: {posted} | {label[1]}: {changed}</p>{html}'


def _home(ctx: Ctx, lang: str) -> str:
    page = _page("")
    assert page is not None
    slides = "".join(
        f'<div class="slide{" on" if n == 1 else ""}"><img src="/img/photo.png" width="320" height="200" alt="{escape(t)}">'
        f'<p><a href="/{lang}/news/{n}">{escape(t)}</a> <span class="meta">{d}</span></p></div>'
        for n, (d, t, _) in enumerate(news_items(ctx, lang, False, 3), 1)
    )
    pause, play = ("Тоқтату", "Жалғастыру") if lang == "kk" else ("Пауза", "Продолжить")
    slider = (
        f'<div class="slider" aria-roledescription="carousel" aria-label="{"Басты жаңалықтар" if lang == "kk" else "Главные новости"}">'
        f'<button type="button" class="slider-pause" aria-pressed="false" data-pause="{pause}" data-play="{play}">{pause}</button>'
        f"{slides}</div>"
    )
    question = (
        "Облыстағы мемлекеттік қызметтер сапасын қалай бағалайсыз?"
        if lang == "kk"
        else "Как вы оцениваете качество государственных услуг в области?"
    )
    options = ("Жақсы", "Қанағаттанарлық", "Нашар") if lang == "kk" else ("Хорошо", "Удовлетворительно", "Плохо")
    poll = (
        f'<div class="poll"><h2>{"Сауалнама" if lang == "kk" else "Опрос"}</h2><p>{question}</p>'
        + "".join(f'<div class="opt" onclick="choose(this)">{o}</div>' for o in options)
        + f'<span class="vote" onclick="vote()">{"Дауыс беру" if lang == "kk" else "Голосовать"}</span></div>'
    )
    return slider + body(page, ctx, lang, LOOK) + poll


def _feedback(lang: str, values: dict[str, str], errors: dict[str, str]) -> str:
    fields = {
        "name": ("Аты-жөніңіз", "Ваше имя"),
        "email": ("Электрондық пошта", "Электронная почта"),
        "text": ("Сұрағыңыз", "Ваш вопрос"),
    }
    out = []
    for name, (kk, ru) in fields.items():
        err = errors.get(name)
        described = f' aria-invalid="true" aria-describedby="{name}-error"' if err else ""
        value = escape(values.get(name, ""))
        control = (
            f'<textarea id="{name}" name="{name}" rows="5"{described}>{value}</textarea>'
            if name == "text"
            else f'<input id="{name}" name="{name}" value="{value}"{described}>'
        )
        message = f'<span class="error" id="{name}-error">{escape(err)}</span>' if err else ""
        out.append(f'<p><label for="{name}">{kk if lang == "kk" else ru}</label><br>{control} {message}</p>')
    send = "Жіберу" if lang == "kk" else "Отправить"
    return f'<form method="post" action="/{lang}/feedback" novalidate>{"".join(out)}<button type="submit">{send}</button></form>'


def _validate(lang: str, values: dict[str, str]) -> dict[str, str]:
    msg = {
        "name": ("Аты-жөніңізді енгізіңіз", "Укажите ваше имя"),
        "email": (
            "Электрондық пошта мекенжайын дұрыс енгізіңіз, мысалы: name@mail.kz",
            "Введите правильный адрес электронной почты, например: name@mail.kz",
        ),
        "text": ("Сұрақтың мәтінін жазыңыз", "Напишите текст вопроса"),
    }
    errors = {}
    for field, (kk, ru) in msg.items():
        value = values.get(field, "")
        if not value or (field == "email" and "@" not in value):
            errors[field] = kk if lang == "kk" else ru
    return errors


def create_app(as_of: date) -> web.Application:
    ctx = context(as_of)

    def to_mobile(request: web.Request) -> web.Response | None:
        if serve.is_phone(request) and request.cookies.get("site_version") != "full" and "full" not in request.query:
            raise web.HTTPFound(f"https://{MOBILE_HOST}/")
        return None

    async def root(request: web.Request) -> web.Response:
        to_mobile(request)
        raise web.HTTPFound("/kk/")

    async def page_handler(request: web.Request) -> web.Response:
        to_mobile(request)
        lang = request.match_info["lang"]
        if lang not in LANGS:
            raise web.HTTPNotFound()
        rest = request.match_info.get("rest", "").strip("/")
        response = _route(lang, rest, request)
        if "full" in request.query:
            response.set_cookie("site_version", "full")
        return response

    def _route(lang: str, rest: str, request: web.Request) -> web.Response:
        if rest == "":
            return serve.page(layout(ctx, lang, "", ctx.names[lang], _home(ctx, lang)))
        if rest == "search":
            q = request.query.get("q", "")
            return serve.page(
                layout(ctx, lang, "search", "Іздеу" if lang == "kk" else "Поиск", _search(ctx, lang, q), query=q)
            )
        if rest == "sitemap":
            return serve.page(
                layout(ctx, lang, "sitemap", "Сайт картасы" if lang == "kk" else "Карта сайта", _sitemap(lang))
            )
        if rest.startswith("news/"):
            return _news(lang, rest.removeprefix("news/"))
        if rest in SECTIONS:
            links = "".join(
                f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in PAGES if p.parent == rest
            )
            return serve.page(layout(ctx, lang, rest, SECTIONS[rest][lang], f"<ul>{links}</ul>"))
        page = _page(rest)
        if page is None:
            missing = "Бет табылмады" if lang == "kk" else "Страница не найдена"
            return serve.page(layout(ctx, lang, rest, missing, "<p>404</p>"), status=404)
        return serve.page(layout(ctx, lang, page.key, page.title[lang], _inner(ctx, page, lang)))

    def _news(lang: str, n: str) -> web.Response:
        items = news_items(ctx, lang, False, 24)
        try:
            d, t, lead = items[int(n) - 1]
        except (ValueError, IndexError):
            raise web.HTTPNotFound() from None
        posted = "Жарияланды" if lang == "kk" else "Опубликовано"
        return serve.page(
            layout(ctx, lang, f"news/{n}", t, f'<p class="meta">{posted}: {d} 09:30</p><p>{escape(lead)}</p>')
        )

    async def feedback(request: web.Request) -> web.Response:
        to_mobile(request)
        lang = request.match_info["lang"]
        title = "Сұрақ қою" if lang == "kk" else "Задать вопрос"
        if request.method == "POST":
            form = await request.post()
            values = {k: str(form.get(k, "")).strip() for k in ("name", "email", "text")}
            errors = _validate(lang, values)
            if not errors:
                done = (
                    "Сұрағыңыз қабылданды, жауап электрондық поштаңызға жіберіледі."
                    if lang == "kk"
                    else "Ваш вопрос принят, ответ придет на электронную почту."
                )
                return serve.page(layout(ctx, lang, "feedback", title, f"<p>{done}</p>"))
            summary = "Нысанда қателер бар:" if lang == "kk" else "В форме есть ошибки:"
            listing = "".join(f'<li><a href="#{k}">{escape(v)}</a></li>' for k, v in errors.items())
            html = f'<div role="alert"><p>{summary}</p><ul>{listing}</ul></div>' + _feedback(lang, values, errors)
            return serve.page(layout(ctx, lang, "feedback", title, html), status=200)
        return serve.page(layout(ctx, lang, "feedback", title, _feedback(lang, {}, {})))

    async def sitemap_xml(request: web.Request) -> web.Response:
        urls = [f"https://{HOST}{url(p.key, lang)}" for p in PAGES for lang in LANGS]
        body_xml = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
        text = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body_xml}</urlset>'
        return web.Response(text=text, content_type="application/xml")

    app = web.Application()
    app.add_routes(
        [
            web.get("/", root),
            serve.robots(f"User-agent: *\nDisallow: /admin/\nSitemap: https://{HOST}/sitemap.xml\n"),
            web.get("/sitemap.xml", sitemap_xml),
            *serve.common_routes(),
            web.route("*", "/{lang}/feedback", feedback),
            web.get("/{lang}/", page_handler),
            web.get("/{lang}", page_handler),
            web.get("/{lang}/{rest:.*}", page_handler),
        ]
    )
    return app


def _search(ctx: Ctx, lang: str, query: str) -> str:
    needle = query.strip().lower()
    if not needle:
        return "<p>—</p>"
    found = [p for p in PAGES if needle in body(p, ctx, lang, LOOK).lower() or needle in p.title[lang].lower()]
    head = f"«{escape(query)}»: {len(found)}"
    rows = "".join(
        f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang] or ctx.names[lang])}</a></li>' for p in found
    )
    return f"<p>{head}</p><ol>{rows}</ol>"


def _sitemap(lang: str) -> str:
    items = []
    for slug, name in SECTIONS.items():
        sub = "".join(
            f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in PAGES if p.parent == slug
        )
        items.append(f'<li><a href="/{lang}/{slug}">{escape(name[lang])}</a><ul>{sub}</ul></li>')
    return f"<ul>{''.join(items)}</ul>"


# ------------------------------------------------------------------------------ the mobile version
def create_mobile_app(as_of: date) -> web.Application:
    ctx = context(as_of)

    def mobile_layout(title: str, content: str) -> str:
        nav = "".join(f'<li><a href="/{p.key}">{escape(p.title["kk"])}</a></li>' for p in MOBILE_PAGES)
        return (
            '<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title>"
            "<style>body{margin:0;font:16px/1.45 Arial,sans-serif} header{background:#003e7e;color:#fff;padding:10px}"
            " header a{color:#fff} main{padding:10px} ul.nav{list-style:none;padding:0} ul.nav li{border-bottom:1px solid #ddd;padding:10px 4px}"
            " table{font-size:14px;border-collapse:collapse} td,th{border:1px solid #ccc;padding:3px}</style></head><body>"
            f'<header><img src="/img/emblem-small.png" width="40" height="40" alt="Мемлекеттік Елтаңба"> '
            f'<a href="/">{escape(ctx.names["kk"])}</a></header>'
            f"<main><h1>{escape(title)}</h1>{content}</main>"
            f'<footer><ul class="nav">{nav}</ul><p><a href="https://{HOST}/kk/?full=1">Толық нұсқа</a></p></footer>'
            "</body></html>"
        )

    async def home(request: web.Request) -> web.Response:
        nav = "".join(f'<li><a href="/{p.key}">{escape(p.title["kk"])}</a></li>' for p in MOBILE_PAGES)
        return serve.page(mobile_layout(ctx.names["kk"], f'<ul class="nav">{nav}</ul>'))

    async def page_handler(request: web.Request) -> web.Response:
        key = request.match_info["key"]
        page = next((p for p in MOBILE_PAGES if p.key == key), None)
        if page is None:
            return serve.page(mobile_layout("404", "<p>Бет табылмады</p>"), status=404)
        return serve.page(mobile_layout(page.title["kk"], body(page, ctx, "kk", MOBILE_LOOK)))

    async def news(request: web.Request) -> web.Response:
        items = news_items(ctx, "kk", False, 12)
        n = request.match_info["n"]
        try:
            d, t, lead = items[int(n) - 1]
        except (ValueError, IndexError):
            raise web.HTTPNotFound() from None
        return serve.page(mobile_layout(t, f"<p>{d}</p><p>{escape(lead)}</p>"))

    app = web.Application()
    app.add_routes(
        [
            web.get("/", home),
            serve.robots("User-agent: *\nDisallow:\n"),
            *serve.common_routes(),
            web.get("/zhanalyqtar/{n}", news),
            web.get("/{key}", page_handler),
        ]
    )
    return app
