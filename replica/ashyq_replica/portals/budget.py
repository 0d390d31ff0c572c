"""budget.egov.kz replica: search by body, budget-programme cards, materials and their files.

Routes (portals.md section 3):

* ``/application/search?budgetStatus=ALL&govAgencyId=<id>&page=N&searchType=ALL`` — ten results a
  page, each title a link in ``h2 > a``, ``totalPages: N`` in the paging script;
* ``/budgetprogram/budgetprogram?govAgencyId=..&budgetId=..[&lang=ru]`` — ``h1`` title, tabs
  ``div#tab-PROJECT``, ``div#tab-APPROVED``, ``div#tab-REPORT`` of label/value ``td`` pairs, a
  «Комментировать» link per field, the per-field comment blocks, then ``<!-- filelist -->`` and a
  table of ``td`` title, ``td`` date ``dd.mm.yyyy``, ``td a[href]`` download;
* ``/application/changelang?lang=kk|ru[&location=]`` — sets the ``egovLang`` cookie (Kazakh without it).

[GUESS] Everything the sources do not show: the material card ``/application/document?govAgencyId=
&documentId=`` (``table.document-info`` rows, then the same file list); the download route
``/application/downloadfile?id=`` (a .docx); and the comment markup, described in
:func:`comments_html`. The Ministry of Defence (tag ``budget_restricted``) shows a notice instead
of materials, as restricted budget information is withheld.
"""

from __future__ import annotations

from html import escape

from aiohttp import web

from ashyq_replica.core import World, WorldBody
from ashyq_replica.portals.content.catalogue import portal_content
from ashyq_replica.portals.content.model import (
    Bilingual,
    BudgetComment,
    BudgetContent,
    BudgetFile,
    BudgetMaterial,
    BudgetProgramme,
)
from ashyq_replica.portals.html import (
    changelang_handler,
    docx_response,
    dotted,
    not_found,
    page,
    page_number,
    pagination_script,
    request_lang,
    text,
    total_pages,
)

B = Bilingual
PER_PAGE = 10
TAB_NAMES = {"PROJECT": B("Жоба", "Проект"), "APPROVED": B("Бекітілген", "Утверждённая"), "REPORT": B("Есеп", "Отчёт")}
COMMENT_LINK = B("Пікір қалдыру", "Комментировать")
RESTRICTED = B(
    "Бюджеттік ақпарат шектеулі таралатын қызметтік ақпаратқа жатады және жарияланбайды.",
    "Бюджетная информация относится к служебной информации ограниченного распространения и не публикуется.",
)
KIND_LABEL = {
    "programme": B("Бюджеттік бағдарлама", "Бюджетная программа"),
    "material": B("Құжат", "Документ"),
}
WORLD_KEY = web.AppKey("world", World)


def create_app(world: World) -> web.Application:
    app = web.Application()
    app[WORLD_KEY] = world
    app.router.add_get("/application/search", search)
    app.router.add_get("/budgetprogram/budgetprogram", programme_card)
    app.router.add_get("/application/document", material_card)
    app.router.add_get("/application/downloadfile", download)
    app.router.add_get("/application/changelang", changelang_handler("/"))
    return app


def _body_budget(request: web.Request) -> tuple[WorldBody, BudgetContent] | None:
    world = request.app[WORLD_KEY]
    wanted = request.query.get("govAgencyId", "")
    for body in world.bodies:
        if body.ids.budget_gov_agency_id is not None and str(body.ids.budget_gov_agency_id) == wanted:
            budget = portal_content(world)[body.id].budget
            return (body, budget) if budget is not None else None
    return None


def _names(body: WorldBody) -> Bilingual:
    return B(body.names.kk, body.names.ru)


def _programme_url(body: WorldBody, programme: BudgetProgramme) -> str:
    return f"/budgetprogram/budgetprogram?govAgencyId={body.ids.budget_gov_agency_id}&budgetId={programme.budget_id}"


