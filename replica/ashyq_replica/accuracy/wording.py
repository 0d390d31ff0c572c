"""The wording corpus run through the real content checks (``ashyq accuracy wording``).

For each entry of ``tests/checks/wording/*.yaml`` (``wording_corpus``) this builds, in memory, the smallest
realistic site on which the row's check judges that row: a home page whose menu leads to the section's
page (titled as a real site heads the section, ``wording_rows.yaml``), and on it the entry's material in
its form — a heading over its text, a sentence in the page's body under no heading, a file link, a table
row, or a card leading to a page titled by the card's heading. Appendix 16 rows are judged on the phone's
rendering (a responsive page as a phone gets it), the others on the desktop pages. The check runs through
the registry as the per-item fixtures run it (``run_checks(artifacts, only_items=[item])``), and the
outcome is whether the entry's indicator came out among the finding's ``present`` indicators.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, DownloadInfo, Measurement, PageSnapshot
from ashyq.base.strict_files import safe_yaml
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq_replica.accuracy.wording_corpus import Entry

ROWS_FILE = Path(__file__).with_name("wording_rows.yaml")
SITE = "https://akimat.example.gov.kz"
AS_OF = date(2026, 11, 20)
HOME = {"ru": "Главная", "kk": "Басты бет"}
FILE_FORMATS = ("pdf", "docx", "doc", "xlsx", "xls", "csv", "zip")
# the control page's only material: a sentence about nothing any row lists
FILLER = {
    "ru": "Сайт работает в тестовом режиме; о замеченных неточностях сообщите администратору сайта.",
    "kk": "Сайт сынақ режимінде жұмыс істейді; байқалған дәлсіздіктер туралы сайт әкімшісіне хабарлаңыз.",
}


@dataclass(frozen=True)
class Row:
    item: str
    title: dict[str, str]
    path: str
    indicators: dict[str, dict[int, tuple[str, ...]]]  # kind → number → the check's indicator ids (any shows it)
    not_from_pages: str | None = None  # why the row's check cannot judge wording on pages
    on_home_page: tuple[str, ...] = ()  # the indicators the appendix places on the home page

    def ids(self, entry: Entry) -> tuple[str, ...]:
        """The check's indicator ids the entry's indicator is (empty: none for its kind and number)."""
        return self.indicators.get(entry.kind, {}).get(entry.indicator, ())


@functools.cache
def rows() -> dict[str, Row]:
    data = safe_yaml(ROWS_FILE.read_text(encoding="utf-8"))
    return {
        item: Row(
            item,
            dict(spec.get("title") or {}),
            spec.get("path", ""),
            {
                kind: {int(n): tuple(ids) if isinstance(ids, list) else (str(ids),) for n, ids in numbers.items()}
                for kind, numbers in (spec.get("indicators") or {}).items()
            },
            spec.get("not_from_pages"),
            tuple(spec.get("on_home_page") or ()),
        )
        for item, spec in data.items()
    }


def row_of(entry: Entry) -> Row | None:
    """The entry's row: as written, under its kind's variant (A16-1.5 of an MIO is A16-1.5-mio), or without
    a variant the check does not make (A15-1.2-cgo is A15-1.2, one check for both kinds)."""
    plain = entry.item.removesuffix(f"-{entry.kind}")
    return rows().get(entry.item) or rows().get(f"{entry.item}-{entry.kind}") or rows().get(plain)


def indicator_ids(entry: Entry) -> tuple[str, ...]:
    """The check's indicator ids the entry's indicator is (empty: none)."""
    row = row_of(entry)
    return () if row is None else row.ids(entry)


@dataclass(frozen=True)
class Outcome:
    entry: Entry
    item: str | None  # the check's item the entry was judged under
    indicator: str | None  # the check's indicator id (ids joined by "|")
    present: bool | None  # None: could not be run (see reason)
    status: str | None = None
    found: str | None = None  # where the check saw the indicator, in its words
    reason: str | None = None
    # the indicator came out present on the section's page without the entry's material (its title, its
    # address): the check did not need the entry's words
    without_the_words: bool = False
    # the check's own doubt on the indicator (it keeps its guess and asks the assessor)
    doubt: str | None = None

    @property
    def right(self) -> bool | None:
        return None if self.present is None else self.present == self.entry.shows


# ------------------------------------------------------------------------------------------ the pages
def _document(lang: str, title: str, main: str, mobile: bool) -> str:
    viewport = '<meta name="viewport" content="width=device-width, initial-scale=1">' if mobile else ""
    nav = f'<nav><a href="/{lang}/">{HOME[lang]}</a></nav>'
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8">{viewport}<title>{escape(title)}</title></head>'
        f"<body><header>{nav}</header><main><h1>{escape(title)}</h1>{main}</main>"
        f"<footer><p>© 2026</p></footer></body></html>"
    )


def _file_format(label: str) -> str:
    words = label.lower()
    return next((f for f in FILE_FORMATS if f in words), "pdf")


def _material(entry: Entry, section: str) -> tuple[str, list[tuple[str, str, str]], list[DownloadInfo]]:
    """The entry's material on the section page, the pages it leads to (url, title, body), its files."""
    text = escape(entry.text)
    if entry.form == "heading":
        return f"<h2>{escape(entry.heading)}</h2><p>{text}</p>", [], []
    if entry.form == "sentence":
        return f"<p>{text}</p>", [], []
    if entry.form == "table":
        cells = "".join(f"<td>{escape(cell.strip())}</td>" for cell in entry.text.split(" | "))
        return f"<table><tbody><tr>{cells}</tr></tbody></table>", [], []
    if entry.form == "file":
        fmt = _file_format(entry.label)
        href = f"/files/{entry.file}-{entry.index}.{fmt}"
        info = DownloadInfo(url=SITE + href, format=fmt, status=200, text_layer=True)
        return f'<ul class="files"><li><a href="{href}">{escape(entry.label)}</a></li></ul>', [], [info]
    # card: a card on the section page leading to a page titled by its heading, the text under it
    target = f"{section}/{entry.index + 1}"
    link = f'<a class="card" href="{target[len(SITE) :]}"><span>{escape(entry.heading)}</span></a>'
    card = f'<div class="cards">{link}</div>'
    return card, [(target, entry.heading, f"<p>{text}</p>")], []


