"""The replica world's own Appendix 9 reports: what each CGO and MIO of :data:`BODIES` declares for
the year of ``as_of``, as the YAML-equivalent mapping ``ashyq declare`` loads (docs/declared-reports.md).

Every declared link points at a real URL of a page the world serves and that shows what the row
claims, except the few rows seeded as untrue (:func:`declared_defects`, item ``R``).

Where the links point, and why. gov.kz entity pages are a JavaScript shell over plain HTTP (every
``/memleket/entities/...`` URL answers the same empty page), so the re-verifier could never find a
row's keywords there; the reports of the gov.kz bodies cite what a plain request does show:

* dialog.egov.kz — the first head's blog posts, internet conferences and polls, through the portal's
  own language switch ``/application/changelang?lang=kk|ru&location=<page>``: the portal keeps the
  language in a cookie, the same page URL serves Kazakh or Russian, and the switch is the only
  address that names the language (language, dates and keywords are all compared);
* budget.egov.kz — the cards of the budget materials (``/application/document?...&lang=kk|ru``),
  which take the language from the query (fully compared);
* www.gov.kz JSON API items (``/api/v1/public/content-manager/documents|events/<id>?lang=..``) for
  adopted orders and the reception schedule, and data.egov.kz passports (``/meta/<index>/<version>``):
  JSON, so the re-verifier confirms them by reachability only (a missing item, or one absent in the
  asked language, answers 404); the tests check their content against the row themselves;
* the classic site of Kostanay region (``https://www.kostanay.gov.kz/kk|ru/...``), server-rendered.

legalacts.egov.kz and the data.egov.kz passport page are not cited: they too keep the language in a
cookie, and their switch is closed by robots.txt (or absent).

Compliance varies as the world intends: enbek reports everything and on time; adilet and astana
nearly so; mod (budget restricted by law, no budget tables) is in between; karaganda is poor (few
events, most of them not of high publicity, Kazakh materials missing for Russian-only blog posts,
late answers to the media, the lowest survey figures); kostanay (classic site) sits in the middle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ashyq.base.forms import FORMAT
from ashyq.base.vocabulary import LANGS
from ashyq.base.working_days import add_working_days
from ashyq_replica.core import BUDGET_HOST, DATA_HOST, DIALOG_HOST, GOVKZ_HOST, Defect, World, WorldBody
from ashyq_replica.govkz.content import site_content
from ashyq_replica.portals.content.catalogue import portal_content
from ashyq_replica.portals.content.model import BlogPost, BodyPortalContent, BudgetMaterial, Dataset, DialogEvent

Row = dict[str, Any]
KOSTANAY = "https://www.kostanay.gov.kz"


# ------------------------------------------------------------------------------------------- profiles
@dataclass(frozen=True)
class Profile:
    """How well a body reports: the figures it declares and how many of its events were public enough."""

    media_events: int  # events listed in Table 5-1 row 1
    high_publicity: int  # of them, with all four conditions
    events_total: int  # events held (cover)
    media_survey: float  # point 83, % of media satisfied
    population_survey: float  # point 84, % of the population satisfied (D bands: >80, 69-79, 58-68, 47-57, 36-46, <35)
    requests: tuple[tuple[str, int | None], ...]  # (incoming date, working days to the answer; None = unanswered)
    publicity: tuple[str, ...] = ()  # Table 4 row 5 levels, one per event of the draft-law programme (CGO)


PROFILES: dict[str, Profile] = {
    "enbek": Profile(
        14,
        14,
        14,
        94.0,
        86.0,
        (
            ("2026-01-14", 3),
            ("2026-03-18", 5),
            ("2026-05-06", 4),
            ("2026-07-02", 2),
            ("2026-09-15", 5),
            ("2026-11-02", 1),
        ),
        ("announced-streamed-journalists-questions",) * 3,
    ),
    "adilet": Profile(
        12,
        10,
        13,
        81.0,
        76.0,
        (("2026-02-10", 4), ("2026-03-19", 7), ("2026-06-03", 5), ("2026-10-12", 3), ("2026-11-05", 2)),
        ("announced-streamed-journalists-questions", "announced-streamed-stakeholders"),
    ),
    "mod": Profile(
        9,
        5,
        10,
        67.5,
        41.0,
        (("2026-02-20", 5), ("2026-04-27", 8), ("2026-08-28", 6), ("2026-10-20", None)),
        ("announced-streamed", "no-outside-participants"),
    ),
    "astana": Profile(
        13,
        12,
        13,
        88.0,
        64.0,
        (("2026-01-05", 5), ("2026-03-20", 5), ("2026-06-30", 4), ("2026-08-25", 3), ("2026-11-10", 2)),
    ),
    "karaganda": Profile(
        5,
        2,
        7,
        42.0,
        31.0,
        (("2026-03-17", 9), ("2026-05-05", 6), ("2026-09-01", 4), ("2026-10-26", 12)),
    ),
    "kostanay": Profile(
        12,
        8,
        14,
        72.5,
        52.0,
        (("2026-03-18", 5), ("2026-05-08", 5), ("2026-07-03", 7), ("2026-10-01", 3)),
    ),
}
NGOS = "ОФ «Шаңырақ» — доступность государственных услуг; ОО «Адал азамат» — обращения граждан"
MEDIA = ("Казинформ", "Хабар 24", "Егемен Қазақстан", "Казахстанская правда", "Tengrinews", "Ulys Media")


# ------------------------------------------------------------------------------------------- links
def dialog_link(path: str, lang: str) -> str:
    """A dialog.egov.kz page in one language: the portal's language switch, sent on to the page."""
    return f"https://{DIALOG_HOST}/application/changelang?lang={lang}&location={quote(path, safe='/')}"