def _material_url(body: WorldBody, material: BudgetMaterial) -> str:
    return f"/application/document?govAgencyId={body.ids.budget_gov_agency_id}&documentId={material.id}"


async def search(request: web.Request) -> web.Response:
    lang = request_lang(request, allow_query=True)
    found = _body_budget(request)
    if found is None:
        return not_found(lang)
    body, budget = found
    query = request.query.get("querytext", "").lower()
    results: list[tuple[str, Bilingual, str, str]] = [
        (
            _programme_url(body, p),
            B(f"{p.code} «{p.name.kk}»", f"{p.code} «{p.name.ru}»"),
            "programme",
            dotted(p.draft_posted),
        )
        for p in budget.programmes
    ]
    materials = sorted(budget.materials, key=lambda m: (m.posted, m.id), reverse=True)
    results += [(_material_url(body, m), m.title, "material", dotted(m.posted)) for m in materials if lang in m.langs]
    results = [r for r in results if query in r[1].get(lang).lower()]
    number = page_number(request)
    items = "".join(
        f'<div class="search-result"><h2><a href="{escape(url)}">{text(title, lang)}</a></h2>'
        f'<div class="info"><span class="type">{text(KIND_LABEL[kind], lang)}</span> '
        f'<span class="date">{day}</span></div></div>\n'
        for url, title, kind, day in results[(number - 1) * PER_PAGE : number * PER_PAGE]
    )
    notice = f'<div class="alert alert-warning restricted">{text(RESTRICTED, lang)}</div>' if budget.restricted else ""
    listing = f'<div class="results">\n{items}</div>\n<ul id="pagination"></ul>'
    html = f"<h1>{text(_names(body), lang)}</h1>\n{notice}\n{listing}"
    return page(_names(body).get(lang), lang, html, pagination_script(total_pages(len(results), PER_PAGE), number))


def _files_html(files: tuple[BudgetFile, ...], lang: str) -> str:
    download = "Жүктеу" if lang == "kk" else "Скачать"
    rows = "".join(
        f"<tr><td>{text(f.title, lang)}</td><td>{dotted(f.posted)}</td>"
        f'<td><a href="/application/downloadfile?id={f.id}">{download}</a></td></tr>'
        for f in files
        if lang in f.langs
    )
    return f'<!-- filelist -->\n<table class="table files"><tbody>{rows}</tbody></table>'


def comments_html(comments: list[BudgetComment], tab: str, key: str, body: WorldBody, lang: str) -> str:
    """[GUESS] The comments on one field of one tab, with the body's answers.

    ``div.field-comments[data-tab][data-field]`` holds one ``div.comment#comment-<id>`` per
    comment: ``span.comment-author``, ``span.comment-date`` (``dd.mm.yyyy HH:MM``),
    ``span.comment-status`` (accepted / not accepted / no decision), ``p.comment-text``, and, only
    when the body answered, ``div.comment-answer`` with ``span.answer-author``,
    ``span.answer-date`` and ``p.answer-text``.
    """
    status = {
        True: B("Қабылданды", "Принято"),
        False: B("Қабылданбады", "Не принято"),
        None: B("Шешім жоқ", "Без решения"),
    }
    blocks = []
    for c in comments:
        answer = ""
        if c.answer is not None and c.answered is not None:
            answer = (
                f'<div class="comment-answer"><span class="answer-author">{text(_names(body), lang)}</span> '
                f'<span class="answer-date">{c.answered:%d.%m.%Y %H:%M}</span>'
                f'<p class="answer-text">{escape(c.answer)}</p></div>'
            )
        blocks.append(
            f'<div class="comment" id="comment-{c.id}"><span class="comment-author">{escape(c.author)}</span> '
            f'<span class="comment-date">{c.posted:%d.%m.%Y %H:%M}</span> '
            f'<span class="comment-status">{text(status[c.accepted], lang)}</span>'
            f'<p class="comment-text">{escape(c.text)}</p>{answer}</div>'
        )
    return f'<div class="field-comments" data-tab="{tab}" data-field="{key}">{"".join(blocks)}</div>'


