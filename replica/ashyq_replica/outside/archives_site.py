# ruff: noqa: E501  (markup: a page template is easier to read on one line)
"""The server of www.archives.gov.kz: an empty shell on every route, the JSON API the script reads,
the sitemap, robots.txt and the feeds (content and truth in :mod:`ashyq_replica.outside.archives`)."""

from __future__ import annotations

import json
import zlib
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

from aiohttp import web

from ashyq_replica.outside import serve
from ashyq_replica.outside.archives import HOST, PAGES, SECTIONS, context, url
from ashyq_replica.outside.compose import Look, body, long_regulation
from ashyq_replica.outside.context import Ctx, dmy
from ashyq_replica.outside.model import Page
from ashyq_replica.outside.text_services import news_items

STATIC = Path(__file__).parent / "static" / "archives"
LANGS = ("kk", "ru", "en")
NEW_TAB = {
    "kk": '<span class="sr-only"> (жаңа бетте ашылады)</span>',
    "ru": '<span class="sr-only"> (откроется в новой вкладке)</span>',
}

SHELL = """<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Мұрағат және құжаттама істері агенттігі</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="alternate" type="application/rss+xml" href="/rss/news-kk.xml">
<link rel="alternate" type="application/rss+xml" href="/rss/tenders-kk.xml">
</head>
<body>
<noscript>Сайт JavaScript қосылған кезде ғана жұмыс істейді. Для работы сайта включите JavaScript.</noscript>
<div id="app"></div>
<script src="/assets/app.js" defer></script>
</body>
</html>
"""

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "skip": "Негізгі мазмұнға өту",
        "official": "Ресми интернет-ресурс",
        "search": "Іздеу",
        "find": "Табу",
        "menu": "Мәзір",
        "home": "Басты бет",
        "sitemap": "Сайт картасы",
        "published": "Жарияланды",
        "up": "Жоғарыға",
        "pause": "Тоқтату",
        "play": "Жалғастыру",
        "ticker": "Жаңалықтар жолағы",
        "advanced": "Кеңейтілген іздеу",
        "section": "Бөлім",
        "all": "Барлығы",
        "from": "Бастап",
        "to": "Дейін",
        "results": "Іздеу нәтижелері",
        "nothing": "Ештеңе табылмады",
        "send": "Жіберу",
        "poll": "Сауалнама",
        "vote": "Дауыс беру",
        "thanks": "Рахмет!",
        "name": "Аты-жөні",
        "email": "Электрондық пошта",
        "text": "Өтініш мәтіні",
        "errors": "Нысанда қателер бар",
        "sent": "Өтінішіңіз тіркелді",
        "poll_q": "Мұрағаттық анықтаманы алу қаншалықты оңай болды?",
        "poll_a": "Оңай|Қиын емес|Қиын",
        "rss_news": "RSS: жаңалықтар",
        "rss_tenders": "RSS: сатып алу",
    },
    "ru": {
        "skip": "Перейти к основному содержанию",
        "official": "Официальный интернет-ресурс",
        "search": "Поиск",
        "find": "Найти",
        "menu": "Меню",
        "home": "Главная",
        "sitemap": "Карта сайта",
        "published": "Опубликовано",
        "up": "Наверх",
        "pause": "Пауза",
        "play": "Продолжить",
        "ticker": "Лента новостей",
        "advanced": "Расширенный поиск",
        "section": "Раздел",
        "all": "Все",
        "from": "С",
        "to": "По",
        "results": "Результаты поиска",
        "nothing": "Ничего не найдено",
        "send": "Отправить",
        "poll": "Опрос",
        "vote": "Голосовать",
        "thanks": "Спасибо!",
        "name": "Ф.И.О.",
        "email": "Электронная почта",
        "text": "Текст обращения",
        "errors": "В форме есть ошибки",
        "sent": "Ваше обращение зарегистрировано",
        "poll_q": "Насколько легко было получить архивную справку?",
        "poll_a": "Легко|Нормально|Сложно",
        "rss_news": "RSS: новости",
        "rss_tenders": "RSS: закупки",
    },
    "en": {
        "skip": "Skip to main content",
        "official": "Official website",
        "search": "Search",
        "find": "Find",
        "menu": "Menu",
        "home": "Home",
        "sitemap": "Site map",
        "published": "Published",
        "up": "Back to top",
        "pause": "Pause",
        "play": "Play",
        "ticker": "News line",
        "advanced": "Advanced search",
        "section": "Section",
        "all": "All",
        "from": "From",
        "to": "To",
        "results": "Search results",
        "nothing": "Nothing found",
        "send": "Send",
        "poll": "Poll",
        "vote": "Vote",
        "thanks": "Thank you!",
        "name": "Full name",
        "email": "E-mail",
        "text": "Your appeal",
        "errors": "The form has errors",
        "sent": "Your appeal is registered",
        "poll_q": "How easy was it to get an archive certificate?",
        "poll_a": "Easy|Fine|Hard",
        "rss_news": "RSS: news",
        "rss_tenders": "RSS: procurement",
    },
}
EN_NEWS = (
    "The Agency's board met to review the year's results",
    "Citizens received in the regions",
    "Public council discussed draft budget programmes",
    "Press briefing held",
    "A new electronic service is available on egov.kz",
    "Memorandum on archive cooperation signed",
)
FAQ: tuple[tuple[str, str, str, str], ...] = (
    (
        "Мұрағаттық анықтаманы қалай алуға болады?",
        "egov.kz арқылы немесе Мемлекеттік корпорацияның кез келген бөлімшесі арқылы сұрау салыңыз.",
        "Как получить архивную справку?",
        "Подайте запрос через egov.kz или в любом отделении Государственной корпорации.",
    ),
    (
        "Анықтама қанша күнде дайындалады?",
        "15 жұмыс күні ішінде, күрделі іздеу кезінде — 30 күнтізбелік күнге дейін.",
        "За сколько дней готовится справка?",
        "В течение 15 рабочих дней, при сложном поиске — до 30 календарных дней.",
    ),
    (
        "Оқу залында жұмыс істеу үшін не қажет?",
        "Жеке басын куәландыратын құжат және алдын ала жазылу.",
        "Что нужно для работы в читальном зале?",
        "Документ, удостоверяющий личность, и предварительная запись.",
    ),
)


