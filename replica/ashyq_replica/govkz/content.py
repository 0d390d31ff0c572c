"""The content of each gov.kz body: news, documents, leadership, events and reception questions.

Everything is generated from the world's seed and dated back from ``world.as_of``, so two runs of
one world serve identical bytes. A text missing in a language (a dict without that key) means the
body did not publish that language version: the API leaves the item out of that language's lists.
Which gaps exist is decided by :mod:`ashyq_replica.site_defects`, never here.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta
from functools import lru_cache
from typing import Any

from ashyq_replica.core import BODIES, World, WorldBody, template_of
from ashyq_replica.govkz import files, menu, texts
from ashyq_replica.govkz.feed import add_feed, edit_pages
from ashyq_replica.govkz.model import ALMATY, Curator, Document, Event, News, Question, SiteContent, Text, Upload
from ashyq_replica.site_defects import seeded

# How much each body publishes (ru counts; kk/en follow the seeded gaps).
NEWS_COUNT = {"enbek": 64, "adilet": 48, "mod": 36, "astana": 72, "karaganda": 30}
NEWS_GAP_DAYS = {"enbek": 4, "adilet": 5, "mod": 6, "astana": 3, "karaganda": 14}  # the longest gap between two news
DOC_COUNTS = {"npa": 12, "budget": 6, "inspections": 4, "statistics": 4, "plans": 2}
QUESTION_COUNT = {"enbek": (24, 30), "adilet": (20, 30), "mod": (20, 25), "astana": (44, 60), "karaganda": (20, 25)}
UNANSWERED = {"enbek": (0, 2), "adilet": (3, 3), "mod": (8, 7), "astana": (4, 5), "karaganda": (15, 16)}
DIRECTIONS = {"npa": 14601, "budget": 14602, "inspections": 14603, "statistics": 14604, "plans": 14605}


def _moment(world: World, days_ago: int, minute_of_day: int) -> datetime:
    day = world.days_ago(days_ago)
    return datetime.combine(day, time(9, 0), ALMATY) + timedelta(minutes=minute_of_day % 540)


def _tri(t: tuple[str, str, str], langs: tuple[str, ...], **fmt: Any) -> Text:
    return {
        lang: t[i].format(**fmt.get(lang, {}), **fmt.get("all", {}))
        for i, lang in enumerate(("kk", "ru", "en"))
        if lang in langs
    }


def _upload_path(created: datetime, key: str, ext: str) -> str:
    digest = hashlib.sha1(key.encode()).hexdigest()[:32]
    return f"/uploads/{created.year}/{created.month}/{created.day}/{digest}_original.{ext}"


_TRANSLIT = dict(  # Cyrillic (Russian and Kazakh) to Latin, for the slugs of titles; built once
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "sch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "a",
            "g",
            "k",
            "n",
            "o",
            "u",
            "u",
            "h",
            "i",
        ],
        strict=True,
    )
)


@lru_cache(maxsize=4096)  # generated bodies repeat their templates' titles
def _translit(text: str) -> str:
    out = "".join(_TRANSLIT.get(ch, ch if ch.isascii() and ch.isalnum() else "-") for ch in text.lower())
    return "-".join(part for part in out.split("-") if part)[:80]


def body_langs(body: WorldBody) -> tuple[str, ...]:
    return ("kk", "ru", "en") if body.has_english else ("kk", "ru")


def _news(world: World, site: SiteContent, index: int) -> None:
    body, rng = site.body, world.rng("govkz-news", site.body.id)
    topics = texts.TOPICS[template_of(body.id)]
    count = NEWS_COUNT[template_of(body.id)]
    full_english = body.has_english and not seeded(body.id, "english_partial")
    days = 0
    for i in range(count):
        days += rng.randint(1, NEWS_GAP_DAYS[template_of(body.id)]) if i else rng.randint(0, 1)
        created = _moment(world, days, rng.randint(0, 539))
        frame, topic = texts.NEWS_FRAMES[i % len(texts.NEWS_FRAMES)], topics[(i * 5 + i // 7) % len(topics)]
        langs = ["ru", "kk"]
        if seeded(body.id, "stale_kk_news", "kk") and days < 150:
            langs.remove("kk")  # the Kazakh editor stopped publishing
        if body.has_english and (full_english or i % 3 == 0):
            langs.append("en")
        fmt: dict[str, dict[str, str]] = {}
        for li, lang in enumerate(("kk", "ru", "en")):
            t = topic[li]
            fmt[lang] = {
                "topic": t,
                "Topic": t[:1].upper() + t[1:],
                "month": texts.MONTHS[lang][created.month - 1],
                "year": str(created.year),
            }
        title = {lang: frame[("kk", "ru", "en").index(lang)].format(**fmt[lang]) for lang in langs}
        name = {"kk": body.names.kk, "ru": body.names.ru, "en": body.names.en or body.names.ru}
        paragraphs = rng.sample(texts.NEWS_SENTENCES, 4)
        text = {
            lang: "".join(f"<p>{p[('kk', 'ru', 'en').index(lang)].format(body=name[lang])}</p>" for p in paragraphs)
            for lang in langs
        }
        short = {lang: texts.NEWS_SENTENCES[2][("kk", "ru", "en").index(lang)] for lang in langs}
        pic = _upload_path(created, f"{body.id}/news/{i}", "png")
        site.uploads[pic] = Upload(pic, "png", _photo(i % 4))
        site.news.append(
            News(
                900000 + index * 10000 + i,
                _translit(title["ru"]),
                created,
                title,
                short,
                text,
                pic,
                {lang: topic[("kk", "ru", "en").index(lang)] for lang in langs},
                rng.randint(40, 4000),
            )
        )


@lru_cache(maxsize=8)
def _photo(variant: int) -> bytes:
    colours = ((40, 90, 150), (200, 160, 40), (60, 130, 80), (150, 60, 60))
    return files.make_png(64, 40, colours[variant], (230, 230, 230))


def _document_file(doc_id: int, category: str, ext: str, title: str, created: datetime) -> bytes:
    if ext == "pdf":
        return files.make_pdf([f"gov.kz document {doc_id}", f"Category: {category}", f"Date: {created:%d.%m.%Y}"])
    if ext == "docx":
        return files.make_docx(title, [texts.NPA_CLAUSE[1].format(n=n) for n in range(1, 4)])
    if ext == "xlsx":
        return _budget_report()
    return files.make_zip({"plan.txt": title, "report.csv": "indicator;plan;fact\nA;100;97\nB;80;81\n"})


@lru_cache(maxsize=1)
def _budget_report() -> bytes:
    """Every budget report's workbook (the same figures: made once, not per document)."""
    rows: list[list[str | int | float]] = [["Показатель", "План", "Факт"]]
    rows += [[f"Бюджетная программа {100 + k}", 1000 * (k + 3), 950 * (k + 3)] for k in range(5)]
    return files.make_xlsx("Отчёт", rows)


