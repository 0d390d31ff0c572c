# ruff: noqa: E501  (markup: a page template is easier to read on one line)
"""The server of nadzor.geology.gov.kz (content and truth in :mod:`ashyq_replica.outside.nadzor`)."""

from __future__ import annotations

from datetime import date
from html import escape

from aiohttp import web

from ashyq_replica.outside import serve
from ashyq_replica.outside.compose import Look, body, long_regulation
from ashyq_replica.outside.context import Ctx
from ashyq_replica.outside.model import Page
from ashyq_replica.outside.nadzor import CODE, FOOTER, MENU, PAGES, context, url
from ashyq_replica.outside.text_services import news_items

LANG_OF = {v: k for k, v in CODE.items()}


def _resolve(token: str, lang: str) -> str:
    if token == "feedback":
        return url("feedback", lang)
    if token == "news/archive":
        return url("news", lang)
    if token.startswith("news/"):
        return url(f"news/{token.removeprefix('news/')}", lang)
    return "#"


LOOK = Look(heading_tag="h3", section_class="card", resolve=_resolve, external_attrs='target="_blank"')

CSS = """
*{box-sizing:border-box} body{margin:0;font:16px/1.5 "Open Sans",Arial,sans-serif;color:#333}
.container{max-width:1140px;margin:0 auto;padding:0 15px}
.topbar{display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:10px 0}
.navbar{background:#5bc0de} .navbar ul{display:flex;flex-wrap:wrap;list-style:none;margin:0;padding:0}
.navbar a{display:block;padding:10px 12px;color:#fff;text-decoration:none}
.carousel{position:relative;height:220px;overflow:hidden;margin:12px 0} .carousel .item{display:none} .carousel .item.active{display:block}
.carousel img{width:100%;height:auto}
.row{display:flex;flex-wrap:wrap;gap:20px} .col{flex:1 1 300px;min-width:0}
.card{border:1px solid #ddd;border-radius:4px;padding:10px 14px;margin:10px 0}
table.data{border-collapse:collapse;width:100%} table.data td,table.data th{border:1px solid #ddd;padding:4px}
@media (max-width:600px){.navbar ul{flex-direction:column}}
img{max-width:100%;height:auto}
.invalid{border:2px solid #d9534f}
footer{background:#f5f5f5;padding:15px 0;margin-top:20px;font-size:14px}
.to-top{position:fixed;right:12px;bottom:12px}
"""

CAROUSEL_JS = """
(function(){var items=document.querySelectorAll('.carousel .item');if(!items.length)return;var i=0;
setInterval(function(){items[i].classList.remove('active');i=(i+1)%items.length;items[i].classList.add('active');},5000);})();
"""


def _page(key: str) -> Page | None:
    return next((p for p in PAGES if p.key == key), None)


def layout(ctx: Ctx, lang: str, key: str, title: str, content: str, query: str = "") -> str:
    other = "ru" if lang == "kk" else "kk"
    nav = "".join(f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in PAGES if p.key in MENU)
    official = "Ресми интернет-ресурс" if lang == "kk" else "Официальный интернет-ресурс"
    search = "Іздеу" if lang == "kk" else "Поиск"
    counter = "Бүгін: 37 · Барлығы: 51 204" if lang == "kk" else "Сегодня: 37 · Всего: 51 204"
    footer_links = " · ".join(
        f'<a href="{url(p.key, lang)}">{escape(p.title[lang])}</a>' for p in PAGES if p.key in FOOTER
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f'<div class="container topbar"><a href="{url("", lang)}"><img src="/img/emblem-small.png" width="64" height="64" '
        f'alt="{"Мемлекеттік Елтаңба" if lang == "kk" else "Государственный Герб Республики Казахстан"}"></a>'
        f"<div><small>{official}</small><br><strong>{escape(ctx.names[lang])}</strong></div>"
        f'<form action="{url("search", lang)}"><input type="text" name="q" maxlength="15" value="{escape(query)}" aria-label="{search}">'
        f"<button>{search}</button></form>"
        f'<a href="{url(key, other)}">{"Русский" if lang == "kk" else "Қазақша"}</a></div>'
        f'<nav class="navbar"><div class="container"><ul><li><a href="{url("", lang)}">{"Басты бет" if lang == "kk" else "Главная"}</a></li>{nav}</ul></div></nav>'
        f'<div class="container"><h1>{escape(title)}</h1>{content}</div>'
        f'<footer><div class="container">{footer_links}<br>{escape(ctx.address[lang])} · {ctx.phone} · {ctx.email}<br>{counter}</div></footer>'
        f'<a class="to-top" href="#">{"Жоғары" if lang == "kk" else "Наверх"}</a>'
        f"<script>{CAROUSEL_JS}</script></body></html>"
    )


def _scans(lang: str) -> str:
    rows = []
    for number in (45, 38, 31):
        title = f"{'Бұйрық' if lang == 'kk' else 'Приказ'} № {number} ({'скан' if lang == 'kk' else 'скан-копия'})"
        rows.append(f'<li><a href="/files/order-{number}-scan.png">{title}</a> (PNG, 1,2 МБ)</li>')
    return f"<ul>{''.join(rows)}</ul>"


