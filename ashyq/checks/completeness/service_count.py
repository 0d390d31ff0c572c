"""How many public services a section says the body provides, read from its own words.

Appendix 16 (CGO 1.2, MIO 1.3), indicator 3 asks a memo «о получении государственной услуги» for each
service. A section often names its services in one sentence («Департамент оказывает три государственные
услуги: …; …; …») rather than in a list, and then gives memos for some: the count it states is the number of
services, whatever form the list takes - where the same sentence names as many services (after a colon,
separated by semicolons), so that the count is the list the page gives, not a total the page then samples
(«оказывает 24 государственные услуги, в том числе: …» over two). Only the body's own statement counts: a verb of
providing next to the count («оказывает», «предоставляет», «көрсетеді»), a count of at most
:data:`MOST_SERVICES` - never a figure of services delivered («за 2025 год оказано 1 520 государственных
услуг»: a past count of deliveries, its number too large to be kinds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ashyq.base.text import fold_kazakh, normalise
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.places import unit_blocks

MOST_SERVICES = 30  # a body's list of services is this long at most; a larger figure counts deliveries

NUMBERS = {
    "ru": {
        "одну": 1,
        "одна": 1,
        "две": 2,
        "два": 2,
        "три": 3,
        "четыре": 4,
        "пять": 5,
        "шесть": 6,
        "семь": 7,
        "восемь": 8,
        "девять": 9,
        "десять": 10,
    },
    # folded Kazakh (ashyq.base.text.fold_kazakh): «бір», «екі», «үш», «төрт» …
    "kk": {
        "бир": 1,
        "еки": 2,
        "уш": 3,
        "торт": 4,
        "бес": 5,
        "алты": 6,
        "жети": 7,
        "сегиз": 8,
        "тогыз": 9,
        "он": 10,
    },
}
_RU_COUNT = r"(?<![\d\s.,]\d)(?<!\d)(\d{1,2}|" + "|".join(NUMBERS["ru"]) + r")"
_KK_COUNT = r"(?<![\d\s.,]\d)(?<!\d)(\d{1,2}|" + "|".join(NUMBERS["kk"]) + r")"
STATED = {
    # «оказывает три государственные услуги», «предоставляет 5 государственных услуг», and the count first:
    # «2 государственные услуги, оказываемые комитетом»
    "ru": (
        re.compile(
            r"(?<!\w)(?:оказыва|предоставля)\w*\s+(?:[а-яё]+\s+){0,2}?" + _RU_COUNT + r"\s+(?:[а-яё]+\s+)?"
            r"государственн\w*\s+услуг"
        ),
        re.compile(_RU_COUNT + r"\s+государственн\w*\s+услуг\w*,?\s+(?:оказываем|предоставляем)"),
    ),
    # «үш мемлекеттік қызмет көрсетеді», «2 мемлекеттік көрсетілетін қызметті көрсетеді»
    "kk": (
        re.compile(
            r"(?<!\w)"
            + _KK_COUNT
            + r"\s+мемлекеттик\s+(?:корсетилетин\s+)?кызмет\w*\s+(?:[а-я]+\s+){0,2}?корсет(?:еди|ед|уде)"
        ),
    ),
}


# a memo named by its own word («Памятка: …», «Жадынама: …»): one service's memo each, however the page groups them
MEMO_WORD = {"ru": re.compile(r"(?<!\w)памятк\w*"), "kk": re.compile(r"(?<!\w)жадынам\w*")}


def named_memos(units: Iterable[Unit], lang: str) -> int:
    """How many times the section's pages name a memo by its word: at least as many memos as the reading's
    heading groups where several memos stand under one heading."""
    read = fold_kazakh if lang == "kk" else normalise
    pattern = MEMO_WORD.get(lang)
    if pattern is None:
        return 0
    return sum(len(pattern.findall(read(block.text).lower())) for unit in units for block in unit_blocks(unit))


NAME_MIN_CHARS = 8  # a service's name, not a stray word between two semicolons


def named_after(text: str) -> list[str]:
    """The names a sentence lists after its colon, separated by semicolons, up to the sentence's end."""
    colon = text.find(":")
    if colon < 0:
        return []
    listed = re.split(r"\.(?:\s|$)", text[colon + 1 :], maxsplit=1)[0]
    return [name for name in (part.strip() for part in listed.split(";")) if len(name) >= NAME_MIN_CHARS]


def stated_services(units: Iterable[Unit], lang: str) -> tuple[Unit, int] | None:
    """The first count of services the section's pages say the body provides, and the page that says it."""
    read = fold_kazakh if lang == "kk" else normalise
    words = NUMBERS.get(lang, {})
    for unit in units:
        for block in unit_blocks(unit):
            text = read(block.text).lower()
            for pattern in STATED.get(lang, ()):
                found = pattern.search(text)
                if found is None:
                    continue
                said = found.group(1)
                count = int(said) if said.isdigit() else words.get(said, 0)
                if 1 <= count <= MOST_SERVICES and len(named_after(text[found.end() :])) == count:
                    return unit, count
    return None
