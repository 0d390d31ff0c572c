"""Open sittings streamed online and meetings with the population (2025 Appendix 10, Table 6 row 3
and row 4 subpoints 1), 3) and 4)), measured where the body publishes them.

The evidence Appendix 9 asks the body for is public (000, Table 5 rows 2 and 4): links to the records
of the streamed sittings and the messages announcing them "на официальном интернет-ресурсе и (или) в
социальных сетях", the meetings' dates "с приложением ссылок на анонсы встреч, размещенных на
официальном сайте или аккаунте в социальных сетях", and per reception and per NGO meeting its
figures. So each row is looked for on the body's website (a page whose title or a heading names it),
in its gov.kz news, events and documents, and in its first head's blog posts on dialog.egov.kz — the phrases in
``ashyq/config/checks/meetings.yaml`` — and a dated item (a page by the date it shows,
:func:`ashyq.checks.announcements.page_day`) counts within the run's reporting period.

The body's declaration stays the fallback, and the finding says which one decided
(``measured.basis``): found on the web → ``pass`` on the web's evidence; not found there but declared
and confirmed on re-verification → the declaration's result, "not found on the web"; neither, the
sources read → ``fail``; nothing read and nothing declared → ``not_assessed``
(:func:`ashyq.checks.announcements.measured_result`, the rule of the announcements).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from parsel import Selector

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot, PortalRecord
from ashyq.base.evidence import EvidenceRef
from ashyq.base.wording import Said
from ashyq.base.working_days import parse_portal_day
from ashyq.checks.announcements import HEADINGS, TOPICS, Find, measured_result, page_day
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import check_settings

VERSION = "2"  # version 1 was the declaration alone (ashyq/checks/declared/indicators.py)
# (portal, record kind, the payload keys of its title, its text, its date)
RECORDS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("govkz", "news", "title", ("body", "short_description"), ("created_date", "publish_date")),
    ("govkz", "event", "title", ("body", "description"), ("event_date", "created_date")),
    ("govkz", "document", "title", ("content",), ("created_date",)),  # minutes, plans, schedules
    ("dialog", "blog_post", "title", ("text", "content"), ("date",)),
)
NEEDS = [("pages", "records:govkz", "records:dialog", "declared")]


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(_plain(w))}" for w in words))


class Row:
    """One row's phrases in one language (meetings.yaml)."""

    def __init__(self, spec: dict[str, Any], lang: str) -> None:
        self.groups = [p for p in (_pattern(g) for g in spec["heading"].get(lang) or []) if p is not None]
        self.online = _pattern((spec.get("online") or {}).get(lang) or [])
        self.unless = _pattern((spec.get("unless") or {}).get(lang) or [])
        self.held = bool(spec["held"])

    def names(self, heading: str) -> bool:
        text = _plain(heading)
        if not text or not self.groups or (self.unless is not None and self.unless.search(text)):
            return False
        return all(p.search(text) for p in self.groups)

    def streamed(self, *texts: str) -> bool:
        return self.online is None or any(self.online.search(_plain(t)) for t in texts if t)


def _in_window(artifacts: BodyArtifacts, day: date | None, row: Row) -> bool:
    """Whether an item of ``day`` counts: undated, or within the reporting period (up to the audit
    date for what must have been held)."""
    period = artifacts.reporting_period()
    return day is None or (period.within(day, artifacts.as_of) if row.held else period.contains(day))


def _page_hit(artifacts: BodyArtifacts, page: PageSnapshot, row: Row) -> EvidenceRef | None:
    if not _in_window(artifacts, page_day(page, artifacts.as_of), row):
        return None
    selector = Selector(text=page.html or "<html/>")
    body_text = " ".join(selector.css("body ::text").getall())
    for tag in HEADINGS:
        for node in selector.css(tag):
            heading = " ".join(" ".join(node.css("::text").getall()).split())
            if row.names(heading) and row.streamed(heading, body_text):
                return page.evidence(tag, heading)
    return None