def _resolve(token: str, lang: str) -> str:
    if token == "feedback":
        return f"/{lang}/citizens/appeal"
    if token == "news/archive":
        return f"/{lang}/media/news"
    if token.startswith("news/"):
        return f"/{lang}/news/{token.removeprefix('news/')}"
    return "#"


LOOK = Look(
    heading_tag="h2",
    resolve=_resolve,
    external_attrs='target="_blank" rel="noopener noreferrer"',
    external_notice=NEW_TAB,
)


def _page(key: str) -> Page | None:
    return next((p for p in PAGES if p.key == key), None)


def _published(ctx: Ctx, key: str) -> str:
    return dmy(ctx.as_of - timedelta(days=3 + zlib.crc32(key.encode()) % 120))


def _alternates(key: str) -> dict[str, str]:
    return {lang: url(key, lang) for lang in LANGS}


def _wide_table(lang: str) -> str:
    months = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    label = "Берілген анықтамалар, айлар бойынша" if lang == "kk" else "Выдано справок по месяцам"
    row = "".join(f"<td>{14 + (n * 7) % 9},{n}</td>" for n in range(12))
    head = "".join(f'<th scope="col">{m}</th>' for m in months)
    return (
        f'<div class="table-wrap" role="region" aria-label="{label}" tabindex="0"><table class="wide">'
        f"<caption>{label}, {'мың' if lang == 'kk' else 'тыс.'}</caption><thead><tr><th></th>{head}</tr></thead>"
        f'<tbody><tr><th scope="row">{"Барлығы" if lang == "kk" else "Всего"}</th>{row}</tr>'
        f'<tr><th scope="row">{"Электрондық" if lang == "kk" else "Электронно"}</th>{row}</tr></tbody></table></div>'
    )


