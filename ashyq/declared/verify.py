"""Re-verification of every link a report declares (2017 methodology points 8–14: the assessor
re-checks the reporting data; an untrue fact goes into the reconciliation act).

A link is judged on what it serves:

* reachable — a 404/410 means the declared page does not exist: **contradicted**; robots, a time-out,
  an anti-bot wall or a server error mean it could not be seen: **not_verifiable**, never untrue;
* in the declared language — the link of the Kazakh column must show Kazakh text, the Russian
  column's Russian (a page per language, or both languages on one page);
* dated within the period — when the page carries dates and none falls in the reporting period;
* about what it claims — most keywords of the row's name in that language appear on the page.

:func:`judge_page` is a pure function of the page, so its rules are tested without a network.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from dataclasses import field as default
from typing import Any

import lxml.html
from lxml import etree

from ashyq.base.dates import find_dates
from ashyq.base.forms import FORMS, DeclaredReport
from ashyq.base.text import detect_lang, html_parts, normalise, squash
from ashyq.base.vocabulary import CONFIRMED, CONTRADICTED, NOT_VERIFIABLE
from ashyq.config.check_settings import check_settings
from ashyq.declared.fetch import Fetched, PoliteFetcher

_WORD = re.compile(r"[0-9a-zа-яёәғқңөұүһі]+", re.IGNORECASE)
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "td", "dd", "blockquote", "article", "section")


@dataclass(frozen=True)
class LinkClaim:
    """One link of one report row, with what it must show."""

    form: str
    line: int | None
    row: str  # the form's row number ("" for forms without one)
    field: str  # link_kk, link_ru, link_stream, link, open_data_list_link
    url: str
    lang: str | None  # the language the column promises, None when the column is not per language
    text: str | None  # the row's name in that language: the keywords come from it


@dataclass
class Verdict:
    form: str
    line: int | None
    row: str
    field: str
    url: str
    lang: str | None
    verdict: str
    reasons: list[str] = default(default_factory=list)
    langs_found: list[str] = default(default_factory=list)
    dates_found: list[str] = default(default_factory=list)
    keywords_found: list[str] = default(default_factory=list)
    keywords_missing: list[str] = default(default_factory=list)
    evidence: dict[str, Any] = default(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def period_window(period: str, earlier: bool = False) -> tuple[dt.date, dt.date]:
    """ "2026" → the year; "2026-H1"/"2026-H2" → the half-year; ``earlier`` starts a year before."""
    year = int(period[:4])
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if period.endswith("-H1"):
        end = dt.date(year, 6, 30)
    elif period.endswith("-H2"):
        start = dt.date(year, 7, 1)
    if earlier:
        start = start.replace(year=start.year - 1)
    return start, end


# ------------------------------------------------------------------------------------------- claims
def _claim_text(row: Any, lang: str | None) -> str | None:
    if lang == "kk":
        return getattr(row, "title_kk", None)
    if lang == "ru":
        return getattr(row, "title_ru", None)
    return getattr(row, "title_ru", None) or getattr(row, "title_kk", None) or getattr(row, "organisation", None)


def claims_of(report: DeclaredReport) -> list[LinkClaim]:
    """Every link of the report as a claim to verify, in the order of the forms and rows."""
    out = []
    for form in FORMS:
        value = getattr(report, form.key)
        for row in value if isinstance(value, list) else [value]:
            for name, url in row.links().items():
                lang = name.removeprefix("link_") if name in ("link_kk", "link_ru") else None
                text = None if form.key in ("media_requests", "general") else _claim_text(row, lang)
                out.append(
                    LinkClaim(form.key, getattr(row, "line", None), getattr(row, "row", ""), name, url, lang, text)
                )
    return out


# ------------------------------------------------------------------------------------------- judging
def keywords(text: str) -> list[str]:
    """The words of a claim a page about it must contain: 4+ letters (or 2+ digits), no stopwords."""
    settings = check_settings("declared")["verification"]
    stop = {normalise(w) for words in settings["stopwords"].values() for w in words}
    out: list[str] = []
    for word in _WORD.findall(normalise(text)):
        wanted = (word.isdigit() and len(word) >= 2) or (len(word) >= 4 and word not in stop)
        if wanted and word not in out:
            out.append(word)
    return out[: int(settings["max_keywords"])]


def _matches(word: str, page_words: set[str], page_text: str) -> bool:
    stem_letters = int(check_settings("declared")["verification"]["keyword_stem_letters"])
    if word in page_words:
        return True
    if not word.isdigit() and len(word) > stem_letters:
        return re.search(r"(?<![\w])" + re.escape(word[:stem_letters]), page_text) is not None
    return False


def page_languages(html: str, url: str) -> list[str]:
    """The languages a page is written in: by blocks of text, else its lang attribute and URL."""
    settings = check_settings("declared")["verification"]
    try:
        root = lxml.html.fromstring(html) if html.strip() else None
    except (etree.ParserError, ValueError):
        root = None
    letters: dict[str, int] = {"kk": 0, "ru": 0}
    if root is not None:
        for element in root.iter(*_BLOCKS):
            if any(child.tag in _BLOCKS for child in element):  # leaves only, or text counts twice
                continue
            text = element.text_content()
            lang = detect_lang(text)
            if lang is not None:
                letters[lang] += len(text)
    total = sum(letters.values())
    words = len(_WORD.findall(html_parts(html).main_text)) if html else 0
    if total and words >= int(settings["min_words_for_language"]):
        return sorted(lang for lang, count in letters.items() if count >= 0.15 * total)
    hinted = set()
    declared = root.get("lang", "") if root is not None else ""
    for value in (declared.lower()[:2], *re.findall(r"(?:lang=|/)(kk|kz|ru)(?:[/&#?]|$)", url)):
        if value in ("kk", "kz"):
            hinted.add("kk")
        elif value == "ru":
            hinted.add("ru")
    return sorted(hinted)


def judge_page(claim: LinkClaim, fetched: Fetched, period: str) -> Verdict:
    """The verdict on one claim from what its link served (pure: no network)."""
    settings = check_settings("declared")["verification"]
    verdict = Verdict(claim.form, claim.line, claim.row, claim.field, claim.url, claim.lang, CONFIRMED)
    if fetched.failure is not None:
        if fetched.failure == "http_status" and fetched.status in settings["missing_statuses"]:
            verdict.verdict = CONTRADICTED
            verdict.reasons.append(f"the page does not exist (HTTP {fetched.status})")
        else:
            verdict.verdict = NOT_VERIFIABLE
            verdict.reasons.append(
                f"could not be fetched: {fetched.failure}" + (f" ({fetched.detail})" if fetched.detail else "")
            )
        return verdict
    if "html" not in (fetched.content_type or "text/html").lower():
        verdict.reasons.append(f"a {fetched.content_type} document: reachable; its content is not compared")
        return verdict
    html = fetched.text
    parts = html_parts(html)
    verdict.evidence["snippet"] = parts.title or parts.main_text[:200]
    if claim.lang is not None:
        verdict.langs_found = page_languages(html, fetched.final_url or claim.url)
        if verdict.langs_found and claim.lang not in verdict.langs_found:
            verdict.verdict = CONTRADICTED
            verdict.reasons.append(f"the page is in {'/'.join(verdict.langs_found)}, not in {claim.lang}")
    earlier = claim.row in settings["earlier_period_rows"].get(claim.form, [])
    start, end = period_window(period, earlier)
    days = sorted({d.day for d in find_dates(parts.full_text)})
    verdict.dates_found = [d.isoformat() for d in days]
    if days and not any(start <= d <= end for d in days):
        verdict.verdict = CONTRADICTED
        verdict.reasons.append(f"no date on the page falls in the period {start:%d.%m.%Y}–{end:%d.%m.%Y}")
    if claim.text:
        _judge_keywords(verdict, claim, parts.full_text, float(settings["keyword_share"]))
    return verdict


def _judge_keywords(verdict: Verdict, claim: LinkClaim, page_text: str, needed_share: float) -> None:
    wanted = keywords(claim.text or "")
    if not wanted:
        return
    text = normalise(page_text)
    page_words = set(_WORD.findall(text))
    for word in wanted:
        (verdict.keywords_found if _matches(word, page_words, text) else verdict.keywords_missing).append(word)
    if len(verdict.keywords_found) < needed_share * len(wanted):
        verdict.verdict = CONTRADICTED
        verdict.reasons.append(
            f"the page does not show «{claim.text}» (missing: {', '.join(verdict.keywords_missing)})"
        )
    elif verdict.keywords_found:
        verdict.evidence["snippet"] = _snippet(page_text, verdict.keywords_found[0]) or verdict.evidence.get("snippet")


def _snippet(text: str, word: str, width: int = 120) -> str | None:
    found = normalise(text).find(word[:5])
    if found < 0:
        return None
    flat = squash(text)
    return flat[max(0, found - width // 2) : found + width // 2]


# ------------------------------------------------------------------------------------------- running
def _evidence(fetched: Fetched) -> dict[str, Any]:
    out: dict[str, Any] = {"url": fetched.final_url or fetched.url, "status": fetched.status}
    if fetched.fetched_at is not None:
        out["captured_at"] = fetched.fetched_at.isoformat()
    if fetched.warc is not None:
        out.update(
            warc_file=fetched.warc.file,
            warc_record_id=fetched.warc.record_id,
            warc_offset=fetched.warc.offset,
            sha256=fetched.warc.payload_sha256,
        )
    return out


def verify_claims(claims: Iterable[LinkClaim], fetcher: PoliteFetcher, period: str) -> list[Verdict]:
    """Fetch each distinct URL once and judge every claim that cites it."""
    pages: dict[str, Fetched] = {}
    verdicts = []
    for claim in claims:
        fetched = pages.get(claim.url)
        if fetched is None:
            fetched = pages[claim.url] = fetcher.fetch(claim.url)
        verdict = judge_page(claim, fetched, period)
        verdict.evidence = {**_evidence(fetched), **verdict.evidence}
        verdicts.append(verdict)
    return verdicts


def verify_report(report: DeclaredReport, fetcher: PoliteFetcher) -> list[Verdict]:
    return verify_claims(claims_of(report), fetcher, report.general.period)