def _documents(world: World, site: SiteContent, index: int) -> None:
    body, rng = site.body, world.rng("govkz-documents", site.body.id)
    langs = [lang for lang in site.langs if lang != "en" or not seeded(body.id, "english_partial")]
    topics = texts.TOPICS[template_of(body.id)]
    serial = 0
    for category, count in DOC_COUNTS.items():
        if category == "inspections" and seeded(body.id, "no_inspections"):
            continue
        if category == "budget" and "budget_restricted" in body.tags:
            continue  # the body's budget is restricted by law; the page says so
        frame, ext = texts.DOC_FRAMES[category]
        for k in range(count):
            base_days = {
                "npa": 20 + k * 45,
                "budget": 35 + k * 91,
                "inspections": 40 + k * 91,
                "statistics": 25 + k * 91,
                "plans": 60 + k * 330,
            }[category]
            if category == "budget" and seeded(body.id, "budget_stale"):
                base_days += 730
            created = _moment(world, base_days + rng.randint(0, 6), rng.randint(0, 539))
            quarter = (created.month - 1) // 3 + 1
            doc_langs = [lang for lang in langs if lang != "en" or category != "npa"]
            if category == "statistics" and seeded(body.id, "section_missing_kk_statistics", "kk"):
                doc_langs.remove("kk")
            if category == "npa" and k == 3 and seeded(body.id, "doc_missing_kk", "kk"):
                doc_langs.remove("kk")
            topic = topics[k % len(topics)]
            fmt = {lang: {"topic": topic[("kk", "ru", "en").index(lang)]} for lang in ("kk", "ru", "en")}
            common = {
                "date": f"{created:%d.%m.%Y}",
                "n": str(100 + rng.randint(1, 899)),
                "year": str(created.year),
                "q": str(quarter),
                "year_end": str(created.year + 4),
            }
            title = _tri(frame, tuple(doc_langs), all=common, **fmt)
            long_text = category == "npa" and k == 0
            content = {lang: _doc_html(lang, long_text, not seeded(body.id, "no_npa_anchors")) for lang in doc_langs}
            doc_id = 1050000 + index * 1000 + serial
            path = _upload_path(created, f"{body.id}/{doc_id}", ext)
            upload = Upload(path, ext, _document_file(doc_id, category, ext, title["ru"], created))
            site.uploads[path] = upload
            activity = ("Орталық аппарат", "Центральный аппарат", "Central office")
            site.documents.append(
                Document(
                    doc_id,
                    category,
                    created,
                    created + timedelta(days=rng.randint(0, 3)),
                    title,
                    content,
                    upload,
                    _tri(activity, tuple(doc_langs)),
                    long_text,
                )
            )
            serial += 1


