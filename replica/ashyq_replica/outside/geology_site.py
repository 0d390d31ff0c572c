# ruff: noqa: E501  (markup: a page template is easier to read on one line)
"""The server of www.geology.gov.kz (its content and truth are in :mod:`ashyq_replica.outside.geology`)."""

from __future__ import annotations

import zlib
from datetime import date, timedelta
from html import escape

from aiohttp import web

from ashyq_replica.outside import serve
from ashyq_replica.outside.compose import body, long_regulation
from ashyq_replica.outside.context import Ctx, dmy
from ashyq_replica.outside.geology import CODE, LANG_OF, LOOK, MENU, MOBILE_PAGES, PAGES, SECTIONS, context, url
from ashyq_replica.outside.model import Page
from ashyq_replica.outside.text_services import news_items

CSS = """
body{margin:0;background:#e8e4d8;font:12px Tahoma,Verdana,sans-serif;color:#222}
table.main{background:#fff}
td.left{background:#f2f2f2;width:220px;vertical-align:top;padding:8px}
td.mi{color:#9a9a9a;padding:4px 6px;border-bottom:1px dotted #ccc;cursor:pointer}
td.mi.over{background:#dde}
td.content{vertical-align:top;padding:10px 14px;width:760px}
.date{color:#aaaaaa;font-size:11px}
p.zag{margin:14px 0 4px;color:#5a3e1b}
a{color:#1a4f8b} a:focus{outline:none}
table.data{border-collapse:collapse} table.data td,table.data th{border:1px solid #bbb;padding:3px 5px}
"""
SITEMAP = "99"


def _page(key: str) -> Page | None:
    return next((p for p in PAGES if p.key == key), None)


def _news(ctx: Ctx, lang: str, count: int = 6) -> list[tuple[str, str, str]]:
    return news_items(ctx, lang, lang == "kk", count)


def _posted(ctx: Ctx, key: str) -> date:
    return ctx.as_of - timedelta(days=20 + zlib.crc32(key.encode()) % 300)


def layout(ctx: Ctx, lang: str, title: str, content: str, home: bool = False) -> str:
    code = CODE[lang]
    other = "ru" if lang == "kk" else "kk"
    menu_rows = "".join(
        f'<tr><td class="mi" onclick="location.href=\'{url(k, lang)}\'" onmouseover="this.className=\'mi over\'" '
        f"onmouseout=\"this.className='mi'\">{escape(_title(k, lang))}</td></tr>"
        for k in MENU
    )
    search_form = ""
    if home:
        search_form = (
            f'<form action="/index.php" method="get"><input type="hidden" name="lang" value="{code}">'
            f'<input type="hidden" name="mod" value="search"><input type="text" name="q" size="18">'
            f'<input type="submit" value="{"Іздеу" if lang == "kk" else "Найти"}"></form>'
        )
    ticker = " *** ".join(escape(t) for _, t, _ in _news(ctx, lang)[:3])
    official = "Ресми интернет-ресурсы" if lang == "kk" else "Официальный интернет-ресурс"
    sitemap = "Сайт картасы" if lang == "kk" else "Карта сайта"
    mobile = "Мобильді нұсқа" if lang == "kk" else "Мобильная версия"
    archive = "Құжаттар мұрағаты (2012–2018)" if lang == "kk" else "Архив документов (2012–2018)"
    visitors = "Келушілер" if lang == "kk" else "Посетителей"
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n'
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{escape(title)}</title>'
        f'<link rel="alternate" type="application/rss+xml" href="/rss.php?lang={code}">'
        f"<style>{CSS}</style></head><body>"
        '<table class="main" width="980" align="center" cellpadding="0" cellspacing="0" border="0">'
        '<tr><td colspan="2" style="padding:6px">'
        '<img src="/img/gerb.png" width="150" height="150" align="left" hspace="8">'
        '<object type="application/x-shockwave-flash" data="/img/banner.swf" width="600" height="120">'
        '<param name="movie" value="/img/banner.swf"></object>'
        f'<div style="float:right"><a href="{url("home", other)}">{"Рус" if lang == "kk" else "Қаз"}</a> | '
        f'<a href="{url("home", lang, mobile=True)}">{mobile}</a></div>'
        f'<div style="clear:both;font-weight:bold">{official} — {escape(ctx.names[lang])}</div></td></tr>'
        f'<tr><td colspan="2" style="background:#5a3e1b;color:#fff"><marquee scrollamount="3">{ticker}</marquee></td></tr>'
        f'<tr><td class="left"><table width="100%" class="menu" cellspacing="0">{menu_rows}</table>'
        f'<p><a href="/index.php?lang={code}&amp;id=77">{archive}</a></p>{search_form}'
        f'<p>{visitors}: 1 284 566<br><img src="/img/counter.gif" width="88" height="31"></p></td>'
        f'<td class="content">{content}</td></tr>'
        f'<tr><td colspan="2" style="padding:8px;border-top:2px solid #5a3e1b;font-size:11px">© 2009–{ctx.year} '
        f'{escape(ctx.names[lang])}. {escape(ctx.address[lang])} | <a href="{url(SITEMAP, lang)}">{sitemap}</a></td></tr>'
        "</table></body></html>"
    )


