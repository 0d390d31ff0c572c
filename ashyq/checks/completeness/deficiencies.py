"""The deficiencies of one section in one language (the Appendix 15 and 16 notes' deductions): an
indicator in the other language, items lacking what every item states, incomplete memos, stale
material, an act marked repealed, a law cited without a link, a placeholder page. The rules are
:mod:`.judge`'s docstring."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency
from ashyq.base.text import fold_kazakh, normalise, squash
from ashyq.base.wording import Param, Said
from ashyq.checks.completeness.archive import read_archive
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.instances import ItemReading
from ashyq.checks.completeness.keywords import Indicator, Section, Vocabulary
from ashyq.checks.completeness.notices import RUBRIC_WORDS, placeholder_only, placeholder_pages
from ashyq.checks.completeness.page_blocks import Block
from ashyq.checks.completeness.places import Hit, in_section, matches, paragraphs, title_block, unit_blocks
from ashyq.checks.completeness.readings import Doubt
from ashyq.checks.completeness.repeals import listed_as_in_force, repealed_acts
from ashyq.checks.completeness.search import Verdict
from ashyq.checks.completeness.timeliness import (
    Act,
    age_of,
    is_feed,
    lag_for,
    lag_reason,
    lagging,
    missing_acts,
    numbered_in,
    period_staleness,
    report_staleness,
    schedule_staleness,
)

MAX_EVIDENCE = 12


def deficiency(kind: str, message: Said, units: Sequence[Unit], snippet: str | None = None) -> Deficiency:
    first = units[0]
    return Deficiency(
        message=message,
        kind=kind,
        url=first.url,
        selector="main" if first.kind == "page" else None,
        record=first.key if first.kind not in ("page", "mobile") else None,
        evidence=[u.evidence(snippet) for u in units[:MAX_EVIDENCE]],
    )


def currency(
    artifacts: BodyArtifacts, section: Section, section_units: list[Unit]
) -> tuple[dict[str, Any], Unit | None]:
    """The freshest dated unit of the section and its age against the periodicity, both as of the last
    day judged: the audit date, or the end of a reporting period that has ended (what was current in
    the period is judged at its end; a later date is not of the period)."""
    until = artifacts.reporting_period().judged_until(artifacts.as_of)
    dated = [(d, u) for u in section_units for d in (*u.dates, *u.listed) if d <= until]
    if not dated:
        return {"freshest": None}, None
    day, unit = max(dated, key=lambda pair: pair[0])
    age = (until - day).days
    out: dict[str, Any] = {"freshest": day.isoformat(), "age_days": age}
    if section.periodicity_days is not None:
        out["periodicity_days"] = section.periodicity_days
        out["stale"] = age > section.periodicity_days
    return out, unit


# a listing's teaser cut short («… Гранты не привлекались. […]»): the item's text is on its own page, the teaser's
# links are dropped by the listing
TEASER_END = re.compile(r"(?:\[\s*(?:…|\.\.\.)\s*\]|…)\s*$")


# a law a candidate must know («знание Конституции, Закона «О государственной службе»», «… Заңын білу») is a
# qualification requirement (Appendix 15 1.10), not an act the material refers its reader to (the tables' note:
# «на которые ссылаются в материале»); the texts are read folded (kk) or normalised (ru), the clause ends at «;» or «.»
KNOWLEDGE_BEFORE = {"ru": re.compile(r"(?<!\w)знани\w*[^.;]{0,120}$")}
KNOWLEDGE_AFTER = {"kk": re.compile(r"^\w*(?:[^.;]{0,120}?\s)?(?:билу|билуи|билими)(?!\w)")}


# an act's enacting formula names the law it is issued under («В соответствии с подпунктом 2) статьи 15 Закона … «О …»
# ПРИКАЗЫВАЮ:», «… Заңының 15-бабының 2) тармақшасына сәйкес БҰЙЫРАМЫН:»): that basis is part of the act's own
# official text, the form the act takes, not material referring its reader to another act (the note's «на которые
# ссылаются в материале»); the formula's verb follows the citation in the same sentence (a full stop before a
# space ends it), as the texts are read (folded kk, normalised ru)
ENACTING_AFTER = {
    "ru": re.compile(
        r"^(?:[^.;!?]|\.(?!\s)){0,240}?(?<!\w)(?:приказываю|постановляет|постановляю|решил[аи]?|решает)(?!\w)"
    ),
    "kk": re.compile(r"^(?:[^.;!?]|\.(?!\s)){0,240}?(?<!\w)(?:буйырамын|каулы етеди|шешим кабылдады|шешти)(?!\w)"),
}


def _known_law(text: str, hit: re.Match[str], lang: str) -> bool:
    """The citation is a law a candidate must know (:data:`KNOWLEDGE_BEFORE`, :data:`KNOWLEDGE_AFTER`) or the basis an
    act's enacting formula names (:data:`ENACTING_AFTER`)."""
    before, after, enacting = KNOWLEDGE_BEFORE.get(lang), KNOWLEDGE_AFTER.get(lang), ENACTING_AFTER.get(lang)
    rest = text[hit.end() :]
    return bool(
        (before is not None and before.search(text[: hit.start()]))
        or (after is not None and after.search(rest))
        or (enacting is not None and enacting.search(rest))
    )