def _tab_html(programme: BudgetProgramme, tab: str, body: WorldBody, lang: str) -> str:
    rows = []
    for row in programme.tabs[tab]:
        comments = [c for c in programme.comments if c.tab == tab and c.field_key == row.key]
        rows.append(
            f"<tr><td>{text(row.label, lang)}</td><td>{text(row.value, lang)} "
            f'<a class="comment-link" href="#comments-{tab}-{row.key}">{text(COMMENT_LINK, lang)}</a>'
            f'<div id="comments-{tab}-{row.key}">{comments_html(comments, tab, row.key, body, lang)}</div></td></tr>'
        )
    indicators = ""
    if tab == "REPORT":
        indicators = "<!-- indicatorlist -->\n<!-- direct indicators -->"
    table = f'<table class="table"><tbody>{"".join(rows)}</tbody></table>'
    return f'<div id="tab-{tab}" class="tab-pane">{table}{indicators}</div>'


async def programme_card(request: web.Request) -> web.Response:
    lang = request_lang(request, allow_query=True)
    found = _body_budget(request)
    if found is None:
        return not_found(lang)
    body, budget = found
    programme = next((p for p in budget.programmes if str(p.budget_id) == request.query.get("budgetId")), None)
    if programme is None:
        return not_found(lang)
    title = f"{programme.code} «{programme.name.get(lang)}»"
    if budget.restricted:
        notice = f'<div class="alert alert-warning restricted">{text(RESTRICTED, lang)}</div>'
        return page(title, lang, f"<h1>{escape(title)}</h1>\n{notice}")
    nav = "".join(f'<li><a href="#tab-{t}" data-toggle="tab">{text(n, lang)}</a></li>' for t, n in TAB_NAMES.items())
    tabs = "\n".join(_tab_html(programme, t, body, lang) for t in TAB_NAMES)
    html = (
        f'<h1>{escape(title)}</h1>\n<ul class="nav nav-tabs">{nav}</ul>\n<div class="tab-content">\n{tabs}\n</div>\n'
        f"{_files_html(programme.files, lang)}"
    )
    return page(title, lang, html)


async def material_card(request: web.Request) -> web.Response:
    lang = request_lang(request, allow_query=True)
    found = _body_budget(request)
    if found is None:
        return not_found(lang)
    body, budget = found
    material = next((m for m in budget.materials if str(m.id) == request.query.get("documentId")), None)
    if material is None or lang not in material.langs:
        return not_found(lang)
    rows = [
        (B("Мемлекеттік орган", "Государственный орган"), text(_names(body), lang)),
        (B("Кезең", "Период"), str(material.period_year)),
        (B("Жарияланған күні", "Дата публикации"), dotted(material.posted)),
    ]
    if material.received is not None:
        rows.append((B("Алынған күні", "Дата получения"), dotted(material.received)))
    if material.formed is not None:
        rows.append((B("Қалыптастырылған күні", "Дата формирования"), dotted(material.formed)))
    info = "".join(f"<tr><td>{text(label, lang)}</td><td>{value}</td></tr>" for label, value in rows)
    html = (
        f"<h1>{text(material.title, lang)}</h1>\n"
        f'<table class="table document-info" data-kind="{material.kind}"><tbody>{info}</tbody></table>\n'
        f"{_files_html((material.file,), lang)}"
    )
    return page(material.title.get(lang), lang, html)


async def download(request: web.Request) -> web.Response:
    lang = request_lang(request, allow_query=True)
    wanted = request.query.get("id", "")
    for content in portal_content(request.app[WORLD_KEY]).values():
        if content.budget is None:
            continue
        files = [m.file for m in content.budget.materials] + [f for p in content.budget.programmes for f in p.files]
        for f in files:
            if str(f.id) == wanted:
                return docx_response(f"budget-{f.id}.docx", [f.title.get(lang), dotted(f.posted)])
    return not_found(lang)
