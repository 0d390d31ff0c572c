"""The HTML of legalacts.egov.kz cards: the list card (portals.md 4.2) and the document card
with its attachments, counters and comments (portals.md 4.3), in Kazakh or Russian.

The templates keep the real markup one element a line, so some lines run long.
"""

# ruff: noqa: E501

from __future__ import annotations

from html import escape

from ashyq_replica.core import WorldBody
from ashyq_replica.portals.content.model import Bilingual, NpaComment, NpaDraft, NpaVersion
from ashyq_replica.portals.content.wording import NPA_CATEGORIES, NPA_TYPES, THEME_OF_BODY

B = Bilingual
STATUS = {
    "IN_PUBLIC_DISCUSSION": B("Жария талқылауда", "На публичном обсуждении"),
    "IN_PROGRESS": B("Әзірленуде", "В разработке"),
    "IN_ARCHIVE": B("Мұрағат", "Архив"),
}
L = {
    "status": B("Мәртебесі:", "Статус:"),
    "version": B("Жоба нұсқасы:", "Версия проекта:"),
    "version_n": B("Нұсқа", "Версия"),
    "type": B("НҚА түрі:", "Тип НПА:"),
    "created": B("Құрылған күні:", "Дата создания:"),
    "until": B("Жария талқылау мерзімі:", "Публичное обсуждение до:"),
    "online_start": B("Онлайн-талқылаудың басталу күні:", "Дата запуска онлайн-обсуждения:"),
    "online_end": B("Онлайн-талқылаудың аяқталу күні:", "Дата окончания онлайн-обсуждения:"),
    "summary": B("Қысқаша мазмұны:", "Краткое содержание:"),
    "files": B("Қоса берілген құжаттар:", "Приложенные документы:"),
    "content": B("Толық мазмұны:", "Полное содержание:"),
    "more": B("Толығырақ", "Подробнее"),
    "download": B("Жүктеу (docx)", "Скачать (docx)"),
    "get": B("Жүктеу", "Скачать"),
    "home": B("Басты бет", "Домой"),
    "comments": B("Пікір", "Комментарий"),
    "total": B("Барлық пікірлер", "Всего комментариев"),
    "views": B("Қаралым саны", "Количество просмотров"),
    "accepted": B("Қабылданған пікірлер саны", "Количество принятых комментарии"),
    "rejected": B("Қабылданбаған пікірлер саны", "Количество непринятых комментарии"),
    "ok": B("Қабылданды", "Принято"),
    "no": B("Қабылданбады", "Не принято"),
}
CHANNELS = (
    (6, B("Пікір", "Комментарий")),
    (3, B("«Атамекен» ҰКП", 'НПП "Атамекен"')),
    (1, B("Қоғамдық және сараптамалық кеңестер", "Общественные и экспертные советы")),
    (8, B("Сыбайлас жемқорлыққа қарсы сараптама", "Антикоррупционная экспертиза")),
    (9, B("Ғылыми құқықтық сараптама", "Научная правовая экспертиза")),
    (10, B("Ғылыми экономикалық сараптама", "Научная экономическая экспертиза")),
    (7, B("ЗҚАИ және ВАК мүшелері", "ИЗПИ и члены МВК")),
    (4, B("Аккредиттелген коммерциялық емес ұйымдар", "Аккредитованные некоммерческие организаций")),
)
ACCEPTED_STYLE = 'style="color: #67bd3c !important; padding: 0 7px"'
REJECTED_STYLE = 'style="color: red !important; padding: 0 7px"'


def t(value: Bilingual, lang: str) -> str:
    return escape(value.get(lang))


def _name(body: WorldBody, lang: str) -> str:
    return escape(body.names.kk if lang == "kk" else body.names.ru)


def list_card(d: NpaDraft, body: WorldBody, lang: str) -> str:
    until = d.discussion_until.strftime("%d/%m/%Y") if d.discussion_until else ""
    return f"""<div class="contentlist">
    <h3>
        <a href="/npa/view?id={d.id}">{t(d.title, lang)}</a>
    </h3>
    <div class="info">
        <strong> {t(L["status"], lang)}</strong> {t(STATUS[d.status], lang)}<br />
        <strong>{t(L["type"], lang)}</strong>
        {t(NPA_TYPES[d.type_id][0], lang)}
        <br />
        <strong>{t(L["created"], lang)}</strong> {d.created:%d/%m/%Y} <br />
        <strong>{t(L["until"], lang)}</strong> {until}<br />
    </div>
    <div class="tags">
        <span class="icon1"></span>{len(d.comments)}
        <span class="icon2"></span>{_name(body, lang)}
        <span class="likeSpan"><span class="icon3"></span>{d.likes}</span>
        <span class="dislikeSpan"><span class="icon4"></span>{d.dislikes}</span>
        <span class="icon5"></span>{d.views}
        <span title="{t(L["accepted"], lang)}"><i class="liker fa fa-check-square" {ACCEPTED_STYLE}></i>{d.accepted}</span>
        <span title="{t(L["rejected"], lang)}"><i class="liker fa fa-times-circle" {REJECTED_STYLE}></i></span>{d.rejected}
    </div>
    <div class="readmore">
        <a href="/npa/view?id={d.id}">{t(L["more"], lang)}</a>
        <a href="/application/downloadnpa?id={d.docx_id}" class="more margin-left-20">{t(L["download"], lang)} <i class="icon-angle-right"></i></a>
    </div>
</div>"""