# the quoted title of a cited act next to the citation («Законом … «О местном государственном управлении …»»,
# «… «Жергілікті мемлекеттік басқару … туралы» Заңына»), as the texts are read (quotes normalised)
QUOTED_TITLE = re.compile(r"[\"«“]([^\"»”]{12,200})[\"»”]")
TITLE_REACH = 160  # characters around a citation its act's title is looked for in


def _linked_on_page(text: str, hit: re.Match[str], labels: Sequence[str]) -> bool:
    """The act a citation names by its quoted title is linked elsewhere on the same page (a link whose label gives
    that title: «Текст закона: Закон «О …»»): the page gives the link to the text it refers to."""
    start, end = max(0, hit.start() - TITLE_REACH), hit.end() + TITLE_REACH
    titles = [t.strip() for t in QUOTED_TITLE.findall(text[start:end])]
    return any(title in label for title in titles for label in labels)


def citations_without_links(unit: Unit, vocabulary: Vocabulary, lang: str) -> str | None:
    """The first law citation in a paragraph of the unit's HTML that has no link, if any (not in a listing's
    teaser: the item's own page, where its text is, is judged for its citations; not a law a candidate must know;
    not an act named by its title that a link elsewhere on the page gives under that title)."""
    found = unlinked_citations(unit, vocabulary, lang, most=1)
    return found[0] if found else None


def unlinked_citations(
    unit: Unit, vocabulary: Vocabulary, lang: str, most: int = 2, repeated: frozenset[str] = frozenset()
) -> list[str]:
    """Up to ``most`` of the unit's law citations without links (:func:`citations_without_links`), each quoted with
    its context; two patterns matching the same words are one citation. ``repeated``: the pieces of text most of the
    site's pages repeat (:func:`.running_text.template_of`): a paragraph among them is the site's template (a consent
    notice over every page citing the personal data law), not the material of the section the note is about."""
    read = fold_kazakh if lang == "kk" else normalise
    labels: list[str] | None = None
    out: list[str] = []
    for written, linked in paragraphs(unit):
        if TEASER_END.search(written) or linked or (repeated and squash(written) in repeated):
            continue
        text = read(written)
        spans: list[tuple[int, int]] = []
        for pattern in vocabulary.law_citations[lang]:
            for hit in pattern.finditer(text):
                if any(hit.start() < end and start < hit.end() for start, end in spans) or _known_law(text, hit, lang):
                    continue
                if labels is None:
                    labels = [read(unit.shown_label(n)) for n in range(len(unit.anchors))]
                if not _linked_on_page(text, hit, labels):
                    spans.append(hit.span())
                    out.append(text[max(0, hit.start() - 40) : hit.end() + 80])
                    if len(out) >= most:
                        return out
    return out


