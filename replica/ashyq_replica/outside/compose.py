"""Turning a page of blocks into HTML, the part every outside site shares; each site wraps the result
in its own layout and decides how headings, links and images look."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ashyq_replica.outside.blocks import render
from ashyq_replica.outside.context import Ctx, pick
from ashyq_replica.outside.model import Page
from ashyq_replica.outside.text_services import MEMO_FIELDS, memo

OTHER = {"kk": "ru", "ru": "kk"}
PLACEHOLDER = {"kk": "Бөлім толықтырылу үстінде.", "ru": "Раздел находится в стадии наполнения."}


@dataclass(frozen=True)
class Look:
    """How a site shows its blocks."""

    heading_tag: str = "h2"
    section_class: str = "block"
    # a site-local link token (``@news/3``, ``@news/archive``, ``@feedback``) → the site's URL
    resolve: Callable[[str, str], str] = lambda token, lang: "#"
    # what an external link (``class="ext"``) carries: extra attributes and text after it
    external_attrs: str = ""
    external_notice: dict[str, str] | None = None
    # the whole markup of one block, (heading, html, key) → html, when the site does not use sections
    section: Callable[[str, str, str], str] | None = None


def body(page: Page, ctx: Ctx, lang: str, look: Look) -> str:
    """The page's blocks in ``lang``, as the site's content area shows them."""
    if lang in page.placeholder:
        return f'<p class="placeholder">{PLACEHOLDER[lang]}</p>'
    parts: list[str] = []
    memo_keys = [u.key for u in page.blocks if u.key in MEMO_FIELDS and page.shows(u, lang)]
    memo_done = False
    for use in page.blocks:
        if not page.shows(use, lang):
            continue
        if use.key in MEMO_FIELDS:
            if not memo_done:
                title = pick(lang, "Қызметті алу жөніндегі жадынама", "Памятка о получении услуги")
                parts.append(_section(look, title, memo(ctx, lang, memo_keys)))
                memo_done = True
            continue
        state = use.state(lang)
        shown_in = OTHER[lang] if state == "foreign" else lang
        heading, html = render(use.key, ctx, shown_in, state == "stale")
        parts.append(_section(look, heading, html, use.key))
    return finish("".join(parts), lang, look)


def _section(look: Look, heading: str, html: str, key: str = "memo") -> str:
    if look.section is not None:
        return look.section(heading, html, key)
    tag = look.heading_tag
    return f'<section class="{look.section_class}" data-block="{key}"><{tag}>{heading}</{tag}>{html}</section>'


def finish(html: str, lang: str, look: Look) -> str:
    """Resolve the site-local link tokens and dress the external links the site's way."""
    html = re.sub(r'href="@([^"]*)"', lambda m: f'href="{look.resolve(m.group(1), lang)}"', html)
    notice = look.external_notice[lang] if look.external_notice else ""
    extra = f" {look.external_attrs}" if look.external_attrs else ""

    def external(m: re.Match[str]) -> str:
        return f'<a href="{m.group(1)}" class="ext"{extra}>{m.group(2)}{notice}</a>'

    return re.sub(r'<a href="([^"]*)" class="ext">(.*?)</a>', external, html)


def strip_alt(html: str) -> str:
    """A site that never writes alternative text."""
    return re.sub(r'\salt="[^"]*"', "", html)


def long_regulation(ctx: Ctx, lang: str, anchors: bool) -> str:
    """The regulation's full text as old sites publish it: chapters of numbered points."""
    chapters = [
        ("Жалпы ережелер", "Общие положения"),
        ("Мемлекеттік органның міндеттері", "Задачи государственного органа"),
        ("Мемлекеттік органның функциялары", "Функции государственного органа"),
        ("Құқықтары мен міндеттері", "Права и обязанности"),
        ("Қызметін ұйымдастыру", "Организация деятельности"),
        ("Мүлкі", "Имущество"),
        ("Қайта ұйымдастыру және тарату", "Реорганизация и упразднение"),
    ]
    point_kk = (
        "{n}. {name} Қазақстан Республикасының Конституциясына және заңдарына, Қазақстан Республикасы "
        "Президенті мен Үкіметінің актілеріне, өзге де нормативтік құқықтық актілерге, сондай-ақ осы Ережеге "
        "сәйкес {field} саласындағы мемлекеттік саясатты іске асыруға қатысады."
    )
    point_ru = (
        "{n}. {name} в соответствии с Конституцией и законами Республики Казахстан, актами Президента и "
        "Правительства Республики Казахстан, иными нормативными правовыми актами, а также настоящим "
        "Положением участвует в реализации государственной политики в сфере {field}."
    )
    toc, out, n = [], [], 0
    for c, (kk, ru) in enumerate(chapters, 1):
        title = f"{c}-тарау. {kk}" if lang == "kk" else f"Глава {c}. {ru}"
        anchor = f' id="ch{c}"' if anchors else ""
        toc.append(f'<li><a href="#ch{c}">{title}</a></li>')
        out.append(f"<h3{anchor}>{title}</h3>")
        for _ in range(9):
            n += 1
            template = point_kk if lang == "kk" else point_ru
            out.append(
                "<p>"
                + template.format(n=n, name=ctx.names[lang], field=ctx.field_kk if lang == "kk" else ctx.field_ru)
                + "</p>"
            )
    head = f'<ol class="toc">{"".join(toc)}</ol>' if anchors else ""
    return head + "".join(out)