def _feedback(lang: str, values: dict[str, str], errors: set[str]) -> str:
    labels = {"name": ("Аты-жөні", "Ф.И.О."), "phone": ("Телефон", "Телефон"), "text": ("Хабарлама", "Сообщение")}
    out = []
    for name, (kk, ru) in labels.items():
        cls = ' class="invalid"' if name in errors else ""
        value = escape(values.get(name, ""))
        control = (
            f'<textarea id="f-{name}" name="{name}" rows="4"{cls}>{value}</textarea>'
            if name == "text"
            else f'<input id="f-{name}" name="{name}" value="{value}"{cls}>'
        )
        out.append(f'<p><label for="f-{name}">{kk if lang == "kk" else ru}</label><br>{control}</p>')
    return f'<form method="post" action="{url("feedback", lang)}">{"".join(out)}<button>{"Жіберу" if lang == "kk" else "Отправить"}</button></form>'


def create_app(as_of: date) -> web.Application:
    ctx = context(as_of)

    async def root(request: web.Request) -> web.Response:
        raise web.HTTPFound("/ru/")

    async def handler(request: web.Request) -> web.Response:
        lang = LANG_OF.get(request.match_info["code"])
        if lang is None:
            raise web.HTTPNotFound()
        key = request.match_info.get("rest", "").strip("/")
        if key == "search":
            q = request.query.get("q", "")[:15]
            return serve.page(
                layout(ctx, lang, key, "Іздеу" if lang == "kk" else "Поиск", _search(ctx, lang, q), query=q)
            )
        if key == "feedback":
            title = "Кері байланыс" if lang == "kk" else "Обратная связь"
            if request.method == "POST":
                form = await request.post()
                values = {k: str(form.get(k, "")).strip() for k in ("name", "phone", "text")}
                errors = {k for k, v in values.items() if not v}
                if errors:
                    return serve.page(layout(ctx, lang, key, title, _feedback(lang, values, errors)))
                return serve.page(layout(ctx, lang, key, title, f"<p>{'Рахмет!' if lang == 'kk' else 'Спасибо!'}</p>"))
            return serve.page(layout(ctx, lang, key, title, _feedback(lang, {}, set())))
        if key == "news" or key.startswith("news/"):
            return _news(lang, key)
        page = _page(key)
        if page is None:
            raise web.HTTPNotFound()
        content = body(page, ctx, lang, LOOK)
        if key == "":
            slides = "".join(
                f'<div class="item{" active" if n == 0 else ""}"><img src="/img/photo.png" width="1140" height="220" alt="{escape(alt)}"></div>'
                for n, alt in enumerate(
                    ("Комитет төрағасы кен орнында", "Әріптестермен кездесу", "Қоғамдық тыңдау")
                    if lang == "kk"
                    else ("Председатель Комитета на месторождении", "Встреча с коллегами", "Общественные слушания")
                )
            )
            content = f'<div class="carousel">{slides}</div><div class="row"><div class="col">{content}</div></div>'
        elif key == "regulation":
            content += long_regulation(ctx, lang, anchors=False)
        elif key == "acts" and lang not in page.placeholder:
            content += _scans(lang)
        return serve.page(layout(ctx, lang, key, page.title[lang] if key else ctx.names[lang], content))

    def _news(lang: str, key: str) -> web.Response:
        items = news_items(ctx, lang, lang == "kk", 12)
        if key == "news":
            rows = "".join(
                f'<li>{d} — <a href="{url(f"news/{n}", lang)}">{escape(t)}</a></li>'
                for n, (d, t, _) in enumerate(items, 1)
            )
            return serve.page(layout(ctx, lang, key, "Жаңалықтар" if lang == "kk" else "Новости", f"<ul>{rows}</ul>"))
        try:
            d, t, lead = items[int(key.removeprefix("news/")) - 1]
        except (ValueError, IndexError):
            raise web.HTTPNotFound() from None
        return serve.page(layout(ctx, lang, key, t, f"<p>{d}</p><p>{escape(lead)}</p>"))

    app = web.Application()
    app.add_routes(
        [
            web.get("/", root),
            serve.robots("User-agent: *\nDisallow: /bitrix/\n"),
            *serve.common_routes(),
            web.route("*", "/{code}/{rest:.*}", handler),
        ]
    )
    return app


def _search(ctx: Ctx, lang: str, query: str) -> str:
    needle = query.strip().lower()
    if not needle:
        return ""
    found = [
        p for p in PAGES if p.key and (needle in body(p, ctx, lang, LOOK).lower() or needle in p.title[lang].lower())
    ]
    rows = "".join(f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in found)
    return f"<ol>{rows}</ol>" if rows else f"<p>{'Ештеңе табылмады' if lang == 'kk' else 'Ничего не найдено'}</p>"