def _title(key: str, lang: str) -> str:
    page = _page(key)
    if page is not None:
        return page.title[lang]
    return SECTIONS.get(key, {}).get(lang, key)


def _content(ctx: Ctx, page: Page, lang: str) -> str:
    html = body(page, ctx, lang, LOOK)
    if page.key == "3" and lang not in page.placeholder:
        html += long_regulation(ctx, lang, anchors=False)
    posted = "Жарияланған күні" if lang == "kk" else "Дата публикации"
    return f'<h1>{escape(page.title[lang])}</h1>{html}<p class="date">{posted}: {dmy(_posted(ctx, page.key))}</p>'


def _sitemap(lang: str) -> str:
    items = []
    for key in MENU:
        children = [p for p in PAGES if p.parent == key]
        sub = "".join(f'<li><a href="{url(c.key, lang)}">{escape(c.title[lang])}</a></li>' for c in children)
        items.append(
            f'<li><a href="{url(key, lang)}">{escape(_title(key, lang))}</a>{f"<ul>{sub}</ul>" if sub else ""}</li>'
        )
    for key, title in SECTIONS.items():
        children = [p for p in PAGES if p.parent == key]
        sub = "".join(f'<li><a href="{url(c.key, lang)}">{escape(c.title[lang])}</a></li>' for c in children)
        items.append(f'<li><a href="{url(key, lang)}">{escape(title[lang])}</a><ul>{sub}</ul></li>')
    faq = _page("82")
    assert faq is not None
    items.append(f'<li><a href="{url("82", lang)}">{escape(faq.title[lang])}</a></li>')
    heading = "Сайт картасы" if lang == "kk" else "Карта сайта"
    return f"<h1>{heading}</h1><ul>{''.join(items)}</ul>"


def _feedback_form(lang: str, values: dict[str, str], errors: set[str]) -> str:
    code = CODE[lang]
    labels = {
        "name": ("Аты-жөні", "Ф.И.О."),
        "email": ("E-mail", "E-mail"),
        "text": ("Сұрақ мәтіні", "Текст обращения"),
    }
    rows = []
    for field, (kk, ru) in labels.items():
        style = ' style="border:1px solid red"' if field in errors else ""
        value = escape(values.get(field, ""))
        control = (
            f'<textarea name="{field}" rows="6" cols="50"{style}>{value}</textarea>'
            if field == "text"
            else f'<input type="text" name="{field}" value="{value}" size="40"{style}>'
        )
        rows.append(f"<tr><td>{kk if lang == 'kk' else ru}*</td><td>{control}</td></tr>")
    heading = "Интернет-қабылдау бөлмесі" if lang == "kk" else "Интернет-приемная"
    send = "Жіберу" if lang == "kk" else "Отправить"
    return (
        f'<h1>{heading}</h1><form method="post" action="/index.php?lang={code}&amp;mod=feedback">'
        f'<table>{"".join(rows)}</table><input type="submit" value="{send}"></form>'
    )