def _small(label: str, value: str) -> str:
    return f'<small tabindex="0" style="font-size: 12px;"><b>{label}</b> {value}</small><br>\n'


def _header(d: NpaDraft, lang: str, version_html: str, until: str, with_online: bool) -> str:
    parts = [
        f'<h2 tabindex="0">{t(d.title, lang)}</h2>\n',
        _small(t(L["status"], lang), t(STATUS[d.status], lang)),
        f'<small tabindex="0"><b>{t(L["version"], lang)}</b> {version_html}</small><br>\n',
        _small(t(L["type"], lang), t(NPA_TYPES[d.type_id][0], lang)),
        _small(t(L["created"], lang), d.created.strftime("%d/%m/%Y")),
        _small(t(L["until"], lang), until),
    ]
    if with_online and d.online_start and d.online_end:
        parts.append(_small(t(L["online_start"], lang), d.online_start.strftime("%d/%m/%Y %H:%M:%S")))
        parts.append(_small(t(L["online_end"], lang), d.online_end.strftime("%d/%m/%Y %H:%M:%S")))
    parts.append(_small(t(L["summary"], lang), t(d.summary, lang)))
    return f'<div class="view-npa">\n{"".join(parts)}</div>'


def _body_html(d: NpaDraft, lang: str) -> str:
    rows = "".join(
        f'<tr><td style="width:15px"><strong>{n}</strong></td><td style="width:50%"><strong>{t(label, lang)}</strong></td>'
        f'<td contenteditable="true" id="{n}">{t(value, lang)}</td></tr>'
        for n, (label, value) in enumerate(d.rows, start=1)
    )
    table = f'<table border="1" cellpadding="0" cellspacing="0" style="width:100%"><tbody>{rows}</tbody></table>'
    return f'<div class="commentable-div"><div contenteditable="false">{table}</div></div>'


def _breadcrumb(d: NpaDraft, body: WorldBody, lang: str) -> str:
    category = NPA_CATEGORIES[THEME_OF_BODY[body.id]][1]
    return f"""<ul class="breadcrumb">
    <li><a href="/">{t(L["home"], lang)}</a></li>
    <li><a href="/list?categoryId={d.category_id}">{t(category, lang)}</a></li>
    <li><a href="/list?governmentId={body.ids.legalacts_government_id}">{_name(body, lang)}</a></li>
    <li class="active">{t(STATUS[d.status], lang)}</li>
</ul>"""


def _files(d: NpaDraft, lang: str) -> str:
    items = "".join(
        f'<li><a href="/application/downloadconceptfile?id={f.id}">{t(L["get"], lang)}</a>'
        f' <label tabindex="0">{t(f.filename, lang)}</label></li>'
        for f in d.files
    )
    return f'<b style="font-size: 12px;">{t(L["files"], lang)}</b><br>\n<ul class="conceptFiles">{items}</ul>'


def _counters(d: NpaDraft, body: WorldBody, lang: str) -> str:
    return f"""<ul class="blog-info">
    <li tabindex="0"><i title="{t(L["total"], lang)}" class="fa fa-comments"></i> {len(d.comments)}</li>
    <li tabindex="0"><i class="fa fa-tags"></i><span class="gov-parent">{_name(body, lang)}</span></li>
    <li><i class="liker fa fa-thumbs-o-up like like-{d.id}-1"></i> <span class="likeCount-{d.id}-1">{d.likes}</span>
        <i class="liker fa fa-thumbs-o-down dislike dislike-{d.id}-1"></i> <span class="dislikeCount-{d.id}-1">{d.dislikes}</span></li>
    <li tabindex="0"><i class="liker fa fa-eye" title="{t(L["views"], lang)}"></i> {d.views}</li>
    <li tabindex="0"><i class="liker fa fa-check-square" title="{t(L["accepted"], lang)}"></i> {d.accepted}</li>
    <li tabindex="0"><i class="liker fa fa-times-circle" style="color: red !important;" title="{t(L["rejected"], lang)}"></i> {d.rejected}</li>
</ul>"""