def _record_hit(artifacts: BodyArtifacts, record: PortalRecord, spec: tuple[Any, ...], row: Row) -> EvidenceRef | None:
    _, _, title_key, text_keys, date_keys = spec
    title = str(record.payload.get(title_key) or "")
    text = " ".join(str(record.payload.get(k) or "") for k in text_keys)
    if not row.names(title) or not row.streamed(title, text):
        return None
    day = next((d for d in (parse_portal_day(record.payload.get(k)) for k in date_keys) if d is not None), None)
    if not _in_window(artifacts, day, row):
        return None
    return record.evidence(f"$.{title_key}", f"{title} ({day:%d.%m.%Y})" if day else title)


def finder(item: str) -> Find:
    """Where the row's item is looked for: pages of the website, gov.kz news, events and documents, blog posts."""

    def find(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
        row = Row(check_settings("meetings", artifacts.config)["rows"][item], lang)
        hits = [hit for page in artifacts.pages_in(lang) if (hit := _page_hit(artifacts, page, row)) is not None]
        read = bool(artifacts.pages_in(lang))
        for spec in RECORDS:
            records = artifacts.records_of(spec[0], spec[1], lang)
            read = read or bool(records)
            hits += [hit for r in records if (hit := _record_hit(artifacts, r, spec, row)) is not None]
        return hits[:5], read

    return find


def _records_read(artifacts: BodyArtifacts, lang: str) -> list[EvidenceRef]:
    """The gov.kz news, events and documents and the blog posts read in ``lang``: what was searched."""
    read = [r for spec in RECORDS for r in artifacts.records_of(spec[0], spec[1], lang)]
    return [r.evidence("$.title", str(r.payload.get("title") or r.kind)) for r in read[:2]]


def measured_or_declared(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """The row measured on the web, the declaration re-verified beside it; the finding names its basis."""
    what = str(check_settings("meetings", artifacts.config)["rows"][item]["what"])
    linkless = bool(check_settings("meetings", artifacts.config)["rows"][item]["figures"])
    results = measured_result(artifacts, item, finder(item), what, linkless)
    for result in results:
        if result.measured.get("found_on_web"):
            result.measured = {**result.measured, "basis": "web"}
        elif result.status == "fail" and not result.evidence:  # read on the portals only: what was read
            result.evidence = _records_read(artifacts, result.lang or "")
        elif result.status in ("pass", "partial"):
            result.measured = {**result.measured, "basis": "declared"}
            # the reason replaced after the result is built: its message with it (the declaration's
            # own message, if it had one, describes the sentence no longer given)
            said = declaration_decides(what, result.lang or "")
            result.reason, result.reason_text = str(said), said.wording
    return results


def declaration_decides(what: str, lang: str) -> Said:
    """Nothing found on the web, the declaration decides: a message per row and language, so kk and
    ru name the row's material and the language in words (a row set otherwise: its English a parameter)."""
    english = (
        f"no {what} found on the website, gov.kz or dialog.egov.kz in {lang}: "
        "the body's declaration (Appendix 9), re-verified, decides"
    )
    topic = TOPICS.get(what)
    if topic is None:
        return Said(english, f"reason.meetings.declaration_decides.other.{lang}", what=what)
    return Said(english, f"reason.meetings.declaration_decides.{topic}.{lang}")


def _check(row: str) -> Callable[[BodyArtifacts, str], list[Result]]:
    def run(artifacts: BodyArtifacts, item: str) -> list[Result]:
        return measured_or_declared(artifacts, item)

    run.__doc__ = f"{row}: measured on the website, gov.kz and dialog.egov.kz; the declaration as the fallback."
    return run


# The check ids are those of the declared checks these replace (ashyq/checks/declared/indicators.py).
register("declared.open_meetings_online", VERSION, ["T6-3"], needs=NEEDS, pages_rule="somewhere")(
    _check("Table 6 row 3")
)
register("declared.meetings_schedule", VERSION, ["T6-4.1"], needs=NEEDS, pages_rule="somewhere")(
    _check("Table 6 row 4.1")
)
register("declared.personal_reception", VERSION, ["T6-4.3"], needs=NEEDS, pages_rule="somewhere")(
    _check("Table 6 row 4.3")
)
register("declared.ngo_meeting", VERSION, ["T6-4.4"], needs=NEEDS, pages_rule="somewhere")(_check("Table 6 row 4.4"))