def budget_link(body: WorldBody, material: BudgetMaterial, lang: str) -> str:
    agency = body.ids.budget_gov_agency_id
    return f"https://{BUDGET_HOST}/application/document?govAgencyId={agency}&documentId={material.id}&lang={lang}"


def govkz_api_link(kind: str, item_id: int, lang: str) -> str:
    return f"https://{GOVKZ_HOST}/api/v1/public/content-manager/{kind}/{item_id}?lang={lang}"


def dataset_link(dataset: Dataset, lang: str) -> str:
    return f"https://{DATA_HOST}/meta/{dataset.api_uri}/{dataset.version}?lang={lang}"


def kostanay_link(route: str, lang: str) -> str:
    return f"{KOSTANAY}/{lang}{route}"


def _titled(title_kk: str | None, title_ru: str | None, **links: str | None) -> Row:
    row: Row = {"title_kk": title_kk, "title_ru": title_ru}
    row.update({k: v for k, v in links.items() if v})
    return {k: v for k, v in row.items() if v is not None}


def _post_row(post: BlogPost, **extra: Any) -> Row:
    links = {f"link_{lang}": dialog_link(f"/blogs/posts/{post.id}", lang) for lang in LANGS if lang in post.langs}
    return {**_titled(post.title.kk, post.title.ru, **links), "date": post.posted, **extra}


def _event_row(event: DialogEvent, **extra: Any) -> Row:
    path = f"/blogs/{'conferences' if event.kind == 'conference' else 'polls'}/{event.id}"
    links = {f"link_{lang}": dialog_link(path, lang) for lang in LANGS}
    return {**_titled(event.title.kk, event.title.ru, **links), "date": event.start, **extra}


# ------------------------------------------------------------------------------------------- forms
def _posts(content: BodyPortalContent, year: int | None, *titles_ru: str) -> list[BlogPost]:
    """The blog's posts of ``year`` (any year when None) with one of the titles, oldest first."""
    blog = content.blog
    posts = [p for p in (blog.posts if blog else ()) if year is None or p.posted.year == year]
    if titles_ru:
        posts = [p for p in posts if p.title.ru in titles_ru]
    return sorted(posts, key=lambda p: (p.posted, p.id))


