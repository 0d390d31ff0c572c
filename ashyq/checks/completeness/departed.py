"""A head or deputy who has left, still presented as holding the post: information not updated in time.

The Appendix 15 and 16 notes deduct for «несвоевременное обновление информационных материалов», and Table 7 row 1
asks for current («актуальная») information on the leadership. A leadership list, a contacts table or a reception
schedule naming a person who no longer holds the post is not current, whatever date the page carries. The site itself
says who has left, in either language:

* **relieved**: a sentence naming a person and his release («Д. А. Жакупов освобожден от должности …», «… лауазымынан
  босатылды»);
* **replaced**: one language presents a person in a leadership post (a deputy, the chairman, the akim) whom the other
  language names nowhere, while the other language presents in that kind of post a person appointed within the last
  year (a date of appointment beside him: «(2026 жылғы 2 қазаннан бастап)», «Назначен Председателем … от 8 июля 2026
  года») who is not named on the page of the first. The other version has been updated; this one has not.

A present indicator whose place is a page naming such a person in a post (not in the sentence that says he left) is
not current (:func:`mark_departed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.dates import KK_MONTHS, find_dates
from ashyq.base.text import fold_kazakh
from ashyq.checks.completeness.corpus import Unit, in_lang
from ashyq.checks.completeness.page_blocks import Block
from ashyq.checks.completeness.places import Hit
from ashyq.checks.completeness.search import Verdict

RECENT = timedelta(days=365)  # an appointment this recent replaces whoever the other version still names

# the texts are read normalised (lower case; Kazakh folded onto Russian letters: «Құдайбергенов» is «кудайбергенов»)
_SURNAME = r"[а-яё]{2,}(?:ов|ев|ёв|ин|ова|ева|ёва|ина|ский|ская|цкий|цкая)"
_INITIALS = r"[а-яё]\.\s?[а-яё]\."
_GIVEN = r"[а-яё]{2,}\s+[а-яё]{2,}(?:ович|евич|овна|евна|ична|улы|кызы)"
PERSON = re.compile(rf"(?<![\w.])(?:({_SURNAME})\s+(?:{_INITIALS}|{_GIVEN})|{_INITIALS}\s?({_SURNAME}))(?!\w)")
# the words of a leadership post: a deputy, or the head (the chairman, the akim, the head of the body)
DEPUTY = re.compile(r"(?<!\w)(?:заместител|орынбасар)")
HEAD = re.compile(r"(?<!\w)(?:председател|торага|аким(?:а|у|ом|е|и|нин|ге|ди|ы)?(?!\w)|руководител)")
_RELIEVED = re.compile(
    r"(?<!\w)(?:освобожд|освобожден|отстранен|уволен|ушел в отставку|ушла в отставку)"
    r"|(?<!\w)(?:босатыл|босатт|орнынан алын)"
)
_APPOINTED = re.compile(r"(?<!\w)(?:назначен|тагайындал)|(?<!\w)с \d{1,2} [а-я]+ 20\d\d|(?<!\d)\d{1,2} [а-я]+ бастап")
# «2026 жылғы 2 қазаннан» as the pieces fold it («2026 жылгы 2 казаннан»)
_KK_DAY = re.compile(r"(20\d\d) жылгы (\d{1,2}) (" + "|".join(fold_kazakh(m) for m in KK_MONTHS) + ")")
_KK_MONTH = {fold_kazakh(m): n for n, m in enumerate(KK_MONTHS, start=1)}
# a sentence ends at a stop after a word of two letters or more (initials «д. а.» run on)
_SENTENCE = re.compile(r"(?<=[а-яёa-z0-9»)\]]{2}[.!?;])\s+")


def persons(text: str) -> list[str]:
    """The surnames of the persons a normalised text names (a surname with initials or with given name and
    patronymic)."""
    return [m.group(1) or m.group(2) for m in PERSON.finditer(text)]


def same(a: str, b: str) -> bool:
    """Whether two surnames are one person's as the two languages spell it («жакыпов», «жакупов»): equal, or one
    letter apart in a name of six letters or more."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 6:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _named(surname: str, among: Iterable[str]) -> bool:
    return any(same(surname, other) for other in among)


@dataclass(frozen=True)
class Post:
    surname: str
    deputy: bool  # a deputy's post, else the head's
    url: str


def _pieces(unit: Unit, blocks: Sequence[Block] | None = None) -> Iterable[tuple[str, str]]:
    """(the block's heading, each of its pieces: paragraphs, list items, table rows), of the unit or of ``blocks``."""
    for block in unit.blocks if blocks is None else blocks:
        for piece in block.pieces or (block.text,):
            yield block.heading, piece


def _posts(unit: Unit, blocks: Sequence[Block] | None = None) -> list[Post]:
    """The persons a unit (or its ``blocks``) presents in a leadership post (the post's word in the same piece)."""
    out = []
    for _, piece in _pieces(unit, blocks):
        if _RELIEVED.search(piece):
            continue
        deputy = bool(DEPUTY.search(piece))
        if deputy or HEAD.search(piece):
            out += [Post(s, deputy, unit.url) for s in persons(piece)]
    return out