def create_app(as_of: date) -> web.Application:
    ctx = context(as_of)

    async def splash(request: web.Request) -> web.Response:
        html = (
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>geology.gov.kz</title></head>'
            '<body style="background:#5a3e1b;text-align:center;font:14px Tahoma"><br><br>'
            '<img src="/img/gerb.png" width="150" height="150"><br><br>'
            f'<a style="color:#fff" href="{url("home", "kk")}">Қазақша</a> &nbsp; | &nbsp; '
            f'<a style="color:#fff" href="{url("home", "ru")}">Русский</a></body></html>'
        )
        return serve.page(html)

    async def index(request: web.Request) -> web.Response:
        q = request.query
        lang = LANG_OF.get(q.get("lang", "ru"), "ru")
        mod = q.get("mod", "")
        if mod == "search":
            return serve.page(layout(ctx, lang, "Search", _search(ctx, lang, q.get("q", ""))))
        if mod == "news":
            return _news_page(lang, q)
        if mod == "feedback":
            if request.method == "POST":
                form = await request.post()
                values = {k: str(form.get(k, "")).strip() for k in ("name", "email", "text")}
                errors = {k for k, v in values.items() if not v}
                if errors:
                    return serve.page(layout(ctx, lang, "Feedback", _feedback_form(lang, values, errors)))
                done = "Өтінішіңіз қабылданды." if lang == "kk" else "Ваше обращение принято."
                return serve.page(layout(ctx, lang, "Feedback", f"<h1>{done}</h1>"))
            return serve.page(layout(ctx, lang, "Feedback", _feedback_form(lang, {}, set())))
        key = q.get("id", "home")
        if key == SITEMAP:
            return serve.page(layout(ctx, lang, "Sitemap", _sitemap(lang)))
        if key in SECTIONS:
            children = [p for p in PAGES if p.parent == key]
            links = "".join(f'<li><a href="{url(c.key, lang)}">{escape(c.title[lang])}</a></li>' for c in children)
            return serve.page(
                layout(ctx, lang, SECTIONS[key][lang], f"<h1>{escape(SECTIONS[key][lang])}</h1><ul>{links}</ul>")
            )
        page = _page(key)
        if page is None:
            missing = "Бет табылмады" if lang == "kk" else "Страница не найдена"
            return serve.page(layout(ctx, lang, missing, f"<h1>{missing}</h1>"), status=404)
        if key == "home":
            welcome = (
                "Министрліктің ресми интернет-ресурсына қош келдіңіз!"
                if lang == "kk"
                else "Добро пожаловать на официальный интернет-ресурс министерства!"
            )
            content = f"<h1>{welcome}</h1>" + body(page, ctx, lang, LOOK)
            return serve.page(layout(ctx, lang, ctx.names[lang], content, home=True))
        return serve.page(layout(ctx, lang, page.title[lang], _content(ctx, page, lang)))

    def _news_page(lang: str, q: object) -> web.Response:
        assert hasattr(q, "get")
        items = _news(ctx, lang, 24)
        if q.get("archive"):
            heading = "Жаңалықтар мұрағаты" if lang == "kk" else "Архив новостей"
            rows = "".join(
                f'<li><span class="date">{d}</span> <a href="/index.php?lang={CODE[lang]}&amp;mod=news&amp;nid={n}">{escape(t)}</a></li>'
                for n, (d, t, _) in enumerate(items, 1)
            )
            return serve.page(layout(ctx, lang, heading, f"<h1>{heading}</h1><ul>{rows}</ul>"))
        try:
            n = int(q.get("nid", "0"))
            d, t, lead = items[n - 1]
        except (ValueError, IndexError):
            return serve.page(layout(ctx, lang, "404", "<h1>404</h1>"), status=404)
        posted = "Жарияланған күні" if lang == "kk" else "Дата публикации"
        return serve.page(
            layout(ctx, lang, t, f'<h1>{escape(t)}</h1><p>{escape(lead)}</p><p class="date">{posted}: {d}</p>')
        )

    async def rss(request: web.Request) -> web.Response:
        lang = LANG_OF.get(request.query.get("lang", "ru"), "ru")
        items = [
            (d, t, f"https://{ctx.host}/index.php?lang={CODE[lang]}&mod=news&nid={n}")
            for n, (d, t, _) in enumerate(_news(ctx, lang, 10), 1)
        ]
        return serve.rss(ctx.names[lang], f"https://{ctx.host}/", items, ctx.as_of)

    async def mobile(request: web.Request) -> web.Response:
        lang = LANG_OF.get(request.query.get("lang", "ru"), "ru")
        key = request.query.get("p", "")
        page = next((p for p in MOBILE_PAGES if p.key == key), None)
        nav = "".join(
            f'<li><a href="{url(p.key, lang, mobile=True)}">{escape(p.title[lang])}</a></li>' for p in MOBILE_PAGES
        )
        other = "ru" if lang == "kk" else "kk"
        switch = f'<a href="{url("home", other, mobile=True)}">{"RU" if lang == "kk" else "KZ"}</a>'
        if page is None and key:
            return serve.page("<h1>404</h1>", status=404)
        content = (
            f'<ul class="nav">{nav}</ul>'
            if page is None
            else f"<h1>{escape(page.title[lang])}</h1>{body(page, ctx, lang, LOOK)}"
        )
        html = (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(ctx.short[lang])} — {'мобильді нұсқа' if lang == 'kk' else 'мобильная версия'}</title>"
            "<style>body{font:15px sans-serif;margin:8px} ul.nav li{padding:6px 0}</style></head><body>"
            f'<header><img src="/img/emblem-small.png" width="40" height="40"> {escape(ctx.short[lang])} {switch}</header>'
            f"{content}</body></html>"
        )
        return serve.page(html)

    app = web.Application()
    app.add_routes(
        [
            web.get("/", splash),
            web.route("*", "/index.php", index),
            web.get("/rss.php", rss),
            web.get("/m/", mobile),
            serve.robots("User-agent: *\nDisallow: /admin/\n"),
            *serve.common_routes(),
        ]
    )
    return app


def _search(ctx: Ctx, lang: str, query: str) -> str:
    needle = query.strip().lower()
    heading = "Іздеу нәтижелері" if lang == "kk" else "Результаты поиска"
    if not needle:
        return f"<h1>{heading}</h1><p>—</p>"
    found = [p for p in PAGES if needle in body(p, ctx, lang, LOOK).lower() or needle in p.title[lang].lower()]
    rows = "".join(f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in found)
    none = "Ештеңе табылмады" if lang == "kk" else "Ничего не найдено"
    return f"<h1>{heading}</h1>" + (f"<ol>{rows}</ol>" if rows else f"<p>{none}</p>")