# what names a normative legal act beside its status: its kind (normalised; Kazakh folded), a number «№ 58»; an
# announcement or a notice marked «утратил силу» is no act
ACT_NAMED = re.compile(
    r"(?<!\w)(?:приказ|постановлен|решени|закон|распоряжен|правил|кодекс|положени|"
    r"буйрык|каулы|шешим|заны|занг|ереже|кагида|кодек)|№\s?\d"
)


def marks_repealed(unit: Unit, phrases: Sequence[re.Pattern[str]]) -> bool:
    """Whether the unit marks an act as repealed: a piece of its content (a paragraph, a list item, a table's row)
    naming an act - its kind or its number - with the words of repeal («Приказ № 58 … Утратил силу»). The words alone,
    as a registry's status filter writes them («Мәртебе бойынша сүзгі: Барлығы · Күшінде · Күшін жойған»), mark
    nothing."""
    if not matches(phrases, unit.main):
        return False
    pieces = [p for b in unit.blocks for p in (b.pieces or (b.all_text,))] or [unit.main]
    return any(matches(phrases, p) and ACT_NAMED.search(p) for p in pieces)


def content_deficiencies(
    section: Section,
    section_units: list[Unit],
    lang: str,
    vocabulary: Vocabulary,
    counted: Iterable[Unit] = (),
    doubts: list[Doubt] | None = None,
    others: Sequence[Unit] = (),
    linked: Sequence[Unit] = (),
    passing: list[Doubt] | None = None,
    repeated: frozenset[str] = frozenset(),
) -> list[Deficiency]:
    """The section's incomplete pages (a placeholder for the section's own information: :mod:`.notices`),
    repealed acts (marked so, or listed as in force though an act on the section's pages of either language or on
    a page they link to repealed them, ``others`` being those beyond the section's own: :mod:`.repeals`) and law
    citations without links.
    ``counted``: pages whose placeholder already left an indicator not shown (one finding, one consequence).
    A placeholder whose words do not tell it from «there is none» adds its doubt to ``doubts``; a single text
    citing a law without a link adds its doubt to ``passing`` (:func:`lone_citation`)."""
    out = []
    skip = {id(u) for u in counted}
    read = [u for u in [*section_units, *linked] if id(u) not in skip]
    empty, unclear = placeholder_pages(section, read, lang, vocabulary)
    if doubts is not None:
        doubts += unclear
    if empty:
        said = Said(
            f"{len(empty)} section page(s) say there is nothing to show", "deficiency.a15.empty_pages", count=len(empty)
        )
        out.append(deficiency("incomplete", said, empty))
    repealed = [u for u in section_units if marks_repealed(u, vocabulary.repealed_phrases[lang])]
    if repealed:
        said = Said(
            f"{len(repealed)} item(s) are acts marked as repealed", "deficiency.a15.repealed", count=len(repealed)
        )
        out.append(deficiency("outdated_npa", said, repealed))
    stale_acts = repealed_acts([*section_units, *others], vocabulary.repealed_phrases)
    if listed := listed_as_in_force(section_units, stale_acts, vocabulary.repealed_phrases[lang]):
        said = Said(
            f"{len(listed)} page(s) list as in force an act another act on the site repealed",
            "deficiency.a15.repealed_listed",
            count=len(listed),
        )
        out.append(deficiency("outdated_npa", said, [u for u, _ in listed], listed[0][1]))
    # per page its first two citations without links: one page with one citation is a lone mention
    cited = [(u, found) for u in section_units if (found := unlinked_citations(u, vocabulary, lang, 2, repeated))]
    unlinked = [(u, found[0]) for u, found in cited]
    if unlinked:
        out.append(
            deficiency(
                "no_law_link",
                Said(
                    f"{len(unlinked)} text(s) cite a law without a link to it",
                    "deficiency.a15.no_law_link",
                    count=len(unlinked),
                ),
                [u for u, _ in unlinked],
                unlinked[0][1],
            )
        )
        if passing is not None and len(cited) == 1 and len(cited[0][1]) == 1:
            passing.append(lone_citation(section, *unlinked[0]))
    return out