def page_json(ctx: Ctx, path: str) -> tuple[int, dict[str, Any]]:
    """The API's answer for a route: what the script renders."""
    parts = path.strip("/").split("/", 1)
    lang = parts[0] if parts and parts[0] in LANGS else "kk"
    key = (
        parts[1]
        if len(parts) > 1 and parts[0] in LANGS
        else ("" if parts == [""] or parts[0] in LANGS else path.strip("/"))
    )
    labels = LABELS[lang]
    crumbs = [{"title": labels["home"], "path": url("", lang)}]
    out: dict[str, Any] = {"lang": lang, "path": url(key, lang), "alternates": _alternates(key), "kind": "page"}
    if key in SECTIONS:
        children = [p for p in PAGES if p.parent == key]
        html = (
            "<ul>"
            + "".join(f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in children)
            + "</ul>"
        )
        return 200, {**out, "title": SECTIONS[key][lang], "breadcrumbs": crumbs, "html": html, "kind": "section"}
    if key.startswith("news/"):
        return _news_json(ctx, lang, key, out, crumbs)
    if key in ("search", "sitemap"):
        title = labels["results"] if key == "search" else labels["sitemap"]
        html = "" if key == "search" else _sitemap_html(lang)
        return 200, {**out, "title": title, "breadcrumbs": crumbs, "html": html, "kind": key}
    page = _page(key)
    if page is None:
        return 404, {**out, "title": "404", "breadcrumbs": crumbs, "html": "<p>404</p>", "kind": "notfound"}
    if page.parent:
        crumbs.append({"title": SECTIONS[page.parent][lang], "path": url(page.parent, lang)})
    out.update(title=page.title[lang], breadcrumbs=crumbs if key else [], published=_published(ctx, key))
    if lang == "en":
        return 200, {**out, "html": _english(ctx, key), "kind": "home" if not key else "page"}
    html = body(page, ctx, lang, LOOK)
    if key == "agency/regulation":
        html += long_regulation(ctx, lang, anchors=True)
    elif key == "activity/figures":
        html = html.replace(
            '<table class="data stats">',
            '<div class="table-wrap" tabindex="0" role="region" aria-label="stats"><table class="data stats">',
            1,
        )
        html = html.replace("</table>", "</table></div>", 1) + _wide_table(lang)
    elif key == "services/registry":
        html = (
            "<p>"
            + (
                "Тізілімді қарау үшін eGov арқылы (ЭЦҚ немесе бір реттік құпиясөз) кіріңіз."
                if lang == "kk"
                else "Для просмотра реестра войдите через eGov (ЭЦП или одноразовый пароль)."
            )
            + "</p>"
            f'<p><a class="button" href="https://idp.egov.kz/idp/login">{"Кіру" if lang == "kk" else "Войти"}</a></p>'
        )
    elif key == "citizens/faq":
        html = (
            '<div class="faq">'
            + "".join(
                f'<div class="faq-q">{escape(q_kk if lang == "kk" else q_ru)}</div><div class="faq-a" hidden><p>{escape(a_kk if lang == "kk" else a_ru)}</p></div>'
                for q_kk, a_kk, q_ru, a_ru in FAQ
            )
            + "</div>"
        )
        out["kind"] = "faq"
    elif key == "citizens/appeal":
        out["kind"] = "appeal"
    if not key:
        out["kind"] = "home"
        out["news"] = [
            {"date": d, "title": t, "path": url(f"news/{n}", lang)}
            for n, (d, t, _) in enumerate(news_items(ctx, lang, False, 5), 1)
        ]
    return 200, {**out, "html": html}


def _english(ctx: Ctx, key: str) -> str:
    if not key:
        items = "".join(
            f'<li><span class="date">{dmy(ctx.as_of - timedelta(days=1 + n * 4))}</span> {escape(t)}</li>'
            for n, t in enumerate(EN_NEWS[:4])
        )
        return f"<h2>News</h2><ul>{items}</ul>"
    return (
        "<p>This information is published in Kazakh and Russian: "
        f'<a href="{url(key, "kk")}">Қазақша</a> · <a href="{url(key, "ru")}">Русский</a>.</p>'
    )


def _news_json(
    ctx: Ctx, lang: str, key: str, out: dict[str, Any], crumbs: list[dict[str, str]]
) -> tuple[int, dict[str, Any]]:
    items = news_items(ctx, lang if lang != "en" else "ru", False, 24)
    try:
        n = int(key.removeprefix("news/"))
        d, t, lead = items[n - 1]
    except (ValueError, IndexError):
        return 404, {**out, "title": "404", "breadcrumbs": crumbs, "html": "<p>404</p>", "kind": "notfound"}
    if lang == "en":
        t = EN_NEWS[(n - 1) % len(EN_NEWS)]
    crumbs.append({"title": SECTIONS["media"][lang], "path": url("media/news", lang)})
    return 200, {**out, "title": t, "breadcrumbs": crumbs, "published": d, "html": f"<p>{escape(lead)}</p>"}


def _sitemap_html(lang: str) -> str:
    items = []
    for slug, name in SECTIONS.items():
        sub = "".join(
            f'<li><a href="{url(p.key, lang)}">{escape(p.title[lang])}</a></li>' for p in PAGES if p.parent == slug
        )
        items.append(f'<li><a href="{url(slug, lang)}">{escape(name[lang])}</a><ul>{sub}</ul></li>')
    return f"<ul>{''.join(items)}</ul>"


def site_json(ctx: Ctx, lang: str) -> dict[str, Any]:
    menu = [
        {
            "title": name[lang],
            "path": url(slug, lang),
            "children": [{"title": p.title[lang], "path": url(p.key, lang)} for p in PAGES if p.parent == slug],
        }
        for slug, name in SECTIONS.items()
    ]
    name = ctx.names.get(lang) or "Agency of the Republic of Kazakhstan for Archives and Documentation"
    address = ctx.address.get(lang) or ctx.address["ru"]
    return {
        "lang": lang,
        "name": name,
        "labels": LABELS[lang],
        "menu": menu,
        "address": address,
        "phone": ctx.phone,
        "email": ctx.email,
        "year": ctx.year,
    }