def artifacts_for(entry: Entry, row: Row) -> BodyArtifacts:
    """The site on which the row's check judges the entry."""
    lang = entry.lang
    mobile = row.item.startswith("A16-")
    title = row.title[lang]
    home_url, section_url = f"{SITE}/{lang}/", f"{SITE}/{lang}/{row.path}"
    main, further, downloads = _material(entry, section_url)
    home = f'<ul class="menu"><li><a href="/{lang}/{row.path}">{escape(title)}</a></li></ul>'
    home_files: tuple[DownloadInfo, ...] = ()
    if set(row.on_home_page) & set(row.ids(entry)):
        # the appendix places it on the home page: the entry stands there, the section says nothing of it
        home, main, home_files, downloads = home + main, f"<p>{escape(FILLER[lang])}</p>", tuple(downloads), []
    documents = [
        (home_url, HOME[lang], _document(lang, HOME[lang], home, mobile), 0, home_files),
        (section_url, title, _document(lang, title, main, mobile), 1, tuple(downloads)),
    ]
    documents += [(url, head, _document(lang, head, body, mobile), 2, ()) for url, head, body in further]
    out = BodyArtifacts(body_id="wording", kind=entry.kind, as_of=AS_OF, site_urls=(SITE,))
    for url, page_title, html, depth, files in documents:
        if mobile:
            out.measurements.append(
                Measurement("mobile", url, {"html": html, "profile": "android"}, lang, "mobile:android")
            )
        else:
            out.pages.append(PageSnapshot(url, lang, html, title=page_title, depth=depth, downloads=files))
    return out


# ------------------------------------------------------------------------------------------ the run
def judge(entry: Entry) -> Outcome:
    row = row_of(entry)
    if row is None:
        return Outcome(entry, None, None, None, reason=f"no check's row {entry.item!r} ({entry.kind})")
    if row.not_from_pages:
        return Outcome(entry, row.item, None, None, reason=row.not_from_pages)
    wanted = row.ids(entry)
    if not wanted:
        numbers = ", ".join(map(str, sorted(row.indicators.get(entry.kind, {})))) or "none"
        return Outcome(
            entry,
            row.item,
            None,
            None,
            reason=f"{row.item} has no indicator {entry.indicator} for a {entry.kind} (has {numbers})",
        )
    ids = "|".join(wanted)
    mine = _finding(artifacts_for(entry, row), row.item, entry.lang)
    if mine is None:
        return Outcome(
            entry,
            row.item,
            ids,
            None,
            reason=f"the check of {row.item} gave no finding in {entry.lang} for a {entry.kind}",
        )
    present = mine.measured.get("present")
    if not isinstance(present, list):
        return Outcome(
            entry,
            row.item,
            ids,
            None,
            mine.status,
            reason=f"the finding is {mine.status}: {mine.reason or 'no indicators measured'}",
        )
    found: dict[str, Any] = mine.measured.get("found") or {}
    shown = [i for i in wanted if i in present]
    where = found.get(shown[0] if shown else wanted[0]) if isinstance(found, dict) else None
    bare = any(i in _present_without_words(row.item, entry.kind, entry.lang) for i in wanted)
    doubts = mine.measured.get("doubts")
    doubt = next((str(doubts[i]) for i in wanted if isinstance(doubts, dict) and i in doubts), None)
    return Outcome(entry, row.item, ids, bool(shown), mine.status, str(where) if where else None, None, bare, doubt)