def _doc_html(lang: str, long_text: bool, anchors: bool) -> str:
    li = ("kk", "ru", "en").index(lang)
    if not long_text:
        return "".join(f"<p>{texts.NPA_CLAUSE[li].format(n=n)}</p>" for n in range(1, 4))
    # The one long NPA: six chapters. With anchors it opens with a table of contents.
    parts, toc, clause = [], [], 1
    for c, chapter in enumerate(texts.NPA_CHAPTERS, start=1):
        heading = (
            f"{c}-тарау. {chapter[0]}"
            if lang == "kk"
            else (f"Глава {c}. {chapter[1]}" if lang == "ru" else f"Chapter {c}. {chapter[2]}")
        )
        toc.append(f'<li><a href="#chapter-{c}">{heading}</a></li>')
        parts.append(f'<h3 id="chapter-{c}">{heading}</h3>' if anchors else f"<p><b>{heading}</b></p>")
        for _ in range(5):
            parts.append(f"<p>{texts.NPA_CLAUSE[li].format(n=clause)}</p>")
            clause += 1
    return (f'<nav class="npa-toc"><ol>{"".join(toc)}</ol></nav>' if anchors else "") + "".join(parts)


def _people(world: World, site: SiteContent, index: int) -> None:
    rng = world.rng("govkz-people", site.body.id)
    people = rng.sample(texts.PEOPLE, 5)
    for order, ((last, first, middle), position) in enumerate(zip(people, texts.POSITIONS, strict=False), start=1):
        bio = (
            "{y} жылы туған. Әл-Фараби атындағы Қазақ ұлттық университетін бітірген.",
            "Родился(ась) в {y} году. Окончил(а) Казахский национальный университет имени аль-Фараби.",
            "Born in {y}. Graduated from Al-Farabi Kazakh National University.",
        )
        site.curators.append(
            Curator(
                700 + index * 20 + order,
                last,
                first,
                middle,
                _tri(position, site.langs),
                f"+7 7172 74-{10 + order:02d}-{rng.randint(10, 99)}",
                f"{_translit(last)}@{site.slug}.gov.kz",
                _tri(bio, site.langs, all={"y": str(1968 + rng.randint(0, 15))}),
                order,
            )
        )
    for k in range(4):
        start = datetime.combine(world.days_ago(-7 * (k + 1)), time(10, 0), ALMATY)
        title = ("Азаматтарды жеке қабылдау", "Личный приём граждан", "Personal reception of citizens")
        site.events.append(Event(60000 + index * 100 + k, _tri(title, site.langs), start, start + timedelta(hours=3)))


def _questions(world: World, site: SiteContent, index: int) -> None:
    body, rng = site.body, world.rng("govkz-vr", site.body.id)
    for li, lang in enumerate(("kk", "ru")):
        asked, unanswered = QUESTION_COUNT[template_of(body.id)][li], UNANSWERED[template_of(body.id)][li]
        if not seeded(body.id, "vr_unanswered", lang):
            unanswered = 0
        for k in range(asked):
            created = _moment(world, 3 + k * 6 + rng.randint(0, 4), rng.randint(0, 539))
            answered = k >= unanswered  # the newest ones wait for an answer
            q = texts.QUESTIONS[k % len(texts.QUESTIONS)]
            category = ("Мемлекеттік қызметтер", "Государственные услуги")[li]
            site.questions.append(
                Question(
                    40000 + index * 1000 + li * 500 + k,
                    lang,
                    q[li],
                    category,
                    created,
                    answered,
                    texts.ANSWER[li] if answered else None,
                    created + timedelta(days=2) if answered else None,
                )
            )


def govkz_bodies(world: World) -> list[WorldBody]:
    return [b for b in world.bodies if b.site == "govkz" and b.ids.govkz_slug]


_CACHE: dict[tuple[object, ...], SiteContent] = {}


def site_content(world: World, body: WorldBody) -> SiteContent:
    """The body's content, built once per world content (seed, date, faults, fixes, bodies) and body."""
    key = (world.content_key, body.id)
    if key not in _CACHE:
        index = next(i for i, b in enumerate(BODIES) if b.id == template_of(body.id))
        site = SiteContent(body, body.ids.govkz_slug or body.id, body_langs(body))
        site.options = {
            "langs": list(site.langs),
            "visitors": world.rng("govkz-visitors", body.id).randint(20_000, 400_000),
            "rss": not seeded(body.id, "no_rss"),
            "show_file_size": not seeded(body.id, "no_file_sizes"),
            "npa_anchors": not seeded(body.id, "no_npa_anchors"),
            "feedback_validation": not seeded(body.id, "no_feedback_validation"),
            "lang_switch_keeps_page": not seeded(body.id, "lang_switch_loses_page"),
            "search": {
                "fulltext": not seeded(body.id, "search_partial"),
                "keep_query": not seeded(body.id, "search_partial"),
            },
        }
        _news(world, site, index)
        _documents(world, site, index)
        add_feed(world, site)
        _people(world, site, index)
        _questions(world, site, index)
        menu.build_pages(world, site)
        edit_pages(world, site)
        _CACHE[key] = site
    return _CACHE[key]