def _open_data(world: World, body: WorldBody, content: BodyPortalContent) -> list[Row]:
    year = world.as_of.year
    rows: list[Row] = []
    for d in content.datasets:
        links = {f"link_{lang}": dataset_link(d, lang) for lang in LANGS}
        if d.required_code is not None:
            rows.append({"row": "1", **_titled(d.name.kk, d.name.ru, **links), "note": d.required_code})
        else:
            rows.append({"row": "2", **_titled(d.name.kk, d.name.ru, **links), "decision": "published"})
        if d.uploaded_by_api:
            rows.append({"row": "4", **_titled(d.name.kk, d.name.ru, **links)})
    blog_events = content.blog.events if content.blog else ()
    for event in sorted(blog_events, key=lambda e: (e.start, e.id)):
        if event.about_open_data and event.start.year == year:
            kind = "internet_conference" if event.kind == "conference" else "poll"
            participants = 40 + world.rng("declared", body.id, event.id).randrange(200)
            rows.append({"row": "3", **_event_row(event, kind=kind, participants=participants)})
    # Meetings with IT companies: the head's blog reports them under «Работа по цифровизации».
    halves: set[int] = set()
    for post in _posts(content, year, "Работа по цифровизации"):
        half = 1 if post.posted.month <= 6 else 2
        if half not in halves and post.posted <= world.as_of:
            halves.add(half)
            rows.append({"row": "3", **_post_row(post, kind="it_meeting", participants=12 + half * 5)})
    return rows


def _budget(body: WorldBody, content: BodyPortalContent) -> list[Row]:
    budget = content.budget
    if budget is None or budget.restricted:
        return []  # mod: budget information restricted by law, nothing to declare
    if body.kind == "cgo":
        rows_by_kind = {
            "fs_balance": "1",
            "fs_results": "1",
            "plan_report": "2",
            "programme_report": "3",
            "audit_results": "4",
            "discussion_announcement": "8",
        }
    else:
        rows_by_kind = {"fs_balance": "1", "fs_results": "1", "audit_results": "2", "discussion_announcement": "6"}
    rows: list[Row] = []
    for m in sorted(budget.materials, key=lambda m: (m.posted, m.id)):
        number = rows_by_kind.get(m.kind)
        if number is None:
            continue
        links = {f"link_{lang}": budget_link(body, m, lang) for lang in LANGS if lang in m.langs}
        row: Row = {"row": number, **_titled(m.title.kk, m.title.ru, **links), "date": m.posted}
        if m.received is not None:
            row["received_date"] = m.received
        rows.append(row)
    return rows


def _npa_govkz(world: World, body: WorldBody, content: BodyPortalContent, profile: Profile) -> list[Row]:
    site = site_content(world, body)
    year = world.as_of.year
    docs = sorted(
        (d for d in site.documents if d.category == "npa" and d.created.year == year),
        key=lambda d: (d.created, d.id),
        reverse=True,
    )
    rows: list[Row] = []
    for number, doc in zip(("2", "2", "4"), docs, strict=False):
        links = {f"link_{lang}": govkz_api_link("documents", doc.id, lang) for lang in LANGS if lang in doc.title}
        rows.append(
            {"row": number, **_titled(doc.title.get("kk"), doc.title.get("ru"), **links), "date": doc.created.date()}
        )
    if body.kind == "cgo":
        # The programme's events: public-council sittings and meetings with entrepreneurs, newest first.
        councils = _posts(content, year, "О заседании общественного совета")[::-1]
        councils += _posts(content, year, "Встреча с предпринимателями")[::-1]
        for post, level in zip(councils, profile.publicity, strict=False):
            rows.append({"row": "5", **_post_row(post, publicity=level)})
    return rows