def _finding(artifacts: BodyArtifacts, item: str, lang: str) -> Result | None:
    results = run_checks(artifacts, only_items=[item])
    return next((r for r in results if r.item == item and r.lang == lang), None)


@functools.cache
def _present_without_words(item: str, kind: str, lang: str) -> frozenset[str]:
    """The indicators the check finds on the section's page with nothing on it but an unrelated paragraph."""
    filler = Entry("control", 0, item, 1, "", kind, lang, "sentence", False, text=FILLER[lang])
    found = _finding(artifacts_for(filler, rows()[item]), item, lang)
    present = found.measured.get("present") if found is not None else None
    return frozenset(present) if isinstance(present, list) else frozenset()


def run(entries: list[Entry]) -> list[Outcome]:
    return [judge(entry) for entry in entries]


def figures(outcomes: list[Outcome]) -> dict[str, Any]:
    """Per row and language, per part and in all: positives recognised, negatives rejected, not run."""

    def blank() -> dict[str, int]:
        return {
            "positives": 0,
            "recognised": 0,
            "without_the_words": 0,
            "negatives": 0,
            "rejected": 0,
            "taken_without_the_words": 0,
            "wrong_but_doubted": 0,
            "not_run": 0,
        }

    by_row: dict[tuple[str, str], dict[str, int]] = defaultdict(blank)
    by_part: dict[str, dict[str, int]] = defaultdict(blank)
    total = blank()
    for o in outcomes:
        row = o.item or o.entry.item
        for tally in (by_row[(row, o.entry.lang)], by_part[o.entry.file], total):
            if o.present is None:
                tally["not_run"] += 1
            elif o.entry.shows:
                tally["positives"] += 1
                tally["recognised"] += int(o.present)
                tally["without_the_words"] += int(o.present and o.without_the_words)
            else:
                tally["negatives"] += 1
                tally["rejected"] += int(not o.present)
                tally["taken_without_the_words"] += int(o.present and o.without_the_words)
            if o.right is False and o.doubt:
                tally["wrong_but_doubted"] += 1

    def shares(tally: dict[str, int]) -> dict[str, Any]:
        pos, neg = tally["positives"], tally["negatives"]
        return {
            **tally,
            "recognised_share": tally["recognised"] / pos if pos else None,
            "rejected_share": tally["rejected"] / neg if neg else None,
        }

    return {
        "rows": [{"item": r, "lang": lang, **shares(t)} for (r, lang), t in sorted(by_row.items(), key=_row_order)],
        "parts": {part: shares(t) for part, t in sorted(by_part.items())},
        "total": shares(total),
    }


def _row_order(pair: tuple[tuple[str, str], Any]) -> tuple[Any, ...]:
    (item, lang), _ = pair
    head, _, rest = item.partition("-")
    number = rest.split("-")[0]
    return (head, tuple(int(p) if p.isdigit() else 0 for p in number.split(".")), item, lang)


def wrong(outcomes: list[Outcome]) -> list[Outcome]:
    """The entries the check gets wrong, and those that could not be run."""
    return [o for o in outcomes if o.right is not True]


def miss_reason(outcome: Outcome) -> str:
    """One line: why the entry is a known miss."""
    if outcome.present is None:
        return f"not run: {outcome.reason}"
    if outcome.entry.shows:
        return f"{outcome.indicator} not recognised ({outcome.item} {outcome.status})"
    return f"{outcome.indicator} taken as shown from a near-miss: {outcome.found or 'the section'}"


def known_misses_text(outcomes: list[Outcome]) -> str:
    """``tests/checks/wording/known_misses.yaml`` for these outcomes: entry key → the reason, one line."""
    head = (
        "# The wording corpus's entries the checks get wrong today (entry key → why, one line), written by\n"
        "# `ashyq accuracy wording --write-misses`. tests/accuracy/test_wording_corpus.py holds every other entry\n"
        "# to its `shows`, and fails when a listed entry comes out right: widen a check, then shorten the list.\n"
    )
    lines = [
        f"{json.dumps(o.entry.key, ensure_ascii=False)}: {json.dumps(miss_reason(o), ensure_ascii=False)}"
        for o in wrong(outcomes)
    ]
    return head + ("\n".join(lines) + "\n" if lines else "{}\n")