def search(ctx: Ctx, lang: str, query: str, section: str) -> list[dict[str, str]]:
    needle = query.strip().lower()
    if not needle or lang == "en":
        return []
    found = []
    for p in PAGES:
        if section and p.parent != section:
            continue
        text = body(p, ctx, lang, LOOK).lower()
        if needle in text or needle in p.title[lang].lower():
            found.append({"title": p.title[lang], "path": url(p.key, lang)})
    return found


APPEAL_ERRORS = {
    "name": ("Аты-жөніңізді көрсетіңіз", "Укажите фамилию, имя и отчество"),
    "email": (
        "Электрондық поштаны name@example.kz түрінде енгізіңіз",
        "Введите электронную почту в виде name@example.kz",
    ),
    "text": ("Өтініштің мәтінін жазыңыз (кемінде 10 таңба)", "Напишите текст обращения (не менее 10 символов)"),
}


def create_app(as_of: date) -> web.Application:
    ctx = context(as_of)

    async def shell(request: web.Request) -> web.Response:
        return serve.page(SHELL)

    async def api_site(request: web.Request) -> web.Response:
        lang = request.query.get("lang", "kk")
        return web.json_response(site_json(ctx, lang if lang in LANGS else "kk"))

    async def api_page(request: web.Request) -> web.Response:
        status, data = page_json(ctx, request.query.get("path", "/kk/"))
        return web.json_response(data, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))

    async def api_search(request: web.Request) -> web.Response:
        q = request.query
        lang = q.get("lang", "kk") if q.get("lang") in LANGS else "kk"
        results = search(ctx, lang, q.get("q", ""), q.get("section", ""))
        return web.json_response(
            {"query": q.get("q", ""), "results": results}, dumps=lambda o: json.dumps(o, ensure_ascii=False)
        )

    async def api_appeal(request: web.Request) -> web.Response:
        try:
            data = await request.json()
        except ValueError:
            data = {}
        lang = data.get("lang", "kk")
        errors = {}
        for field, (kk, ru) in APPEAL_ERRORS.items():
            value = str(data.get(field, "")).strip()
            bad = not value or (field == "email" and "@" not in value) or (field == "text" and len(value) < 10)
            if bad:
                errors[field] = kk if lang == "kk" else ru
        if errors:
            return web.json_response({"errors": errors}, status=422, dumps=lambda o: json.dumps(o, ensure_ascii=False))
        return web.json_response(
            {"ok": True, "number": f"ЖТ-{as_of.year}-{len(str(data)):05d}"},
            dumps=lambda o: json.dumps(o, ensure_ascii=False),
        )

    async def api_poll(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def sitemap(request: web.Request) -> web.Response:
        routes = [""] + list(SECTIONS) + [p.key for p in PAGES if p.key] + ["sitemap"]
        locs = "".join(f"<url><loc>https://{HOST}{url(k, lang)}</loc></url>" for k in routes for lang in LANGS)
        return web.Response(
            text=f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
            content_type="application/xml",
        )

    async def feed(request: web.Request) -> web.Response:
        kind, lang = request.match_info["kind"], request.match_info["lang"]
        if lang not in ("kk", "ru") or kind not in ("news", "tenders"):
            raise web.HTTPNotFound()
        if kind == "news":
            items = [
                (d, t, f"https://{HOST}{url(f'news/{n}', lang)}")
                for n, (d, t, _) in enumerate(news_items(ctx, lang, False, 10), 1)
            ]
        else:
            title = (
                "Ашық конкурс: ақпараттық жүйені сүйемелдеу"
                if lang == "kk"
                else "Открытый конкурс: сопровождение информационной системы"
            )
            items = [(dmy(ctx.day(12)), title, f"https://{HOST}{url('activity/procurement', lang)}")]
        return serve.rss(ctx.names[lang], f"https://{HOST}/{lang}/", items, ctx.as_of)

    async def asset(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        path = STATIC / name
        if name not in ("app.js", "app.css") or not path.exists():
            raise web.HTTPNotFound()
        kind = "application/javascript" if name.endswith(".js") else "text/css"
        return web.Response(text=path.read_text(encoding="utf-8"), content_type=kind, charset="utf-8")

    app = web.Application()
    app.add_routes(
        [
            web.get("/", shell),
            serve.robots("User-agent: *\nAllow: /\nDisallow: /api/v1/appeal\n\nSitemap: /sitemap.xml\n"),
            web.get("/sitemap.xml", sitemap),
            web.get("/rss/{kind}-{lang}.xml", feed),
            web.get("/assets/{name}", asset),
            web.get("/api/v1/site", api_site),
            web.get("/api/v1/page", api_page),
            web.get("/api/v1/search", api_search),
            web.post("/api/v1/appeal", api_appeal),
            web.post("/api/v1/poll", api_poll),
            *serve.common_routes(),
            *[web.get(f"/{lang}", shell) for lang in LANGS],
            *[web.get(f"/{lang}/{{rest:.*}}", shell) for lang in LANGS],
        ]
    )
    return app
