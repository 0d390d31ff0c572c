"""legalacts.egov.kz replica: per-body lists, document cards, versions, downloads, robots.txt.

Routes (portals.md section 4):

* ``/list?governmentId=<id>&status=&page=N`` (also ``categoryId``, ``types[0]=7001&types[1]=7002``
  for consultative documents of regulatory policy) — five ``div.contentlist`` cards a page,
  ``totalPages: N`` in the paging script, ``dd/mm/yyyy`` dates; an empty ``status`` lists all;
* ``/npa/view?id=`` (``&typeComment=N`` picks a comment channel; all replica comments are channel 6);
* ``/application/viewcardhistory?id=`` — an older version, same template, no comments, dates as
  ``2026-10-05 00:00:00.0``;
* ``/application/downloadnpa?id=`` and ``/application/downloadconceptfile?id=`` — .docx files;
* ``/application/changelang?lang=kk|ru&location=...`` — the ``egovLang`` cookie; Kazakh without it;
* ``/robots.txt`` as the real one.
"""

from __future__ import annotations

from aiohttp import web

from ashyq_replica.core import World, WorldBody
from ashyq_replica.portals.content.catalogue import portal_content
from ashyq_replica.portals.content.model import NpaDraft
from ashyq_replica.portals.html import (
    changelang_handler,
    docx_response,
    not_found,
    page,
    page_number,
    pagination_script,
    request_lang,
    robots_handler,
    total_pages,
)
from ashyq_replica.portals.legalacts_cards import card_page, history_page, list_card

PER_PAGE = 5
ROBOTS = (
    "User-agent: *",
    "Disallow: /npa/view",
    "Disallow: /application",
    "Disallow: /report",
    "Disallow: /legalact/",
    "Disallow: /filtercomments/",
    "Disallow: /public",
    "Disallow: /subscriptioncontroller/",
    "Disallow: /admin/",
    "Disallow: /security/",
    "Disallow: /captcha/",
)
WORLD_KEY = web.AppKey("world", World)
DRAFTS_KEY = web.AppKey("drafts", dict)


def create_app(world: World) -> web.Application:
    app = web.Application()
    app[WORLD_KEY] = world
    app[DRAFTS_KEY] = {d.id: d for c in portal_content(world).values() for d in c.drafts}
    app.router.add_get("/robots.txt", robots_handler(ROBOTS))
    app.router.add_get("/", home_page)
    app.router.add_get("/list", list_page)
    app.router.add_get("/npa/view", view_card)
    app.router.add_get("/application/viewcardhistory", view_history)
    app.router.add_get("/application/downloadnpa", download_npa)
    app.router.add_get("/application/downloadconceptfile", download_attachment)
    app.router.add_get("/application/changelang", changelang_handler("/list"))
    return app


def _drafts(request: web.Request) -> dict[int, NpaDraft]:
    drafts: dict[int, NpaDraft] = request.app[DRAFTS_KEY]
    return drafts


def _body(request: web.Request, draft: NpaDraft) -> WorldBody:
    return request.app[WORLD_KEY].body(draft.body_id)


def _wanted_types(request: web.Request) -> set[int]:
    wanted = set()
    for key, value in request.query.items():
        if key.startswith("types[") and value.isdigit():
            wanted.add(int(value))
    return wanted


async def home_page(request: web.Request) -> web.Response:
    """The portal's home address, which bodies' sites link as «Открытые НПА»: it opens the list of drafts."""
    raise web.HTTPFound("/list")


async def list_page(request: web.Request) -> web.Response:
    lang = request_lang(request)
    government = request.query.get("governmentId", "")
    status = request.query.get("status", "")
    category = request.query.get("categoryId", "")
    types = _wanted_types(request)
    selected = [
        d
        for d in _drafts(request).values()
        if (not government or str(_body(request, d).ids.legalacts_government_id) == government)
        and (not status or d.status == status)
        and (not category or str(d.category_id) == category)
        and (not types or d.type_id in types)
    ]
    selected.sort(key=lambda d: (d.created, d.id), reverse=True)
    number = page_number(request)
    cards = "\n".join(
        list_card(d, _body(request, d), lang) for d in selected[(number - 1) * PER_PAGE : number * PER_PAGE]
    )
    title = "Ашық НҚА" if lang == "kk" else "Открытые НПА"
    paging = '<hr class="hide-mobile">\n<div class="pagination-container"><ul id="pagination"></ul></div>'
    html = f"<h1>{title}</h1>\n{cards}\n{paging}"
    return page(title, lang, html, pagination_script(total_pages(len(selected), PER_PAGE), number))


def _draft_by_query(request: web.Request, key: str = "id") -> NpaDraft | None:
    raw = request.query.get(key, "")
    return _drafts(request).get(int(raw)) if raw.isdigit() else None


async def view_card(request: web.Request) -> web.Response:
    lang = request_lang(request)
    draft = _draft_by_query(request)
    if draft is None:
        return not_found(lang)
    channel = request.query.get("typeComment", "6")
    return page(draft.title.get(lang), lang, card_page(draft, _body(request, draft), lang, channel))


async def view_history(request: web.Request) -> web.Response:
    lang = request_lang(request)
    raw = request.query.get("id", "")
    for draft in _drafts(request).values():
        for version in draft.versions:
            if str(version.history_id) == raw:
                return page(draft.title.get(lang), lang, history_page(draft, version, _body(request, draft), lang))
    return not_found(lang)


async def download_npa(request: web.Request) -> web.Response:
    lang = request.query.get("sysLang") or request_lang(request)
    raw = request.query.get("id", "")
    draft = next((d for d in _drafts(request).values() if str(d.docx_id) == raw), None)
    if draft is None:
        return not_found(lang)
    paragraphs = [draft.title.get(lang), draft.summary.get(lang)]
    paragraphs += [f"{label.get(lang)}: {value.get(lang)}" for label, value in draft.rows]
    return docx_response(f"npa-{draft.id}.docx", paragraphs)


async def download_attachment(request: web.Request) -> web.Response:
    lang = request_lang(request)
    raw = request.query.get("id", "")
    for draft in _drafts(request).values():
        for attachment in draft.files:
            if str(attachment.id) == raw:
                return docx_response(
                    f"file-{attachment.id}.docx", [attachment.filename.get(lang), draft.title.get(lang)]
                )
    return not_found(lang)
