"""Appendix 15 note to tables 1 and 2: «наличие размещенных на интернет-ресурсе неактуальных нормативных правовых
актов (утративших силу …)». An act is seldom marked repealed where it is listed: its repeal is written in the act
that repealed it («2. Признать утратившим силу приказ … от 3 апреля 2019 года № 45», «… 2019 жылғы 3 сәуірдегі № 45
бұйрығының күші жойылды деп танылсын»), or marked beside it in the other language's list only. An act named so
anywhere in the section's pages of either language and listed in this language as an item of its own with no mark
is an outdated act shown as in force.

An act is known by its number and year («№ 45» of 2019, «№ 61/4» of 2020): both must be read on each side, so
that two acts of different kinds sharing a number are not confused. A list names the year before the number («от 5
апреля 2021 года № 41-Н») or right after it («№ 41-Н от 05.04.2021»); a register's table puts the number in the column
headed «№» («Номер», «Нөмірі») with no sign and the date in a cell of the same row. The repealing clause names the
act it repeals, not itself (the act holding the clause is in force: ``repealed_phrases`` in the vocabulary)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from ashyq.base.text import fold_kazakh, parse_html
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.places import matches, paragraphs

# the texts are read folded (:func:`~ashyq.base.text.fold_kazakh`): «күші жойылды» is «куши жойылды»
NUMBER = re.compile(r"№\s*(\d[\w/\-]*)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# «признать (признано, признании) утратившим(и) силу …»: the acts named after it, up to the next numbered point
REPEAL_RU = re.compile(r"призна\w*\s+утративш\w*\s+силу")
# «… бұйрығының күші жойылды (жойылған) деп танылсын (танылды)»: the acts named before it, from the point's start
REPEAL_KK = re.compile(r"куш\w*\s+жой\w*\s+деп\s+таны\w*")
NEXT_POINT = re.compile(r"[.;]\s+\d{1,2}[.)]\s")
WINDOW = 400
YEAR_BEFORE = 80
# the act's date right after its number in a list: «№ 41-Н от 05.04.2021», «№ 41-Н от 5 апреля 2021 года»
YEAR_AFTER = re.compile(r"[\s,]*(?:от\s+)?(?:\d{1,2}[./]\d{1,2}[./]|\d{1,2}\s+[а-яё]+\s+)((?:19|20)\d\d)(?!\d)")
# a register's column of act numbers, its heading folded («№», «Номер», «Нөмірі»; «№ п/п» is a row count, not
# this), and a date in a row's cell
NUMBER_COLUMN = re.compile(r"^(?:№|№ акта|номер|номер акта|регистрационный номер|номир\w*|актинин номири)$")
DATE = re.compile(r"(?<!\d)\d{1,2}[./]\d{1,2}[./]((?:19|20)\d\d)(?!\d)")
ACT_NUMBER = re.compile(r"^№?\s*(\d[\w/\-]*)$")


def act_key(text: str, number: re.Match[str]) -> tuple[str, str] | None:
    """The act a number names: (number, the last year written just before it), or None with no year."""
    years = YEAR.findall(text[max(0, number.start() - YEAR_BEFORE) : number.start()])
    if not years:
        return None
    return number.group(1).rstrip(".-/").lower(), years[-1]


# the act that repeals, named in the instrumental case: «… № 88 — признано утратившим силу постановлением от 14 октября
# 2026 года № 214», «… № 88 қаулы — 2026 жылғы 14 қазандағы № 214 қаулымен күшін жойды деп танылды» (a list's note on
# a repealed act): the act after «постановлением» (before «қаулымен») is in force; an act named «утвержденные приказом
# … № 45» is the one whose rules the clause repeals
BY_ACT_RU = re.compile(
    r"(?<![\w-])(?<!утвержденные )(?<!утвержденный )(?<!утвержденная )(?<!утвержденное )"
    r"(?:постановлени|решени|распоряжени)ем(?!\w)|(?<![\w-])(?<!утвержденные )(?<!утвержденный )(?<!утвержденная )"
    r"(?<!утвержденное )(?:приказ|указ|закон)ом(?!\w)"
)
BY_ACT_KK = re.compile(r"^\s*(?:каулы|буйры[кг]|шешим|оким|зан|жарлы[кг])\w*(?:мен|пен|бен)(?!\w)")


def _named_after(text: str, start: int) -> list[tuple[str, str]]:
    end = min(len(text), start + WINDOW)
    if (point := NEXT_POINT.search(text, start, end)) is not None:
        end = point.start()
    out, since = [], start
    for n in NUMBER.finditer(text, start, end):
        if not BY_ACT_RU.search(text, since, n.start()) and (key := act_key(text, n)):
            out.append(key)
        since = n.end()
    return out


def _named_before(text: str, end: int) -> list[tuple[str, str]]:
    start = max(0, end - WINDOW)
    points = list(NEXT_POINT.finditer(text, start, end))
    if points:
        start = points[-1].end()
    return [
        key
        for n in NUMBER.finditer(text, start, end)
        if not BY_ACT_KK.match(text[n.end() : end]) and (key := act_key(text, n))
    ]


def _first_act(text: str) -> tuple[str, str] | None:
    first = NUMBER.search(text)
    if first is None:
        return None
    if (key := act_key(text, first)) is not None:
        return key
    after = YEAR_AFTER.match(text, first.end())
    return (first.group(1).rstrip(".-/").lower(), after.group(1)) if after else None


def _register_rows(unit: Unit) -> Iterator[tuple[tuple[str, str], str]]:
    """Each row of the unit's tables whose column headed «№» holds an act's number and whose cells a date: the act
    (number, the date's year) and the row's text as written."""
    if "<table" not in unit.html or (root := parse_html(unit.html)) is None:
        return
    for table in root.iter("table"):
        heads = [fold_kazakh(th.text_content()) for th in table.xpath(".//tr[th][1]/th")]
        column = next((i for i, head in enumerate(heads) if NUMBER_COLUMN.match(head)), None)
        if column is None:
            continue
        for row in table.xpath(".//tr[td]"):
            cells = [" ".join(td.text_content().split()) for td in row.xpath("./td")]
            number = ACT_NUMBER.match(cells[column]) if column < len(cells) else None
            year = next((d.group(1) for c in cells if (d := DATE.search(c))), None)
            if number is not None and year is not None:
                yield (number.group(1).rstrip(".-/").lower(), year), " | ".join(cells)


def repealed_acts(units: Iterable[Unit], marked: Mapping[str, Sequence[re.Pattern[str]]]) -> set[tuple[str, str]]:
    """The acts the units name as repealed: in a repealing clause, or an item marked repealed (its own number,
    the first it names). ``marked``: the vocabulary's ``repealed_phrases`` by language."""
    out: set[tuple[str, str]] = set()
    for unit in units:
        for written, _ in paragraphs(unit):
            text = fold_kazakh(written)
            for clause in REPEAL_RU.finditer(text):
                out.update(_named_after(text, clause.end()))
            for clause in REPEAL_KK.finditer(text):
                out.update(_named_before(text, clause.start()))
            if matches(marked.get(unit.lang, ()), text) and (own := _first_act(text)) is not None:
                out.add(own)
    return out


def listed_as_in_force(
    units: Sequence[Unit], repealed: set[tuple[str, str]], marked: Sequence[re.Pattern[str]]
) -> list[tuple[Unit, str]]:
    """The units listing, as an item of its own with no repeal mark and no repealing clause, an act of
    ``repealed``; with the item's text."""
    out: list[tuple[Unit, str]] = []
    if not repealed:
        return out
    for unit in units:
        for written, _ in paragraphs(unit):
            text = fold_kazakh(written)
            if REPEAL_RU.search(text) or REPEAL_KK.search(text) or matches(marked, text):
                continue
            if _first_act(text) in repealed:
                out.append((unit, " ".join(written.split())[:200]))
                break
        else:
            row = next(
                (
                    written
                    for key, written in _register_rows(unit)
                    if key in repealed and not matches(marked, fold_kazakh(written))
                ),
                None,
            )
            if row is not None:
                out.append((unit, row[:200]))
    return out
