"""Every website defect seeded into the replica, declared as data.

One table drives both sides: the generators of gov.kz and of the classic sites ask :func:`seeded`
whether to break something, and the ground truth (:func:`ashyq_replica.truth.site_defects`) turns
the same rows into :class:`~ashyq_replica.core.Defect` records. A defect can therefore not exist on
a site without being in the truth, nor the other way round. ``knob`` is the switch a generator
reads; the rest is what a correct check must report. Figures that depend on generated content
(counts, ratios) are measured on the content itself by the truth, which reads the generators: this
table reads none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ashyq_replica.core import BODIES, Defect, World, WorldBody, template_of

GOV = "https://www.gov.kz/memleket/entities"


@dataclass(frozen=True)
class Seed:
    body: str
    knob: str
    item: str
    lang: str | None
    description: str
    where: str
    expected: Literal["fail", "partial"] = "fail"
    measured: tuple[tuple[str, float | int | str], ...] = ()


def _both(
    body: str, knob: str, item: str, description: str, where: str, expected: Literal["fail", "partial"]
) -> tuple[Seed, ...]:
    return tuple(
        Seed(body, knob, item, lang, description, where.replace("{lang}", lang), expected) for lang in ("kk", "ru")
    )


SEEDS: tuple[Seed, ...] = (
    # --- enbek: the model body; only a few questions of the virtual reception wait for an answer.
    Seed(
        "enbek",
        "vr_unanswered",
        "T7-6",
        "ru",
        "2 of the Russian questions in «Ask a question» are unanswered",
        f"{GOV}/enbek/activities/vopros-otvet?lang=ru",
        "partial",
    ),
    # --- adilet: good, with gaps in translation and downloads.
    Seed(
        "adilet",
        "doc_missing_kk",
        "A15-1.4",
        "kk",
        "one adopted order has no Kazakh version (only ru in the API)",
        f"{GOV}/adilet/documents/details/<missing-kk-id>?lang=kk",
        "partial",
    ),
    Seed(
        "adilet",
        "no_file_sizes",
        "A14-2.6",
        None,
        "download links name neither the format nor the size",
        f"{GOV}/adilet/documents/details/*",
        "partial",
    ),
    Seed(
        "adilet",
        "english_partial",
        "A14-4.5",
        None,
        "English covers the home page and news only; sections stay untranslated",
        f"{GOV}/adilet?lang=en",
        "partial",
    ),
    Seed("adilet", "no_polls", "A14-4.2", None, "no polls page in the menu", f"{GOV}/adilet?lang=ru"),
    Seed(
        "adilet",
        "vr_unanswered",
        "T7-6",
        "kk",
        "some Kazakh questions in «Ask a question» are unanswered",
        f"{GOV}/adilet/activities/vopros-otvet?lang=kk",
        "partial",
    ),
    Seed(
        "adilet",
        "vr_unanswered",
        "T7-6",
        "ru",
        "some Russian questions in «Ask a question» are unanswered",
        f"{GOV}/adilet/activities/vopros-otvet?lang=ru",
        "partial",
    ),
    # --- mod: in between; budget is restricted by law (an exemption, not a defect).
    Seed("mod", "no_rss", "A14-4.3", None, "no RSS feed of news or tenders", f"{GOV}/mod/press/news/rss?lang=ru"),
    Seed(
        "mod",
        "no_npa_anchors",
        "A14-2.7",
        None,
        "the long order is one block of text without internal anchors",
        f"{GOV}/mod/documents/details/<long-npa-id>?lang=ru",
        "partial",
    ),
    Seed("mod", "no_english", "A14-4.5", None, "no English version", f"{GOV}/mod?lang=en"),
    Seed(
        "mod",
        "no_feedback_validation",
        "A14-3.5",
        None,
        "the feedback form submits empty fields without any error text",
        f"{GOV}/mod/activities/feedback?lang=ru",
    ),
    *_both(
        "mod", "no_inspections", "T7-3", "no results of inspections are published", f"{GOV}/mod?lang={{lang}}", "fail"
    ),
    *_both(
        "mod",
        "contacts_incomplete",
        "T7-1",
        "contacts lack the press service, the ethics commissioner and social media",
        f"{GOV}/mod/contacts?lang={{lang}}",
        "partial",
    ),
    *_both(
        "mod",
        "vr_unanswered",
        "T7-6",
        "a share of questions in «Ask a question» is unanswered",
        f"{GOV}/mod/activities/vopros-otvet?lang={{lang}}",
        "partial",
    ),
    # --- astana: good, but the language switch and the search are weak.
    Seed(
        "astana",
        "lang_switch_loses_page",
        "A14-2.9",
        None,
        "the language switch always opens the home page, not the same page",
        f"{GOV}/astana/press/news/details/*",
        "partial",
    ),
    Seed(
        "astana",
        "search_partial",
        "A14-2.5",
        None,
        "search matches titles only and the results page empties the search box",
        f"{GOV}/astana/search?query=...",
        "partial",
    ),
    Seed(
        "astana",
        "english_partial",
        "A14-4.5",
        None,
        "English covers the home page and news only",
        f"{GOV}/astana?lang=en",
        "partial",
    ),
    *_both(
        "astana",
        "vr_unanswered",
        "T7-6",
        "a few questions in «Ask a question» are unanswered",
        f"{GOV}/astana/activities/vopros-otvet?lang={{lang}}",
        "partial",
    ),
    # --- karaganda: the poor one.
    Seed(
        "karaganda",
        "no_rss",
        "A14-4.3",
        None,
        "no RSS feed of news or tenders",
        f"{GOV}/karaganda/press/news/rss?lang=ru",
    ),
    Seed("karaganda", "no_feedback_form", "A14-4.1", None, "no feedback form", f"{GOV}/karaganda?lang=ru"),
    Seed("karaganda", "no_polls", "A14-4.2", None, "no polls page", f"{GOV}/karaganda?lang=ru"),
    Seed("karaganda", "no_faq", "A14-4.4", None, "no FAQ section", f"{GOV}/karaganda?lang=ru"),
    Seed(
        "karaganda",
        "search_partial",
        "A14-2.5",
        None,
        "search matches titles only and empties the search box",
        f"{GOV}/karaganda/search?query=...",
        "partial",
    ),
    Seed(
        "karaganda",
        "no_file_sizes",
        "A14-2.6",
        None,
        "download links name neither format nor size",
        f"{GOV}/karaganda/documents/details/*",
        "partial",
    ),
    Seed(
        "karaganda",
        "no_npa_anchors",
        "A14-2.7",
        None,
        "the long decree has no internal anchors",
        f"{GOV}/karaganda/documents/details/<long-npa-id>?lang=ru",
        "partial",
    ),
    Seed("karaganda", "no_english", "A14-4.5", None, "no English version", f"{GOV}/karaganda?lang=en"),
    Seed(
        "karaganda",
        "dead_link",
        "A14-2.9",
        None,
        "the «About the region» page links to a page that does not exist",
        f"{GOV}/karaganda/about?lang=ru",
        "partial",
    ),
    Seed(
        "karaganda",
        "stale_kk_news",
        "A15-1.12",
        "kk",
        "the Kazakh news feed stopped about five months ago",
        f"{GOV}/karaganda/press/news/1?lang=kk",
        "partial",
    ),
    Seed(
        "karaganda",
        "section_missing_kk_statistics",
        "T7-5",
        "kk",
        "the statistics section exists only in Russian",
        f"{GOV}/karaganda/activities/statistics?lang=kk",
    ),
    *_both(
        "karaganda",
        "budget_stale",
        "T7-2",
        "the latest report on the use of budget funds is two years old",
        f"{GOV}/karaganda/activities/budget?lang={{lang}}",
        "partial",
    ),
    *_both(
        "karaganda",
        "no_inspections",
        "T7-3",
        "no results of inspections are published",
        f"{GOV}/karaganda?lang={{lang}}",
        "fail",
    ),
    *_both(
        "karaganda",
        "contacts_incomplete",
        "T7-1",
        "contacts lack the press service, the ethics commissioner and social media",
        f"{GOV}/karaganda/contacts?lang={{lang}}",
        "partial",
    ),
    *_both(
        "karaganda",
        "no_vacancies",
        "A15-1.10",
        "the vacancies page is empty and has no qualification requirements",
        f"{GOV}/karaganda/activities/vacancies?lang={{lang}}",
        "partial",
    ),
    *_both(
        "karaganda",
        "service_memo_incomplete",
        "A16-1.3-mio",  # public services are row 3 of the MIO table of Appendix 16
        "public-service memos omit cost and term",
        f"{GOV}/karaganda/activities/services?lang={{lang}}",
        "partial",
    ),
    *_both(
        "karaganda",
        "vr_unanswered",
        "T7-6",
        "most questions in «Ask a question» are unanswered",
        f"{GOV}/karaganda/activities/vopros-otvet?lang={{lang}}",
        "partial",
    ),
    # --- kostanay (classic MIO site)
    Seed(
        "kostanay",
        "splash_page",
        "A14-2.11",
        None,
        "the root URL is a language-choice splash page",
        "https://www.kostanay.gov.kz/",
    ),
    Seed(
        "kostanay",
        "emblem_too_big",
        "A14-2.10",
        None,
        "the State Emblem image is 240×240 px (limit 100×100)",
        "https://www.kostanay.gov.kz/ru/",
        "partial",
        (("width", 240), ("height", 240)),
    ),
    Seed(
        "kostanay",
        "missing_alt",
        "A14-3.1",
        None,
        "news photos have no alt text",
        "https://www.kostanay.gov.kz/ru/news",
    ),
    Seed(
        "kostanay",
        "low_contrast",
        "A14-3.6",
        None,
        "menu and footer text #a0a0a0 on white (about 2.6:1)",
        "https://www.kostanay.gov.kz/ru/",
        "fail",
        (("contrast_ratio", 2.6),),
    ),
    Seed("kostanay", "no_skip_link", "A14-3.4", None, "no «skip to content» link", "https://www.kostanay.gov.kz/ru/"),
    Seed(
        "kostanay",
        "deep_page",
        "A14-2.2",
        None,
        "the inspection schedule is 5 clicks from the home page",
        "https://www.kostanay.gov.kz/ru/activity/business/control/plans/2026/schedule",
        "partial",
        (("clicks", 5),),
    ),
    Seed(
        "kostanay",
        "mobile_no_full_link",
        "A16-k",
        None,
        "the mobile version (m.kostanay.gov.kz) has no link back to the full version",
        "https://m.kostanay.gov.kz/ru/",
        "partial",
        (("k", 5), ("penalty", -1)),
    ),
    Seed("kostanay", "no_rss", "A14-4.3", None, "no RSS feed", "https://www.kostanay.gov.kz/ru/"),
    Seed("kostanay", "no_english", "A14-4.5", None, "no English version", "https://www.kostanay.gov.kz/ru/"),
    Seed(
        "kostanay",
        "section_missing_kk_passport",
        "A15-1.13-mio",  # reference information on the region: row 13 of the MIO table
        "kk",
        "the socio-economic passport of the region exists only in Russian",
        "https://www.kostanay.gov.kz/kk/region",
    ),
    # --- enbek-center (classic, subordinate): a careful site.
    Seed("enbek-center", "no_english", "A14-4.5", None, "no English version", "https://iac.enbek.kz/?lang=ru"),
    Seed("enbek-center", "no_counter", "A14-4.6", None, "no visitor counter", "https://iac.enbek.kz/?lang=ru"),
    # --- zqai (classic, subordinate): the weak one, and it lacks Art. 16 information.
    *_both(
        "zqai",
        "art16_missing",
        "T9-1",
        "no leadership, structure, charter or reports (information required by Art. 16 of the Law on access"
        " to information)",
        "https://zqai.kz/{lang}/",
        "fail",
    ),
    Seed("zqai", "no_breadcrumbs", "A14-2.4", None, "no breadcrumbs on inner pages", "https://zqai.kz/ru/news"),
    Seed("zqai", "no_search", "A14-2.3", None, "no search form on any page", "https://zqai.kz/ru/", "partial"),
    Seed("zqai", "no_search", "A14-2.5", None, "no search at all", "https://zqai.kz/ru/"),
    Seed(
        "zqai",
        "no_mobile",
        "A16-k",
        None,
        "fixed 1000 px layout, no mobile version: k = 0",
        "https://zqai.kz/ru/",
        "fail",
        (("k", 0),),
    ),
    Seed(
        "zqai",
        "zoom_blocked",
        "A14-3.7",
        None,
        "viewport forbids zooming and fonts are fixed in px",
        "https://zqai.kz/ru/",
    ),
    Seed("zqai", "no_rss", "A14-4.3", None, "no RSS feed", "https://zqai.kz/ru/"),
    Seed(
        "zqai",
        "sitemap_dead_link",
        "A14-2.3",
        None,
        "one site-map link leads to a missing page",
        "https://zqai.kz/sitemap.xml",
        "partial",
        (("broken_links", 1),),
    ),
    Seed("zqai", "no_dates", "A14-2.8", None, "news items show no publication date", "https://zqai.kz/ru/news"),
    Seed("zqai", "no_english", "A14-4.5", None, "no English version", "https://zqai.kz/ru/"),
    Seed("zqai", "no_feedback_form", "A14-4.1", None, "no feedback form", "https://zqai.kz/ru/"),
    Seed("zqai", "no_polls", "A14-4.2", None, "no polls", "https://zqai.kz/ru/"),
    Seed("zqai", "no_faq", "A14-4.4", None, "no FAQ section", "https://zqai.kz/ru/"),
    Seed("zqai", "no_skip_link", "A14-3.4", None, "no «skip to content» link", "https://zqai.kz/ru/"),
)


# Knobs that state a fact fixed elsewhere rather than switch a generator: a body without English is
# one whose registry entry says has_english=False (gov.kz) or a classic site built in kk and ru only.
STATE_KNOBS = frozenset({"no_english"})


_BY_KNOB: dict[tuple[str, str], tuple[Seed, ...]] = {}
for _seed in SEEDS:  # looked up for every item the generators make: an index, not a scan of the seeds
    _BY_KNOB[(_seed.body, _seed.knob)] = (*_BY_KNOB.get((_seed.body, _seed.knob), ()), _seed)


def seeded(body_id: str, knob: str, lang: str | None = None) -> bool:
    """Whether the generators must break ``knob`` on this body (and language, when it is per language)."""
    body_id = template_of(body_id)  # a generated body is seeded as the body it copies
    return any(lang is None or s.lang in (None, lang) for s in _BY_KNOB.get((body_id, knob), ()))


# Gaps of the unified platform's template itself: every body on it shares them, so they are not
# switched per body but are defects all the same (a correct check must report them for each body).
TEMPLATE_GAPS: tuple[tuple[str, str, str], ...] = (
    ("A14-2.5", "the platform's search has no advanced search (property 3)", "/search?query=..."),
    ("A14-4.3", "the platform offers no RSS feed of public-procurement tenders", "?lang=ru"),
)


# Gaps the classic sites have as built (not switched per body): real defects a correct check reports.
CLASSIC_GAPS: tuple[tuple[str, str, str, str], ...] = (
    ("kostanay", "A14-2.5", "the search has no advanced search (property 3)", "https://www.kostanay.gov.kz/ru/"),
    ("enbek-center", "A14-2.5", "the search has no advanced search (property 3)", "https://iac.enbek.kz/?lang=ru"),
    (
        "enbek-center",
        "A14-4.3",
        "there is a news feed but no RSS of procurement tenders",
        "https://iac.enbek.kz/?lang=ru",
    ),
    ("kostanay", "A14-2.8", "no page shows when it was last changed", "https://www.kostanay.gov.kz/ru/"),
    ("enbek-center", "A14-2.8", "no page shows when it was last changed", "https://iac.enbek.kz/?lang=ru"),
)


def rehome(where: str, body: WorldBody) -> str:
    """A place on the template's site, moved to the generated ``body``'s site (slug, host)."""
    template = next(b for b in BODIES if b.id == template_of(body.id))
    if template.ids.govkz_slug and body.ids.govkz_slug:
        where = where.replace(f"/{template.ids.govkz_slug}/", f"/{body.ids.govkz_slug}/")
        where = where.replace(f"/{template.ids.govkz_slug}?", f"/{body.ids.govkz_slug}?")
        where = where.removesuffix(f"/{template.ids.govkz_slug}") + (
            f"/{body.ids.govkz_slug}" if where.endswith(f"/{template.ids.govkz_slug}") else ""
        )
    if template.classic_host and body.classic_host:
        where = where.replace(template.classic_host, body.classic_host)
    return where


def template_defects(world: World) -> list[Defect]:
    gov = [
        Defect(body.id, item, None, description, f"{GOV}/{body.ids.govkz_slug}{path}", "partial")
        for body in world.bodies
        if body.site == "govkz"
        for item, description, path in TEMPLATE_GAPS
    ]
    classic = [
        Defect(body.id, item, None, d, rehome(where, body), "partial")
        for b, item, d, where in CLASSIC_GAPS
        for body in world.bodies
        if template_of(body.id) == b
    ]
    return gov + classic