def lone_citation(section: Section, unit: Unit, snippet: str) -> Doubt:
    """The doubt a single citation of a law without a link leaves: whether the material refers its reader to the
    act (the note's «на которые ссылаются в материале») or names it in passing («установлены Конституционным
    законом …», «порядок определен законом …») is the assessor's reading; assessors' documented verdicts on such
    lone mentions went both ways. It makes the verdict uncertain only where it is the verdict's one deficiency."""
    return Doubt(
        section.item,
        "other_reading",
        unit,
        snippet,
        f"{unit.url}: one text names a law without a link to it («{snippet.strip()}»): whether the material refers "
        "its reader to that law or mentions it in passing is a reading of the note's «на которые ссылаются в "
        "материале»: counted as the deficiency (no link to the text of an act referred to)",
    )


def section_deficiencies(
    section: Section,
    section_units: list[Unit],
    lang: str,
    vocabulary: Vocabulary,
    verdict: Verdict,
    measured: dict[str, Any],
    deductions: bool,
    as_of: date = date.max,
    others: Sequence[Unit] = (),
    linked: Sequence[Unit] = (),
    repeated: frozenset[str] = frozenset(),
) -> list[Deficiency]:
    """The deficiencies the verdict's indicators and the section's pages show: an indicator written in the
    other language, items lacking what every item states, memos, and (``deductions``) the note's page
    deficiencies and a news feed without an archive (:mod:`.archive`); ``others``: the section's pages in
    the other language and the pages its own link to (an act repealed there); ``linked``: pages the section
    links to named for one of its indicators (:func:`~ashyq.checks.completeness.notices.indicator_pages`),
    read for a placeholder only (without ``deductions`` too: Table 7's row then lacks that part);
    ``repeated``: the pieces of text most pages of the language repeat (the site's template)."""
    out: list[Deficiency] = []
    if verdict.foreign:
        out.append(
            deficiency(
                "not_authentic",
                Said(
                    f"shown in {lang} pages only in the other language: {(found := foreign_list(verdict))}",
                    f"deficiency.a15.foreign.{lang}",
                    indicators=found,
                ),
                [hit.unit for hit in verdict.foreign.values()],
            )
        )
    out += item_deficiencies(verdict, measured)
    out += said_incomplete(section, verdict, vocabulary, lang)
    memos = _memodeficiency(verdict)
    if memos is not None:
        out.append(memos)
    if deductions:
        # a page whose placeholder left an indicator not shown is not deducted again
        placeheld = [hit.unit for hit, said in verdict.placeholders.values() if said]
        # nor a page holding a service counted as without its passport (its memo's placeholder is that same lack)
        by_memos = {i.id for i in section.indicators if i.memos_from}
        placeheld += [i.unit for key, read in verdict.incomplete_items.items() if key in by_memos for i in read.without]
        passing: list[Doubt] = []
        out += content_deficiencies(
            section, section_units, lang, vocabulary, placeheld, verdict.doubts, others, linked, passing, repeated
        )
        out += archive_deficiencies(section, section_units, verdict, measured, as_of)
        if passing and len(out) == 1 and not verdict.absent:  # the lone citation alone decides the verdict
            verdict.doubts += passing
    elif empty := [u for u in linked if len(u.title.split()) <= RUBRIC_WORDS and placeholder_only(u, lang, vocabulary)]:
        # no page deductions (Table 7), but a page the row's pages link to, named for one of its indicators as a rubric
        # is (not a question or a document sharing a word), holding only a placeholder (the territorial bodies' page
        # «Ақпарат жаңартылуда» beside the units' phones) leaves that part of what the indicator lists not given: the
        # row's information is incomplete
        said = Said(
            f"{len(empty)} section page(s) say there is nothing to show", "deficiency.a15.empty_pages", count=len(empty)
        )
        out.append(deficiency("incomplete", said, empty))
    return out