def _dialogue_govkz(world: World, body: WorldBody, content: BodyPortalContent) -> list[Row]:
    year = world.as_of.year
    rng = world.rng("declared", body.id, "dialogue")
    rows: list[Row] = []
    for event in sorted(content.blog.events if content.blog else (), key=lambda e: (e.start, e.id)):
        if event.start.year == year:
            rows.append({"row": "1", **_event_row(event, participants=50 + rng.randrange(300))})
    for post in _posts(content, year, "О заседании общественного совета")[-2:]:
        rows.append({"row": "2", **_post_row(post)})
    for post in _posts(content, year, "Итоги полугодия", "О положении дел в регионах")[-2:]:
        rows.append({"row": "3", **_post_row(post)})
    site = site_content(world, body)
    for scheduled in site.events[:2]:  # the reception schedule the platform publishes
        links = {
            f"link_{lang}": govkz_api_link("events", scheduled.id, lang) for lang in LANGS if lang in scheduled.title
        }
        title = _titled(scheduled.title.get("kk"), scheduled.title.get("ru"), **links)
        rows.append({"row": "4.1", **title, "date": scheduled.start.date()})
    for post in _posts(content, year, "Состоялся личный приём граждан")[-1:]:
        received = 20 + rng.randrange(60)
        systemic = rng.randrange(2, 8)
        rows.append(
            {
                "row": "4.3",
                **_post_row(
                    post, citizens_received=received, issues_private=received - systemic, issues_systemic=systemic
                ),
            }
        )
    if body.kind == "cgo":
        rows.append(
            {
                "row": "4.4",
                "title_ru": "Встреча с некоммерческими организациями",
                "title_kk": "Коммерциялық емес ұйымдармен кездесу",
                "date": dt.date(year, 6, 12),
                "participants": 18 + rng.randrange(20),
                "ngos": NGOS,
            }
        )
    return rows


def _media_events_govkz(world: World, body: WorldBody, content: BodyPortalContent, profile: Profile) -> list[Row]:
    posts = _posts(content, world.as_of.year)
    posts = [p for p in posts if p.posted <= world.as_of][-profile.media_events :]
    rows: list[Row] = []
    for n, post in enumerate(posts):
        high = n < profile.high_publicity
        rows.append(_media_event(_post_row(post), high, n))
    return rows


def _media_event(row: Row, high: bool, n: int) -> Row:
    yes, no = "да", "нет"
    return {
        **row,
        "announced": yes,
        "streamed": yes if high or n % 2 else no,
        "journalists": yes,
        "live_questions": yes if high else no,
        "mailing": f"№ 04-{100 + n}",
    }


def _media_requests(world: World, body: WorldBody, profile: Profile) -> list[Row]:
    rows: list[Row] = []
    prefix = body.id[:3].upper()
    for n, (incoming, days) in enumerate(profile.requests, start=1):
        received = dt.date.fromisoformat(incoming)
        row: Row = {
            "media": MEDIA[(n + len(body.id)) % len(MEDIA)],
            "incoming_no": f"{prefix}-{n:02d}",
            "incoming_date": received,
        }
        if days is not None:
            row.update(outgoing_no=f"{prefix}-{n:02d}/1", answer_date=add_working_days(received, days))
        rows.append(row)
    return rows


def _subordinates(world: World, body: WorldBody) -> list[Row]:
    rows: list[Row] = []
    for sub in world.bodies:
        if sub.parent != body.id or sub.classic_host is None:
            continue
        home = f"https://{sub.classic_host}/ru/" if sub.id == "zqai" else f"https://{sub.classic_host}/?lang=ru"
        rows.append({"row": "1", "organisation": sub.names.ru, "link": home})
        for d in portal_content(world)[sub.id].datasets:
            rows.append({"row": "2", "organisation": sub.names.ru, "link": dataset_link(d, "ru")})
    return rows


# ------------------------------------------------------------------------------------------- kostanay
KOSTANAY_NEWS = {  # route → (kk, ru) titles as the classic site shows them
    "/news/1": ("Облыста егін жинау аяқталды", "В области завершена уборка урожая"),
    "/news/2": ("Қостанайда жаңа мектеп ашылды", "В Костанае открылась новая школа"),
    "/news/3": ("Жылу маусымына дайындық жалғасуда", "Продолжается подготовка к отопительному сезону"),
    "/news/4": ("Аким азаматтарды қабылдады", "Аким провёл приём граждан"),
    "/news/5": ("Ауылдық жолдар жөнделді", "Отремонтированы сельские дороги"),
    "/news/6": ("Кәсіпкерлерге гранттар берілді", "Предпринимателям вручены гранты"),
}