def _comment(c: NpaComment, d: NpaDraft, body: WorldBody, lang: str) -> str:
    icon = ""
    if c.outcome == "accepted":
        icon = f'<span><i class="liker fa fa-check-square" title="{t(L["ok"], lang)}" {ACCEPTED_STYLE}></i></span>'
    elif c.outcome == "rejected":
        icon = f'<span><i class="liker fa fa-times-circle" title="{t(L["no"], lang)}" {REJECTED_STYLE}></i></span>'
    answer = ""
    if c.answer is not None and c.answered is not None:
        answer = f"""
                <div class="media" style="margin-left: 30px;">
                    <div class="media-body">
                        <h4 class="media-heading" tabindex="0"><i class="fa fa-tags"></i> {_name(body, lang)}
                            <span>{c.answered:%d/%m - %H:%M}</span></h4>
                        <p tabindex="0" id="{c.id}1">{escape(c.answer)}</p>
                    </div>
                </div>"""
    label = escape(d.rows[c.row - 1][0].get(lang)[:45]) + "..."
    return f"""<div class="media">
            <a class="pull-left"><img src="/public/images/no-avatar.png" alt="" class="media-object"></a>
            <div class="media-body">
                <h4 class="media-heading" tabindex="0">{escape(c.author)}</h4>
                <h4 class="media-heading" tabindex="0">
                    <a href="#{c.row}" npa-id="{c.row}" class="view-comment-part"><span>{c.row} {label}</span></a>
                    <span>{c.posted:%d/%m - %H:%M} {icon} /</span>
                </h4>
                <p tabindex="0" id="{c.id}">{escape(c.text)}</p>{answer}
            </div>
        </div>"""


def card_page(d: NpaDraft, body: WorldBody, lang: str, channel: str) -> str:
    latest = len(d.versions) + 1
    version_html = f"&#160; {t(L['version_n'], lang)} {latest} &#160;&#160;"
    if d.versions:
        previous = d.versions[0]
        version_html += (
            f'<a href="/application/viewcardhistory?id={previous.history_id}">'
            f"{t(L['version_n'], lang)} {previous.number}</a>"
        )
    until = d.discussion_until.strftime("%d/%m/%Y") if d.discussion_until else ""
    tabs = "".join(
        f'<li id="tab-{n}" class="tablinks"><a href="/npa/view?id={d.id}&typeComment={n}">{t(name, lang)}</a></li>'
        for n, name in CHANNELS
    )
    comments = d.comments if channel == "6" else ()
    shown = "\n        ".join(_comment(c, d, body, lang) for c in comments)
    return f"""{_breadcrumb(d, body, lang)}
<div class="npa-watermark">
    <div class="hide-mobile subscribe-wrapper">
        <a href="/application/downloadnpa?sysLang={lang}&id={d.docx_id}" class="btn btn-default">{t(L["download"], lang)}</a>
    </div>
    {_header(d, lang, version_html, until, with_online=True)}
    {_files(d, lang)}
    <small><b>{t(L["content"], lang)}</b></small>
    {_body_html(d, lang)}
    <div class="clear"></div>
    {_counters(d, body, lang)}
</div>
<div class="commentsTab"><div class="navbar-inner"><ul class="nav nav-tabs">{tabs}</ul></div></div>
<h2 tabindex="0">{t(L["comments"], lang)}</h2>
<div class="comments">
    <div class="main-comments">
        {shown}
    </div>
</div>"""


def history_page(d: NpaDraft, version: NpaVersion, body: WorldBody, lang: str) -> str:
    """An older version: the same template without comments; dates as ``2026-10-05 00:00:00.0``."""
    until = f"{version.discussion_until:%Y-%m-%d} 00:00:00.0" if version.discussion_until else ""
    version_html = f"&#160; {t(L['version_n'], lang)} {version.number} &#160;&#160;"
    older = [v for v in d.versions if v.number < version.number]
    if older:
        version_html += (
            f'<a href="/application/viewcardhistory?id={older[0].history_id}">'
            f"{t(L['version_n'], lang)} {older[0].number}</a>"
        )
    header = _header(d, lang, version_html, until, with_online=False).replace(
        d.created.strftime("%d/%m/%Y"), f"{version.created:%Y-%m-%d} 00:00:00.0", 1
    )
    return f"""{_breadcrumb(d, body, lang)}
<div class="npa-watermark">
    {header}
    {_files(d, lang)}
    <small><b>{t(L["content"], lang)}</b></small>
    {_body_html(d, lang)}
</div>"""