def said_incomplete(section: Section, verdict: Verdict, vocabulary: Vocabulary, lang: str) -> list[Deficiency]:
    """The indicators whose own place says its list is not whole yet («… (перечень дополняется)», «тізім толықтырылып
    жатыр»): shown in part, the note's incompleteness (неполнота), one deficiency for them all."""
    phrases = vocabulary.incomplete_phrases.get(lang, ())
    said: dict[str, str] = {}
    units: list[Unit] = []
    for indicator in section.indicators:
        hit = verdict.hits.get(indicator.id)
        if not phrases or hit is None or verdict.present.get(indicator.id) is not hit.unit:
            continue
        # the hit's own block (what the page says beside other indicators is theirs); a page named as a whole, the
        # block under the heading that repeats its title
        blocks = (hit.block,) if hit.block is not None else title_block(hit, verdict.template)
        found = next((m for b in blocks for p in phrases if (m := p.search(b.text)) is not None), None)
        if found is not None:
            said[indicator.id] = f"{hit.cite()}: «{found.group(0)}»"
            units.append(hit.unit)
    if not said:
        return []
    return [
        deficiency(
            "incomplete",
            Said(
                f"said on the page to be incomplete: {(told := listed(said))}",
                "deficiency.a15.said_incomplete",
                indicators=told,
            ),
            units,
        )
    ]


def archive_deficiencies(
    section: Section, section_units: list[Unit], verdict: Verdict, measured: dict[str, Any], as_of: date
) -> list[Deficiency]:
    """Appendix 15 1.12 and Appendix 16: «Актуальная лента новостей (с созданием архива новостей)»: a feed
    shown without a way to its older items is shown incompletely (``incomplete``); what was read is in
    ``measured.archive``, and a feed whose items could not be read leaves the verdict uncertain."""
    out = []
    for indicator in section.indicators:
        hit = verdict.hits.get(indicator.id)
        if not indicator.archive or hit is None or verdict.present.get(indicator.id) is not hit.unit:
            continue
        found = read_archive(hit, section_units, as_of)
        oldest = found.items[-1].isoformat() if found.items else "-"
        measured.setdefault("archive", {})[indicator.id] = found.way or (
            f"none: the feed lists {len(found.items)} dated item(s), the oldest of {oldest}"
            if found.items
            else "not measured: no dated item"
        )
        if found.doubt is not None:
            quote = hit.label or hit.how
            verdict.doubts.append(
                Doubt(indicator.id, "other_reading", hit.unit, quote, f"{indicator.id}: {found.doubt}")
            )
        if found.missing:
            said = Said(
                f"the news feed offers no way to its older items (no archive, pager or filter by year): it lists "
                f"{len(found.items)} dated item(s), the oldest of {oldest}",
                "deficiency.a15.no_archive",
                count=len(found.items),
                oldest=oldest,
            )
            out.append(deficiency("incomplete", said, [hit.unit], hit.label or None))
    return out


def _blocks_of(hit: Hit) -> tuple[Block, ...]:
    """What the currency of a place reads: the block and those under it, or the page of a title."""
    return hit.extent or ((hit.block,) if hit.block else unit_blocks(hit.unit))