def _appointed(unit: Unit, as_of: date) -> list[Post]:
    """The persons a unit says were appointed to a leadership post within :data:`RECENT` of the audit (the date in
    the piece, else the unit's own); the person in the piece, else in its block's heading."""
    out = []
    for heading, piece in _pieces(unit):
        if not _APPOINTED.search(piece) or not (DEPUTY.search(piece) or HEAD.search(piece)):
            continue
        days = [d for d in _days(piece) if d <= as_of] or [d for d in unit.dates if d <= as_of]
        if not days or as_of - max(days) > RECENT:
            continue
        named = persons(piece) or persons(heading)
        deputy = bool(DEPUTY.search(piece))
        out += [Post(s, deputy, unit.url) for s in named[:1]]
    return out


def _days(text: str) -> list[date]:
    """The days a normalised piece names (a Kazakh one as folded)."""
    days = [f.value.date() for f in find_dates(text)]
    for year, day, month in _KK_DAY.findall(text):
        try:
            days.append(date(int(year), _KK_MONTH[month], int(day)))
        except ValueError:
            continue
    return days


def departed(by_lang: dict[str, list[Unit]], as_of: date) -> dict[str, dict[str, str]]:
    """Per language, the surnames of the persons who have left that its pages still present -> why."""
    relieved: dict[str, str] = {}
    for units in by_lang.values():
        for unit in units:
            for _, piece in _pieces(unit):
                for clause in (c for sentence in _SENTENCE.split(piece) for c in sentence.split(", ")):
                    # released to take another post («… освобожден … в связи с назначением акимом района») has not left
                    if _RELIEVED.search(clause) and not _APPOINTED.search(clause):
                        for surname in persons(clause):
                            relieved.setdefault(surname, f"relieved of the post ({unit.url})")
    out: dict[str, dict[str, str]] = {}
    for lang, units in by_lang.items():
        other = "ru" if lang == "kk" else "kk"
        theirs = by_lang.get(other, [])
        named_there = {s for u in theirs for _, piece in _pieces(u) for s in persons(piece)}
        arrivals = [p for u in theirs for p in _appointed(u, as_of)]
        gone: dict[str, str] = {}
        for unit in units:
            on_page = {s for _, piece in _pieces(unit) for s in persons(piece)}
            for post in _posts(unit):
                why = next((w for s, w in relieved.items() if same(s, post.surname)), None)
                if why is None and theirs and not _named(post.surname, named_there):
                    new = next(
                        (a for a in arrivals if a.deputy == post.deputy and not _named(a.surname, on_page)), None
                    )
                    if new is not None:
                        who = new.surname.capitalize()
                        why = f"not named in the {other} version, which presents {who} as appointed ({new.url})"
                if why is not None:
                    gone.setdefault(post.surname, why)
        if gone:
            out[lang] = gone
    return out


def mark_departed(verdict: Verdict, gone: dict[str, str], units: Sequence[Unit]) -> None:
    """A page of ``units`` (the language's) that presents a person who has left in a post, where present indicators
    were found: not current (``verdict.stale``), said of the indicator whose own place (the block found and the blocks
    under it) names the person, else of the first found on the page."""
    if not gone:
        return
    mine = {u.url for u in units}  # the language's pages (a Table 7 reading keeps copies of them without the frame)
    hits = [(k, h) for k, h in verdict.hits.items() if verdict.present.get(k) is h.unit and k not in verdict.stale]
    for unit in {id(h.unit): h.unit for _, h in hits if h.unit.url in mine}.values():
        on_page = [(k, h) for k, h in hits if h.unit is unit]
        named = {p.surname for p in _posts(unit)}
        left = next((s for s in gone if _named(s, named)), None)
        if left is None:
            continue
        key, hit = next(
            ((k, h) for k, h in on_page if _named(left, {p.surname for p in _posts(unit, _place(h))})), on_page[0]
        )
        verdict.stale[key] = f"{hit.cite()}: {unit.url} presents {left.capitalize()} in a post; {gone[left]}"


def _place(hit: Hit) -> Sequence[Block]:
    return hit.extent or ((hit.block,) if hit.block is not None else hit.unit.blocks)


# the last body's reading: every section of a body asks it, in each language
_LAST: list[tuple[object, object, dict[str, dict[str, str]]]] = []


def departed_of(artifacts: BodyArtifacts, given: list[Unit], as_of: date) -> dict[str, dict[str, str]]:
    """:func:`departed` of a body's units (``given``, both languages), read once for all its sections."""
    if _LAST and _LAST[0][0] is artifacts and _LAST[0][1] is given:
        return _LAST[0][2]
    found = departed({lang: in_lang(given, lang) for lang in ("kk", "ru")}, as_of)
    _LAST[:] = [(artifacts, given, found)]
    return found