def _kostanay_row(number: int, **extra: Any) -> Row:
    """News ``/news/<number>``: the site repeats six subjects, newest first."""
    route = f"/news/{number}"
    kk, ru = KOSTANAY_NEWS[f"/news/{(number - 1) % len(KOSTANAY_NEWS) + 1}"]
    links = {f"link_{lang}": kostanay_link(route, lang) for lang in LANGS}
    return {**_titled(kk, ru, **links), **extra}


def _kostanay_forms(world: World, content: BodyPortalContent, profile: Profile) -> dict[str, list[Row]]:
    year = world.as_of.year
    dialogue: list[Row] = []
    for event in sorted(content.blog.events if content.blog else (), key=lambda e: (e.start, e.id)):
        if event.start.year == year:
            dialogue.append({"row": "1", **_event_row(event, participants=120)})
    dialogue.append({"row": "4.1", **_kostanay_row(10, date=dt.date(year, 9, 23))})
    dialogue.append(
        {
            "row": "4.3",
            **_kostanay_row(4, date=dt.date(year, 10, 28), citizens_received=37, issues_private=33, issues_systemic=4),
        }
    )
    for post in _posts(content, year, "О заседании общественного совета")[-1:]:
        dialogue.append({"row": "2", **_post_row(post)})
    npa = [
        {
            "row": "2",
            **_kostanay_row(6, date=dt.date(year, 10, 18), note="постановление акимата о грантах размещено с новостью"),
        }
    ]
    events: list[Row] = []
    for n in range(profile.media_events):
        events.append(_media_event(_kostanay_row(n + 1), n < profile.high_publicity, n))
    return {"dialogue": dialogue, "npa": npa, "media_events": events}


# ------------------------------------------------------------------------------------------- untrue rows
@dataclass(frozen=True)
class UntrueRow:
    """A row seeded as untrue: its form, the row, why it is untrue and the link that shows it."""

    form: str
    row: Row
    description: str
    where: str


def untrue_rows(world: World, body_id: str) -> list[UntrueRow]:
    """The rows of a body's report that the re-verification must find untrue (item R)."""
    year = world.as_of.year
    out: list[UntrueRow] = []
    if body_id == "mod":
        missing = 302999  # a blog post the first head never published
        row = _media_event(
            {
                "title_kk": "Қорғаныс министрінің баспасөз конференциясы",
                "title_ru": "Пресс-конференция министра обороны",
                "date": dt.date(year, 5, 7),
                "link_kk": dialog_link(f"/blogs/posts/{missing}", "kk"),
                "link_ru": dialog_link(f"/blogs/posts/{missing}", "ru"),
            },
            True,
            90,
        )
        out.append(
            UntrueRow(
                "media_events",
                row,
                "a declared press conference: its material does not exist (404)",
                str(row["link_ru"]),
            )
        )
    if body_id == "karaganda":
        content = portal_content(world)["karaganda"]
        # early in a year the period may have no such post yet: the latest one of any year serves
        greeting = "Поздравление ветеранов с праздником"
        veterans = (_posts(content, year, greeting) or _posts(content, None, greeting) or _posts(content, None))[-1]
        row = {
            "row": "2",
            "title_ru": "Открытое заседание по вопросам газификации сёл в режиме онлайн-трансляции",
            "title_kk": "Ауылдарды газдандыру мәселелері бойынша ашық отырыс онлайн-трансляция режимінде",
            "date": veterans.posted,
            "link_kk": dialog_link(f"/blogs/posts/{veterans.id}", "kk"),
            "link_ru": dialog_link(f"/blogs/posts/{veterans.id}", "ru"),
        }
        out.append(
            UntrueRow(
                "dialogue",
                row,
                "a declared streamed open meeting: the cited page is a greeting to veterans and shows no such meeting",
                str(row["link_ru"]),
            )
        )
        missing_doc = 1054999  # an order the akimat never published
        row = {
            "row": "4",
            "title_ru": "Объявление о публичном обсуждении проекта правил содержания животных",
            "title_kk": "Жануарларды ұстау қағидалары жобасын жария талқылау туралы хабарландыру",
            "date": dt.date(year, 4, 14),
            "link_kk": govkz_api_link("documents", missing_doc, "kk"),
            "link_ru": govkz_api_link("documents", missing_doc, "ru"),
        }
        out.append(
            UntrueRow(
                "npa",
                row,
                "a declared announcement of a public discussion: the cited document does not exist (404)",
                str(row["link_ru"]),
            )
        )
    if body_id == "kostanay":
        row = {
            "row": "4",
            "title_ru": "Объявление о публичном обсуждении проекта правил благоустройства",
            "title_kk": "Абаттандыру қағидалары жобасын жария талқылау туралы хабарландыру",
            "date": dt.date(year, 11, 3),
            "link_kk": kostanay_link("/news/3", "kk"),
            "link_ru": kostanay_link("/news/3", "ru"),
        }
        out.append(
            UntrueRow(
                "npa",
                row,
                "a declared announcement of a public discussion: the cited news is about the heating season",
                str(row["link_ru"]),
            )
        )
    return out