def untimely_indicators(
    artifacts: BodyArtifacts,
    section: Section,
    indicators: Iterable[Indicator],
    verdict: Verdict,
    theirs: Verdict | None,
    lang: str,
    acts: tuple[Sequence[Unit], Vocabulary] | None = None,
    listed: tuple[Sequence[Unit], Mapping[str, Sequence[Unit]]] = ((), {}),
) -> None:
    """Add to ``verdict.stale`` the indicators whose material is not updated (:mod:`.timeliness`): a periodic
    report as of a day before the last period ended (``current.report_months``), a schedule for a period that has
    ended (``current.schedule``), material markedly older than the other language's in a place of the same kind
    (an indicator with a currency of its own, or a list kept up with the other language's: ``current.lag``), or a
    list of acts showing as in force one that another act declared void (``current.in_force``; ``acts``: the pages
    read for the repeals, both languages', and the vocabulary of repeal marks), or a list the other language has
    added a numbered act to that this one never names (``current.numbered``, :func:`~.timeliness.missing_acts`;
    ``listed``: the section's pages in this language, and each language's pages)."""
    for indicator in indicators:
        hit = verdict.hits.get(indicator.id)
        if hit is None or verdict.present.get(indicator.id) is not hit.unit or indicator.id in verdict.stale:
            continue
        if matches(indicator.none_said.get(lang, ()), hit.unit.text):
            continue  # the page says the body has none to post (no control functions): nothing of its own to be late
        blocks = _blocks_of(hit)
        # the periods are read in the place's own block (a page's, for a title): the blocks under it may be the other
        # half of the row (the audit of the body «за 2025 год» under the body's own inspections «в 2026 году»)
        own = (hit.block,) if hit.block else unit_blocks(hit.unit)
        why = report_staleness(indicator.report_months, blocks, artifacts.as_of) or period_staleness(
            indicator.period_months, own, artifacts.as_of
        )
        if why is None and indicator.schedule:
            why = schedule_staleness(blocks, artifacts.as_of)
        other = theirs.hits.get(indicator.id) if theirs is not None else None
        own_currency = (
            indicator.current_days or indicator.current_years or indicator.report_months or indicator.period_months
        )
        if (
            why is None
            and other is not None
            and theirs is not None
            and theirs.present.get(indicator.id) is other.unit
            and (own_currency or (indicator.lag and _lists(hit, other)))
        ):
            feed = is_feed(indicator.current_days, indicator.report_months, indicator.period_months)
            mine, their_age = age_of(blocks, artifacts.as_of, feed), age_of(_blocks_of(other), artifacts.as_of, feed)
            # the days and years of alike places (two blocks, or two pages) are compared; the periods two places
            # name as covered («за 9 месяцев 2026 года», «2026 жылғы 1 жартыжылдық») are, whatever the places
            alike = (hit.block is None) == (other.block is None)
            if not alike and indicator.lag and hit.unit.key and hit.unit.key == other.unit.key:
                # a list kept on counterpart pages, one language's found under a heading and the other's as the page
                # (named by a link's label): the two pages are alike places, read whole
                mine = age_of(unit_blocks(hit.unit), artifacts.as_of, feed)
                their_age = age_of(unit_blocks(other.unit), artifacts.as_of, feed)
                alike = True
            lag_days = indicator.lag_days or lag_for(indicator.current_days)
            if lagging(mine, their_age, periods_only=not alike, lag_days=lag_days):
                other_lang = "ru" if lang == "kk" else "kk"
                why = lag_reason(lang, other_lang, mine, their_age, lag_days) + f" ({other.cite()})"
            if why is None and indicator.numbered and _lists(hit, other):
                missing = _acts_left_out(hit, other, listed, section, lang, artifacts.as_of)
                if missing:
                    other_lang = "ru" if lang == "kk" else "kk"
                    named = ", ".join(act.cite() for act in missing[:5])
                    why = f"its {lang} list names no {named}, which the {other_lang} one lists ({other.cite()})"
        if why is None and indicator.in_force and acts is not None:
            why = _void_listed(indicator, hit, lang, verdict, *acts)
        if why is not None:
            verdict.stale[indicator.id] = f"{hit.cite()}: {why}"


