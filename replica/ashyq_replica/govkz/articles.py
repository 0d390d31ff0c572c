"""The ``article`` content type of a gov.kz body («Мақалалар» / «Статьи»): explanatory pieces the
platform serves at ``/memleket/entities/<slug>/press/article/details/<id>`` (portals.md 1.2) and
through the API (portals.md 1.3/1.4: ``id title alias content short_description heropic
publication_date``). No menu of the platform template links them: a harvest that follows the menu
never sees them, as on the live site.

Each article explains one of the body's newest normative acts and links its detail page and its
file, in every language the act has. Built from the body's content, so two runs of a world serve the
same bytes.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ashyq_replica.govkz.model import Document, SiteContent, iso

ARTICLES_PER_BODY = 3
FIRST_ID = 235400  # as the live ids look (portals.md: .../minfin/press/article/details/235407)

_TITLE = (
    "Түсіндірме: «{title}»",
    "Разъяснение: «{title}»",
    "Explanation: “{title}”",
)
_LEAD = (
    "Құжаттың негізгі ережелері және оның азаматтарға қатысы.",
    "Основные положения документа и что он меняет для граждан.",
    "The main provisions of the document and what it changes for citizens.",
)
_BODY = (
    'Құжаттың толық мәтіні: <a href="{page}">құжат беті</a>. Файлы: <a href="{file}">жүктеу</a>.',
    'Полный текст документа: <a href="{page}">страница документа</a>. Файл: <a href="{file}">скачать</a>.',
    'The full text of the document: <a href="{page}">the document\'s page</a>. File: <a href="{file}">download</a>.',
)
_LANGS = ("kk", "ru", "en")


def _explained(site: SiteContent) -> list[Document]:
    acts = [d for d in site.documents if d.category == "npa"] or list(site.documents)
    return sorted(acts, key=lambda d: d.created, reverse=True)[:ARTICLES_PER_BODY]


def serialise(site: SiteContent, lang: str) -> list[dict[str, Any]]:
    """The body's articles in ``lang`` as the API serves them (an act without ``lang`` has none)."""
    out = []
    i = _LANGS.index(lang)
    for n, act in enumerate(_explained(site)):
        if lang not in act.title:
            continue
        page = f"/memleket/entities/{site.slug}/documents/details/{act.id}?lang={lang}"
        content = f"<p>{_LEAD[i]}</p><p>{_BODY[i].format(page=page, file=act.upload.path)}</p>"
        out.append(
            {
                "id": _id(site, n),
                "title": _TITLE[i].format(title=act.title[lang]),
                "alias": f"article-{act.id}",
                "content": content,
                "short_description": _LEAD[i],
                "heropic": None,
                "publication_date": iso(act.created + timedelta(days=1)),
                "created_date": iso(act.created + timedelta(days=1)),
                "projects": site.slug,
            }
        )
    return out


def _id(site: SiteContent, n: int) -> int:
    # the body's first document id keeps two bodies' articles apart
    first = min((d.id for d in site.documents), default=0)
    return FIRST_ID + first * 10 + n