# ------------------------------------------------------------------------------------------- report
def _unshared(value: Any) -> Any:
    """Every mapping and list its own copy: a body writes its report out in full, and YAML would turn a
    shared one into an anchor and alias, which the declared-report loader refuses."""
    if isinstance(value, dict):
        return {k: _unshared(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unshared(v) for v in value]
    if isinstance(value, dt.datetime):
        return dt.datetime.fromisoformat(value.isoformat())
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return value


def declared_report(world: World, body_id: str) -> dict[str, Any]:
    """The body's Appendix 9 report for the year of ``as_of``, as the YAML-equivalent mapping."""
    body = world.body(body_id)
    if body.kind not in ("cgo", "mio"):
        raise ValueError(f"{body_id} is a subordinate organisation: its parent reports for it (Table 6)")
    profile = PROFILES[body_id]
    content = portal_content(world)[body_id]
    year = world.as_of.year
    general: Row = {
        "body_id": body.id,
        "name_ru": body.names.ru,
        "name_kk": body.names.kk,
        "period": str(year),
        "events_total": profile.events_total,
        "media_survey_percent": profile.media_survey,
        "population_survey_percent": profile.population_survey,
        "open_data_list_link": f"https://{DATA_HOST}/datasets/listbygovagency?govAgencyId={body.ids.data_gov_agency_id}",
        "open_data_approved_count": len(content.required_datasets),
    }
    report: dict[str, Any] = {"format": FORMAT, "general": general, "open_data": _open_data(world, body, content)}
    report["budget_cgo" if body.kind == "cgo" else "budget_mio"] = _budget(body, content)
    if body.site == "govkz":
        report["npa"] = _npa_govkz(world, body, content, profile)
        report["dialogue"] = _dialogue_govkz(world, body, content)
        report["media_events"] = _media_events_govkz(world, body, content, profile)
    else:
        report.update(_kostanay_forms(world, content, profile))
    report["media_requests"] = _media_requests(world, body, profile)
    if body.kind == "cgo":
        report["subordinates"] = _subordinates(world, body)
    for untrue in untrue_rows(world, body_id):
        report.setdefault(untrue.form, []).append(untrue.row)
    return _unshared(report)


def declared_bodies(world: World) -> list[str]:
    """The bodies that submit a report: every CGO and MIO."""
    return [b.id for b in world.bodies if b.kind in ("cgo", "mio")]


def declared_defects(world: World) -> list[Defect]:
    """Item R (unreliable reporting): one defect per seeded untrue row; ``facts`` is the body's count
    of untrue facts, the figure its reconciliation act must show."""
    out: list[Defect] = []
    for body_id in declared_bodies(world):
        rows = untrue_rows(world, body_id)
        for untrue in rows:
            out.append(
                Defect(
                    body_id,
                    "R",
                    None,
                    f"declared report: {untrue.description}",
                    untrue.where,
                    "fail",
                    (("facts", len(rows)),),
                )
            )
    return out