def _void_listed(
    indicator: Indicator, hit: Hit, lang: str, verdict: Verdict, pages: Sequence[Unit], vocabulary: Vocabulary
) -> str | None:
    """Why a list of acts is not current: its page shows as in force an act another act on the site declared void
    (the item's text quoted); None when it shows none. Whether «актуальная» information reaches an act left in a list
    after its repeal is a reading: the verdict is asked (a doubt), its best guess not current."""
    marked = vocabulary.repealed_phrases
    listed = listed_as_in_force([hit.unit], repealed_acts(pages, marked), marked.get(lang, ()))
    if not listed:
        return None
    unit, item = listed[0]
    quote = squash(item)[:200]
    verdict.doubts.append(
        Doubt(
            indicator.id,
            "other_reading",
            unit,
            quote,
            f"{unit.url}: the list shows «{quote}» with no mark, an act another act on the site declared void: read as "
            "information that is not current (the row's «актуальной»); an assessor may read the list as current",
        )
    )
    return f"it lists as in force an act another act on the site declared void («{quote}»)"


def _acts_left_out(
    hit: Hit,
    other: Hit,
    listed: tuple[Sequence[Unit], Mapping[str, Sequence[Unit]]],
    section: Section,
    lang: str,
    as_of: date,
) -> list[Act]:
    """The numbered acts the other language's place and section pages name that none of this language's pages
    (``listed[1]``, each language's) ever number; ``listed[0]``: this language's section pages."""
    mine = {hit.unit.url: hit.unit, **{u.url: u for u in listed[0]}}
    other_lang = "ru" if lang == "kk" else "kk"
    their_pages = listed[1].get(other_lang, ())
    theirs = {u.url: u for u in their_pages if u.url != other.unit.url and in_section(u, section, other_lang)}
    my_blocks = [*_blocks_of(hit), *(b for u in mine.values() if u is not hit.unit for b in unit_blocks(u))]
    their_blocks = [*_blocks_of(other), *(b for u in theirs.values() for b in unit_blocks(u))]
    missing = missing_acts(my_blocks, their_blocks, " ".join(u.text for u in mine.values()), as_of)
    if missing:  # named on another page of this language (its home page's list, a news item): not left out
        everywhere = fold_kazakh(" ".join(u.text for u in listed[1].get(lang, ())))
        missing = [act for act in missing if not numbered_in(act, everywhere)]
    return missing


def _lists(*hits: Hit) -> bool:
    """Whether each place lists dated items (``current.lag``: a block or a page naming a day, not a link's label): a
    single link (a law cited with its date) or an undated rubric lists nothing to keep up."""
    return all(not hit.href and any(b.dates for b in _blocks_of(hit)) for hit in hits)


def stale_deficiency(
    artifacts: BodyArtifacts,
    section: Section,
    section_units: list[Unit],
    verdict: Verdict,
    indicators: tuple[Indicator, ...],
    measured: dict[str, Any],
) -> Deficiency | None:
    """The section's untimely update, if any: the indicators' own currency when they set one, else
    the freshest item of the section against its periodicity (recorded in ``measured``)."""
    if verdict.stale:
        measured["stale"] = dict(verdict.stale)
        stale_units = [verdict.present[key] for key in verdict.stale]
        return deficiency(
            "untimely_update",
            Said(f"not updated in time: {(stale := listed(verdict.stale))}", "deficiency.a15.stale", indicators=stale),
            stale_units,
        )
    if any(i.current_days is not None or i.current_years is not None for i in indicators):
        return None
    fresh, fresh_unit = currency(artifacts, section, section_units)
    measured.update(fresh)
    if fresh.get("stale") and fresh_unit is not None:
        return deficiency(
            "untimely_update",
            Said(
                f"the freshest item is {fresh['age_days']} days old "
                f"(expected at least every {section.periodicity_days} days)",
                "deficiency.a15.freshest_too_old",
                age=fresh["age_days"],
                periodicity=section.periodicity_days or 0,
            ),
            [fresh_unit],
        )
    return None


