"""What an outside site is made of, and how its ground truth follows from it.

A site is a list of pages per version (the full version, and a separate mobile version where the
site has one); a page holds content blocks (:mod:`ashyq_replica.outside.blocks`) and says, per block
and language, what is wrong with it: missing, out of date, or shown in the other language's text
(not authentic). The content items' verdicts (Appendix 15 and 16 sections, Table 7 rows) are
derived from the same description the pages are rendered from, so the truth and the site cannot
drift apart; the accessibility items and the mobile coefficient are stated by hand, each with the
reason in the appendix's terms (they describe layout and behaviour the site's renderer implements).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ashyq_replica.outside.appendix_indicators import indicators, items_for

LANGS = ("kk", "ru")
Status = Literal["pass", "partial", "fail"]


def _langs(value: str) -> frozenset[str]:
    return frozenset(value.split())


@dataclass(frozen=True)
class Use:
    """A content block placed on a page, with its faults per language."""

    key: str
    absent: frozenset[str] = frozenset()  # languages the block is missing from
    stale: frozenset[str] = frozenset()  # languages where it is out of date (untimely update)
    foreign: frozenset[str] = frozenset()  # languages where the other language's text stands in

    def state(self, lang: str) -> str:
        if lang in self.absent:
            return "absent"
        if lang in self.foreign:
            return "foreign"
        return "stale" if lang in self.stale else "ok"


def use(key: str, absent: str = "", stale: str = "", foreign: str = "") -> Use:
    return Use(key, _langs(absent), _langs(stale), _langs(foreign))


@dataclass(frozen=True)
class Page:
    key: str  # the site's own route key; its renderer turns it into a URL per language
    title: dict[str, str]
    blocks: tuple[Use, ...] = ()
    parent: str | None = None
    # a language whose page only says the section is being filled (no blocks rendered)
    placeholder: frozenset[str] = frozenset()
    langs: tuple[str, ...] = LANGS  # the languages the page exists in

    def shows(self, use: Use, lang: str) -> bool:
        return lang in self.langs and lang not in self.placeholder and use.state(lang) != "absent"


@dataclass(frozen=True)
class Verdict:
    item: str
    lang: str | None
    status: Status
    reason: str
    where: tuple[str, ...] = ()  # paths of the pages the verdict rests on

    def key(self) -> tuple[str, str]:
        return (self.item, self.lang or "-")


def stated(item: str, status: str, reason: str, *where: str) -> Verdict:
    """A verdict the site's author states for both languages, resting on the pages ``where``."""
    return Verdict(item, None, status, reason, where)  # type: ignore[arg-type]


@dataclass(frozen=True)
class SiteSpec:
    """One outside site: who it is, its pages, and the verdicts stated by hand."""

    id: str
    host: str
    kind: Literal["cgo", "mio"]
    names: dict[str, str]  # kk, ru, en
    style: str  # a short description of how it is built
    pages: tuple[Page, ...]
    # the separate mobile version's pages; None when the site is responsive (its pages are the mobile version)
    mobile_pages: tuple[Page, ...] | None
    stated: tuple[Verdict, ...]  # A14 items, A16-k, A16-2: by hand
    nothing: frozenset[str] = frozenset()  # optional ("if any") indicators the body has nothing for
    extra_hosts: tuple[str, ...] = ()
    home: str = ""  # the page key of the home page: where a verdict on something missing points
    # (page key, lang, mobile) → the page's URL, for the verdicts' "where"
    url: Callable[[str, str, bool], str] = lambda key, lang, mobile: key


# Items the truth leaves out, and why: the site alone cannot decide them.
EXCLUDED = {
    "A14-1.1": "rank in google, yandex and mail.ru: decided by the search engines, not by the site",
    "T7-6": "answers in the «Задать вопрос» service of the Unified platform: decided on www.gov.kz, not on the site",
}


def derived(spec: SiteSpec) -> list[Verdict]:
    """The Appendix 15 / 16 and Table 7 verdicts that follow from the site's pages."""
    out: list[Verdict] = []
    for item in items_for(spec.kind):
        mobile = item.startswith("A16-")
        pages = spec.pages if not mobile or spec.mobile_pages is None else spec.mobile_pages
        for lang in LANGS:
            out.append(_section_verdict(spec, item, lang, pages, mobile))
    return out


RANK = {"ok": 3, "stale": 2, "foreign": 1}


def _shown(pages: tuple[Page, ...], lang: str) -> dict[str, tuple[str, list[str]]]:
    """Block key → (its best state in ``lang`` over the pages, the pages showing it)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for page in pages:
        for u in page.blocks:
            if not page.shows(u, lang):
                continue
            state = u.state(lang)
            best, where = found.get(u.key, ("foreign", []))
            found[u.key] = (state if RANK[state] >= RANK[best] else best, [*where, page.key])
    return found


def _section_verdict(spec: SiteSpec, item: str, lang: str, pages: tuple[Page, ...], mobile: bool) -> Verdict:
    found = _shown(pages, lang)
    groups: dict[str, list[str]] = {"ok": [], "stale": [], "foreign": [], "missing": [], "nothing": []}
    where: list[str] = []
    listed = indicators(item, spec.kind)
    for ind in listed:
        label = f"{ind.number}) {ind.text}"
        states = [found[k] for k in ind.keys if k in found]
        if not states:
            nothing = ind.optional and any(k in spec.nothing for k in ind.keys)
            groups["nothing" if nothing else "missing"].append(label)
            continue
        state, page_keys = max(states, key=lambda s: RANK[s[0]])
        where.extend(page_keys)
        groups[state].append(label)
    counted = len(groups["ok"]) + len(groups["stale"]) + len(groups["nothing"])
    status: Status
    if counted == 0:
        status = "fail"
    elif counted == len(listed) and not groups["stale"]:
        status = "pass"
    else:
        status = "partial"
    parts = [f"{source_of(item, spec.kind)}; {item} ({lang}): {counted} of {len(listed)} indicators"]
    separate = mobile and spec.mobile_pages is not None
    if separate:
        parts.append("judged on the separate mobile version")
    notes = {
        "missing": "missing",
        "stale": "not updated in time (несвоевременное обновление)",
        "foreign": "shown only in the other language (неаутентичность текстов)",
        "nothing": "nothing to publish, counted present (при наличии)",
    }
    parts.extend(f"{note}: " + "; ".join(groups[name]) for name, note in notes.items() if groups[name])
    paths = tuple(dict.fromkeys(spec.url(k, lang, separate) for k in where or [spec.home]))
    return Verdict(item, lang, status, ". ".join(parts), paths)


def source_of(item: str, kind: str) -> str:
    table = 1 if kind == "cgo" else 2
    if item.startswith("A15"):
        return f"order of 2017, Appendix 15, Table {table}"
    if item.startswith("A16"):
        return f"order of 2017, Appendix 16, Table {table}"
    return "order of 2025, Appendix 10, Table 7"


def truth(spec: SiteSpec) -> list[Verdict]:
    """Every verdict of the site: stated by hand (A14, A16-k, A16-2) and derived (the rest)."""
    return [*spec.stated, *derived(spec)]


def aged(as_of: date, days: int) -> date:
    return date.fromordinal(as_of.toordinal() - days)
