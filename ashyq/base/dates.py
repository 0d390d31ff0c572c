"""Dates in Kazakh and Russian text: find them, parse them, and say which is the freshest.

The public API is small on purpose (other checks import it):

* :func:`find_dates` — every date written in a text, in reading order, as :class:`FoundDate`;
* :func:`freshest` — the latest of them, optionally ignoring dates after "today" (announcements of
  future events must not make a stale page look fresh);
* :func:`parse_timestamp` — one machine timestamp (ISO 8601 as APIs write it, or ``dd.mm.yyyy``);
* :func:`format_date` — a date written the way a Kazakh or Russian page writes it (for messages).

Forms recognised (month names in any grammatical case, any letter case):
``15 қараша 2026 ж.``, ``2026 жылғы 15 қарашада``, ``2026 ж. 15 қараша``, ``15 ноября 2026 года``,
``15 ноября 2026 г.``, ``15.11.2026``, ``15.11.2026 14:30``, ``2026-11-15``, ``2026-11-15T14:30:00+05:00``.
A month name without a day and a year is never taken (``қазан`` is also a cooking pot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

__all__ = ["KK_MONTHS", "KK_SHORT_MONTHS", "FoundDate", "find_dates", "format_date", "freshest", "parse_timestamp"]

# Stems: a Kazakh month takes case endings (қарашада, қарашаның, шілдеде); a Russian one changes
# its last letter (ноября, ноябрь, ноябре; марта, март, марте; мая, май, мае).
KK_MONTHS = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
RU_MONTHS = (
    r"январ[ьяе]",
    r"феврал[ьяе]",
    r"марта?е?",
    r"апрел[ьяе]",
    r"ма[йяе]",
    r"июн[ьяе]",
    r"июл[ьяе]",
    r"августа?е?",
    r"сентябр[ьяе]",
    r"октябр[ьяе]",
    r"ноябр[ьяе]",
    r"декабр[ьяе]",
)
# A month shortened with a dot, as website builders' blogs print dates («18 нояб. 2026 г.», «18 қар. 2026 ж.»): the
# usual abbreviations of each language, each a month's number.
_RU_SHORT = {
    "янв": 1,
    **dict.fromkeys(("фев", "февр"), 2),
    "мар": 3,
    "апр": 4,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    **dict.fromkeys(("сен", "сент"), 9),
    "окт": 10,
    **dict.fromkeys(("ноя", "нояб"), 11),
    "дек": 12,
}
_KK_SHORT = {
    "қаң": 1,
    "ақп": 2,
    "нау": 3,
    "сәу": 4,
    "мам": 5,
    "мау": 6,
    "шіл": 7,
    "там": 8,
    "қыр": 9,
    "қаз": 10,
    "қар": 11,
    "жел": 12,
}
_ABBREVIATED = {**_RU_SHORT, **_KK_SHORT}
KK_SHORT_MONTHS = tuple(_KK_SHORT)
_KK_LETTERS = "а-яёәғқңөұүһі"
_MONTH_NAME = (
    "(?P<month>"
    + "|".join(f"{stem}[{_KK_LETTERS}]*" for stem in KK_MONTHS)
    + "|"
    + "|".join(RU_MONTHS)
    + "|"
    + "|".join(rf"{short}\." for short in sorted(_ABBREVIATED, key=len, reverse=True))
    + ")"
)
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:[,\s]+(?:в\s+|сағ\.?\s*)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
_B = r"(?<![\w.])"  # not inside a longer word or number
_E = r"(?![\w])"

_PATTERNS = (
    # 2026-11-15, 2026-11-15T14:30:00.000+05:00
    re.compile(
        _B + r"(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
        r"(?:Z|[+-]\d\d:?\d\d)?)?" + r"(?![\d])"
    ),
    # 15.11.2026, 15.11.2026 14:30
    re.compile(_B + _DAY + r"\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d])" + _TIME),
    # 2026 жылғы 15 қарашада, 2026 ж. 15 қараша
    re.compile(
        _B + _YEAR + r"\s*(?:жылғы|жылы|жылдың|ж\.)\s*" + _DAY + r"\s+" + _MONTH_NAME + _E + _TIME, re.IGNORECASE
    ),
    # 15 қараша 2026 ж., 15 ноября 2026 года
    re.compile(
        _B + _DAY + r"\s+" + _MONTH_NAME + r"\s+" + _YEAR + r"(?![\d])"
        r"(?:\s*(?:жылғы|жылы|жыл|ж\.|года|год|г\.))?" + _TIME,
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: its value, whether a time was written, and where it stood."""

    value: datetime
    has_time: bool
    text: str
    start: int

    @property
    def day(self) -> date:
        return self.value.date()


def _month_number(word: str) -> int | None:
    word = word.lower()
    if word.endswith("."):
        return _ABBREVIATED.get(word[:-1])
    for number, stem in enumerate(KK_MONTHS, start=1):
        if word.startswith(stem):
            return number
    for number, pattern in enumerate(RU_MONTHS, start=1):
        if re.fullmatch(pattern, word):
            return number
    return None


def _build(match: re.Match[str]) -> FoundDate | None:
    groups = match.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else _month_number(groups.get("month") or "")
    if month is None:
        return None
    try:
        day = date(int(groups["year"]), month, int(groups["day"]))
        hour = groups.get("hour")
        moment = time(int(hour), int(groups["minute"]), int(groups.get("second") or 0)) if hour else time()
    except ValueError:  # 31.02.2026, 25:61 — not a date
        return None
    return FoundDate(datetime.combine(day, moment), hour is not None, match.group(0).strip(), match.start())


def find_dates(text: str) -> list[FoundDate]:
    """Every date in ``text`` in reading order; overlapping readings keep the first pattern's."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            built = _build(match)
            if built is not None:
                found.append(built)
                taken.append(span)
    return sorted(found, key=lambda f: f.start)


def freshest(text: str, not_after: date | None = None) -> FoundDate | None:
    """The latest date in ``text``; with ``not_after``, dates after it (future events) are ignored."""
    dates = [d for d in find_dates(text) if not_after is None or d.day <= not_after]
    return max(dates, key=lambda d: d.value, default=None)


def parse_timestamp(value: str | None) -> datetime | None:
    """A machine timestamp (``2026-11-15T14:30:00.000+05:00``, ``2026-11-15``, ``15.11.2026``), local time.

    The offset is dropped on purpose: Kazakhstan has one time zone, and "today" (``as_of``) is a
    local calendar date.
    """
    if not value:
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment.replace(tzinfo=None)
    except ValueError:
        pass
    dates = find_dates(text)
    return dates[0].value if dates else None


_KK_GENITIVE_FREE = KK_MONTHS
_RU_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def format_date(day: date, lang: str, style: str = "named") -> str:
    """``day`` as a page in ``lang`` writes it. Styles: ``named`` (15 қараша 2026 ж. / 15 ноября 2026 года),
    ``kk_year_first`` (2026 жылғы 15 қараша), ``numeric`` (15.11.2026)."""
    if style == "numeric":
        return f"{day:%d.%m.%Y}"
    if lang == "kk":
        if style == "kk_year_first":
            return f"{day.year} жылғы {day.day} {_KK_GENITIVE_FREE[day.month - 1]}"
        return f"{day.day} {_KK_GENITIVE_FREE[day.month - 1]} {day.year} ж."
    return f"{day.day} {_RU_GENITIVE[day.month - 1]} {day.year} года"