def _memodeficiency(verdict: Verdict) -> Deficiency | None:
    """Appendix 16 note: «неполнота представленной информации»; one deficiency for the section's memos
    (a message for memos lacking parts, for services without one, and for both)."""
    lacking = "; ".join(f"{m.where} lacks {', '.join(missing)}" for m, missing in verdict.incomplete_memos)
    count = len(verdict.memoless)
    # services listed without a page of their own are cited by the page that lists them, once
    services = "; ".join(list(dict.fromkeys(u.url for u in verdict.memoless))[:MAX_EVIDENCE])
    incomplete = f"memos lacking what the others give: {lacking}"
    memoless = f"{count} listed service(s) without a memo of their own: {services}"
    if verdict.incomplete_memos and verdict.memoless:
        said = Said(
            f"{incomplete}; {memoless}", "deficiency.a16.memos.both", lacking=lacking, count=count, services=services
        )
    elif verdict.incomplete_memos:
        said = Said(incomplete, "deficiency.a16.memos.incomplete", lacking=lacking)
    elif verdict.memoless:
        said = Said(memoless, "deficiency.a16.memos.memoless", count=count, services=services)
    else:
        return None
    return deficiency("incomplete", said, [*(m.unit for m, _ in verdict.incomplete_memos), *verdict.memoless])


def foreign_list(verdict: Verdict) -> str:
    return "; ".join(f"{key} ({hit.cite()})" for key, hit in verdict.foreign.items())


def listed(reasons: dict[str, str]) -> str:
    return "; ".join(f"{key} ({why})" for key, why in reasons.items())


def _wheres(found: ItemReading) -> str:
    return "; ".join(item.where for item in found.without[:MAX_EVIDENCE])


# what every entry of a list leaves out, said of the list: its English (indicator, entries' count, where) and key
_ENTRIES_SAID = {
    "e-mail": ("{key}: none of {items} entries gives an e-mail address: {where}", "deficiency.a15.items_without_email"),
    "own contacts": (
        "{key}: each of its {items} entries gives the same contacts, none its own: {where}",
        "deficiency.a15.entries_share_one_contact",
    ),
}


def _items_said(key: str, found: ItemReading, where: str) -> Said:
    """What the items leave out: each list entry's e-mail, every contact of a page's list, or the indicator."""
    if found.missing in _ENTRIES_SAID:
        english, message = _ENTRIES_SAID[found.missing]
        items = len(found.items)
        return Said(english.format(key=key, items=items, where=where), message, indicator=key, items=items, where=where)
    if found.missing == "machine_readable":
        return Said(
            f"{key}: the newest of its files is offered only as a picture or a scan, the older ones in a "
            f"machine-readable form: {where}",
            "deficiency.a15.newest_not_machine_readable",
            indicator=key,
            where=where,
        )
    if found.missing == "contacts":
        return Said(
            f"{key}: the page gives no phone and no e-mail of what it lists: {where}",
            "deficiency.a15.list_without_contacts",
            indicator=key,
            where=where,
        )
    counted: dict[str, Param] = {
        "indicator": key,
        "without": len(found.without),
        "items": len(found.items),
        "where": where,
    }
    if found.missing == "parts":
        lacking = ", ".join(found.lacking)
        said = f"{key}: {len(found.without)} of {len(found.items)} entries do not give what each must ({lacking}): "
        said += where
        return Said(said, "deficiency.a15.entries_without_parts", parts=lacking, **counted)
    said = f"{key}: {len(found.without)} of {len(found.items)} items do not state it: {where}"
    return Said(said, "deficiency.a15.items_without", **counted)


def item_deficiencies(verdict: Verdict, measured: dict[str, Any]) -> list[Deficiency]:
    """Appendix note: «неполнота представленной информации» where an indicator stated for every item (each
    vacancy's requirements) is shown for some items only; the items counted in ``measured.per_item``."""
    out = []
    for key, found in verdict.incomplete_items.items():
        measured.setdefault("per_item", {})[key] = {
            "items": len(found.items),
            "without": [item.where for item in found.without[:MAX_EVIDENCE]],
        }
        out.append(
            deficiency(
                "incomplete",
                _items_said(key, found, _wheres(found)),
                [item.unit for item in found.without],
                found.without[0].name[:200],
            )
        )
    return out
