"""Timeliness of a periodic report (the Appendix 15 and 16 notes' «несвоевременное обновление
информационных материалов»; Table 7's «актуальная информация»).

* a report written "as of" a day («по состоянию на 14 октября 2026 года», «01.10.2026 жағдай бойынша»;
  at the turn of a month also «на 01.10.2026», «2026 жылғы 1 қазандағы» - on another day these are a
  decision's or an event's date, «2025 жылғы 14 желтоқсандағы шешім»; after the report's noun also the locative,
  «атқарылуы 2026 жылғы 1 сәуірде») is the state of things on that day, read in the text and in the heading over it
  («Исполнение бюджета на 1 октября 2026 года» over the table).
  An indicator whose material is such a report (``current: {report_months: 3}``: budget execution is
  reported at least quarterly) is untimely when its latest "as of" day lies before the end of the last
  period of that length that ended at least :data:`GRACE_DAYS` before the audit: on 20 November the
  report as of 1 October (the third quarter) is due, one as of 1 July or 1 April is not current. Days
  named otherwise (a decision «от 14 декабря 2025 года», an audit's date) are not the report's.
* the same indicator in the other language: where both languages show it, this language's material is
  untimely when it is markedly older than the other's - its report day (else its freshest date) a period
  (:data:`LAG_DAYS`, or half the indicator's own currency where shorter: two weeks for a news feed current within
  a month, :func:`lag_for`) or more before the other's, or the latest year its data names before the other's
  (by :data:`LAG_YEARS` where both pages carry dates alike: a table of 2022-2023 beside one of 2024-2025)
  (:func:`lagging`). The two texts are the same body's one publication: a Kazakh page that still reports as
  of 1 July beside a Russian one as of 1 November has not been updated.
* the period a report covers, named in words («за январь–сентябрь 2026 года», «9 мес. 2026», «первое полугодие
  2026 года», «III квартал»; «2026 жылғы қаңтар–маусым», «2026 ж. 6 ай», «2026 жылдың 9 айы», «бірінші
  жартыжылдық», «3-тоқсан») is its state of things at the period's end (read with the block,
  :func:`ashyq.checks.completeness.page_blocks.periods_in`): where both languages name one, the periods show the
  lag (a Kazakh table of six months beside a Russian one of nine is a quarter behind, whatever day either page
  was posted; a lag of the days posted still counts), and a language naming only a year beside a period of a
  later year is behind by the time between that year's end and the period's end.
* a schedule drawn up for a period it names («График приема граждан на октябрь 2026 года», «2026 жылғы қарашадағы
  қабылдау кестесі», «(2026 жылғы І жартыжылдық)», «на IV квартал 2026 года») is current until that period ends: on
  20 November a schedule for October or for the first half of the year has run out (Table 7's «актуальная
  информация», the Appendix 15 and 16 notes' «несвоевременное обновление»), one for November, the second half or
  the year has not; a schedule naming no period, or saying it repeats («каждый вторник», «сәрсенбі сайын»), does
  not run out (``current: {schedule: true}``, :func:`schedule_staleness`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ashyq.base.dates import KK_MONTHS, KK_SHORT_MONTHS, find_dates
from ashyq.base.text import fold_kazakh
from ashyq.checks.completeness.page_blocks import COPYRIGHT, YEAR, Block, month_end

GRACE_DAYS = 30  # a month to publish the report of a period that has ended
LAG_DAYS = 90  # a quarter: one language's material this much older than the other's is not updated
LAG_YEARS = 2  # … or the latest year its data names this many years behind, where both are dated alike
# INTERPRETATION: a week and a half to put up the translation of an act the other language has posted
ACT_GRACE_DAYS = 10
ACT_NEAR = 40  # characters at most between an act's number and its day on one line
ACT_NUMBER = re.compile(r"№\s?(\d+(?:[/-]\w+)*)")  # «№ 261», «№ 318/11», «№ 98-од», «№ 61-ө»
FEED_DAYS = 31  # an indicator to be kept current within a month or less is a feed of dated items (news, announcements)

# «по состоянию на 14 октября»: said in so many words, any day
STATED_AS_OF = re.compile(r"по\s+состоянию\s+на\s*$")
# «на 1 октября», «на 01.10.2026», «(на 1 ноября 2026 года)»: the first or last day of a month
RU_AS_OF = re.compile(r"(?:^|[\s(«\"])(?:по\s+состоянию\s+)?на\s*$")
# «1 қазандағы», «2026 жылғы 1 сәуірдегі» (the locative-attributive ending of the month), «01.10.2026 жағдай бойынша»;
# also as the content checks fold Kazakh text («1 казандагы», «жагдай бойынша»)
KK_AS_OF_ENDING = re.compile(r"(?:да|де|та|те)(?:ғы|гі|гы|ги)$")
# «Бюджеттің атқарылуы 2026 жылғы 1 сәуірде: …»: the locative names a report's day after the report's own noun
# (its execution, its use, its state), as «на 1 апреля» does; elsewhere it is an event's day
KK_AS_OF_LOCATIVE = re.compile(r"(?:да|де|та|те)$")
KK_REPORT_NOUN = re.compile(r"(?:ат[қк]арыл|игер[іи]л|орындал|пайдалан|жа[ғг]дай)\w*(?:\s+\S+){0,4}\s*$")
KK_AS_OF_AFTER = re.compile(
    r"^\s*(?:ж\.|жылғы|жылгы|жыл)?\s*(?:\d{1,2}[:.]\d{2}\s*)?(?:\S+\s+)?жа[ғг]дай(?:ы)?\s+бойынша"
)
# the Kazakh months (:data:`ashyq.base.dates.KK_MONTHS`), as folded text writes them back to as
# :func:`ashyq.base.dates.find_dates` reads them
UNFOLD = [(re.compile(rf"(?<!\w){fold_kazakh(m)}"), m) for m in KK_MONTHS if fold_kazakh(m) != m] + [
    (re.compile(rf"(?<!\w){fold_kazakh(m)}\."), f"{m}.")
    for m in KK_SHORT_MONTHS  # «18 қар. 2026 ж.»
    if fold_kazakh(m) != m
]
FOLDED_YEAR = re.compile(r"(?<=\d)(\s*)жылгы(?!\w)")


def report_days(text: str) -> tuple[date, ...]:
    """The days a (normalised) text reports "as of", in the order written."""
    out = []
    text = _unfolded(text)
    for found in find_dates(text):
        before = text[max(0, found.start - 30) : found.start]
        written = found.text.rstrip(" .,")
        after = text[found.start + len(found.text) : found.start + len(found.text) + 40]
        if STATED_AS_OF.search(before) or KK_AS_OF_AFTER.match(after):
            out.append(found.day)
        elif (RU_AS_OF.search(before) or KK_AS_OF_ENDING.search(written)) and _turn_of_month(found.day):
            out.append(found.day)  # «на 1 ноября», «1 қазандағы»: a report's day, not a decision's «14 желтоқсандағы»
        elif KK_AS_OF_LOCATIVE.search(written) and KK_REPORT_NOUN.search(before) and _turn_of_month(found.day):
            out.append(found.day)  # «атқарылуы 2026 жылғы 1 сәуірде»
    return tuple(out)


def _unfolded(text: str) -> str:
    """A folded Kazakh text's month names and «жылғы» written back (same length), for the dates to be read."""
    for pattern, month in UNFOLD:
        text = pattern.sub(month, text)
    return FOLDED_YEAR.sub(lambda m: f"{m.group(1)}жылғы", text)


def _turn_of_month(day: date) -> bool:
    """A report's day: the first or the last of a month."""
    return day.day == 1 or (day + timedelta(days=1)).day == 1


def last_period_end(as_of: date, months: int, grace: int = GRACE_DAYS) -> date:
    """The last day of the latest period of ``months`` (counted from 1 January) that ended at least
    ``grace`` days before ``as_of``."""
    day = as_of - timedelta(days=grace)
    # the first month of the period ``day`` falls in; the period before it ended the day before its start
    first = ((day.month - 1) // months) * months + 1
    start = date(day.year, first, 1)
    return start - timedelta(days=1)


def report_staleness(months: int | None, blocks: Iterable[Block], as_of: date) -> str | None:
    """Why a report of ``months``' periodicity in ``blocks`` is out of date, or None (also where it names
    no "as of" day)."""
    if months is None:
        return None
    days = [d for b in blocks for d in report_days(b.all_text) if d <= as_of]
    if not days:
        return None
    latest, due = max(days), last_period_end(as_of, months)
    if latest < due:
        return (
            f"it reports as of {latest.isoformat()}, although the period ending {due.isoformat()} has ended "
            f"(reported at least every {months} months)"
        )
    return None


def period_staleness(months: int | None, blocks: Iterable[Block], as_of: date) -> str | None:
    """Why results given by the periods they cover («за 9 месяцев 2026 года», «2026 жылғы І жартыжылдық») are out of
    date for a periodicity of ``months``: the latest period they cover ends before the last period of that length
    that has ended. A period still running («в 2026 году проведено …») reaches the audit's day. None where no period
    is named."""
    if months is None:
        return None
    covered = [min(d, as_of) for b in blocks for d in b.periods]
    if not covered:
        return None
    latest, due = max(covered), last_period_end(as_of, months)
    if latest >= due:
        return None
    return (
        f"the latest period it covers ends {latest.isoformat()}, although the period ending {due.isoformat()} has "
        f"ended (results at least every {months} months)"
    )


# The schedule readings work on folded text (:func:`ashyq.base.text.fold_kazakh`), the form the content checks hold
# Kazakh blocks in: «қабылдау» is read as «кабылдау», the Roman «І» as «и».
# a schedule's sentence: its noun names the period it is drawn up for («график … на октябрь», «кестесі (… І
# жартыжылдық)»); a reception named otherwise («интернет-қабылдау 2026 жылғы қыркүйекте …») is no schedule's period
SCHEDULE_NOUNS = re.compile(r"график|расписани|кесте")
RECEPTION = re.compile(r"при[её]м|принима|кабылда")
# a schedule that repeats («каждый вторник», «по средам», «еженедельно», «сәрсенбі сайын»): it does not run out
STANDING = re.compile(r"кажд\w+|еженедельн|по (?:понедельник|вторник|сред|четверг|пятниц|суббот)ам|(?<!\w)сайын(?!\w)")
_ORDINAL_WORDS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "биринши": 1, "екинши": 2, "ушинши": 3, "тортинши": 4}
_PART = r"(?<!\w)([iи]{1,3}|[iи]v|[1-4]|перв\w*|втор\w*|трет\w*|четв\w*|биринши|екинши|ушинши|тортинши)"
_KK_YEAR_OF = r"(\d{4})\s*(?:жыл\w*|ж\.)\s*"
# a half-year or a quarter («на II полугодие 2026 года», «IV квартал 2026»; «2026 жылғы І жартыжылдық», «2026 жылдың
# екінші жартыжылдығына», «2026 жылғы IV тоқсанда»)
RU_PART_PERIOD = re.compile(_PART + r"\s*(?:-?(?:е|ое|й|го|ого)\s*)?(полугоди|квартал)\w*\s*(\d{4})")
KK_PART_PERIOD = re.compile(_KK_YEAR_OF + _PART + r"\s*-?\s*(жарты\s*жыл|токсан)")
# a month of a year named as a period, not as a day or a time within it: «на октябрь 2026 года», «за октябрь 2026»
# (not «9 октября 2026», «в октябре 2026»); «2026 жылғы қарашадағы», «2026 жылғы қазан айына» (not the locative alone,
# «2026 жылғы қыркүйекте», when something happened)
RU_MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
RU_MONTH_PERIOD = re.compile(r"(?<!\w)(" + "|".join(RU_MONTHS) + r")\s+(\d{4})")
_FOLDED_MONTHS = tuple(fold_kazakh(m) for m in KK_MONTHS)
KK_MONTH_PERIOD = re.compile(_KK_YEAR_OF + "(" + "|".join(_FOLDED_MONTHS) + r")(\w*)")
KK_LOCATIVE = ("да", "де", "та", "те")
# a year named as the period of a schedule («на 2026 год», «2026 жылға арналған»)
YEAR_PERIOD = re.compile(r"на\s+(\d{4})\s*(?:год|г\.)|(\d{4})\s*жыл(?:га|дын)?\s+арналган")


def _part_end(year: str, part: str, kind: str) -> date | None:
    """The last day of the ``part``-th half-year («полугоди», «жарты жыл») or quarter of ``year``."""
    word = part.replace("и", "i")
    number = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(word) or (int(word) if word.isdigit() else None)
    number = number or next((n for stem, n in _ORDINAL_WORDS.items() if part.startswith(stem)), None)
    months = 6 if kind.startswith(("полугоди", "жарты")) else 3
    if number is None or number * months > 12:
        return None
    return month_end(int(year), number * months)


def schedule_ends(text: str) -> tuple[date, ...] | None:
    """The ends of the periods the schedules in a text are drawn up for, or None where a schedule in it repeats and
    names no period (a standing schedule does not run out)."""
    ends: list[date | None] = []
    for sentence in re.split(r"(?<=[.!?;])\s+", fold_kazakh(text)):
        if not SCHEDULE_NOUNS.search(sentence):
            if RECEPTION.search(sentence) and STANDING.search(sentence):
                return None  # «Аким принимает граждан каждую среду»
            continue
        named: list[date | None] = [
            _part_end(m.group(3), m.group(1), m.group(2)) for m in RU_PART_PERIOD.finditer(sentence)
        ]
        named += [_part_end(m.group(1), m.group(2), m.group(3)) for m in KK_PART_PERIOD.finditer(sentence)]
        named += [
            month_end(int(m.group(2)), RU_MONTHS.index(m.group(1)) + 1) for m in RU_MONTH_PERIOD.finditer(sentence)
        ]
        named += [
            month_end(int(m.group(1)), _FOLDED_MONTHS.index(m.group(2)) + 1)
            for m in KK_MONTH_PERIOD.finditer(sentence)
            if m.group(3) not in KK_LOCATIVE
        ]
        named += [date(int(m.group(1) or m.group(2)), 12, 31) for m in YEAR_PERIOD.finditer(sentence)]
        if not named and STANDING.search(sentence):
            return None
        ends += named
    return tuple(d for d in ends if d is not None)


def schedule_staleness(blocks: Iterable[Block], as_of: date) -> str | None:
    """Why a schedule in ``blocks`` has run out, or None: the latest period its schedules are drawn up for ended
    before the audit (:func:`schedule_ends`)."""
    ends: list[date] = []
    for block in blocks:
        named = schedule_ends(block.all_text)
        if named is None:
            return None
        ends += named
    if ends and max(ends) < as_of:
        return f"the schedule is drawn up for a period that ended on {max(ends).isoformat()}"
    return None


@dataclass(frozen=True)
class Age:
    """How recent one language's material of an indicator is: its report day, else its freshest date; the
    latest year it names; and the end of the latest period it names as covered (``Block.periods``)."""

    day: date | None
    year: int | None
    period: date | None = None

    def cite(self) -> str:
        if self.day is not None:
            return self.day.isoformat()
        return str(self.year) if self.year is not None else "undated"


def is_feed(current_days: int | None, report_months: int | None, period_months: int | None) -> bool:
    """Whether an indicator is a feed of dated items (:data:`FEED_DAYS`) rather than a report of a period."""
    return current_days is not None and current_days <= FEED_DAYS and report_months is None and period_months is None


def age_of(blocks: Iterable[Block], as_of: date, feed: bool = False) -> Age:
    """The material's age in ``blocks`` (dates after ``as_of`` are announcements, not the material; the
    years are those named apart from a date, a page's stamp «08.06.2026» names no year of the data). A report's
    age is the day it reports as of, whenever it was posted; a feed's (``feed``, :func:`is_feed`) is its newest
    item's: a headline «Облыстық бюджеттің 2026 жылғы 1 қарашадағы атқарылуы» posted on 16.11.2026 is one item
    about a report, not the day the feed stopped, and the years and periods its items name are theirs."""
    blocks = tuple(blocks)
    # the day may head the report («Исполнение бюджета на 1 октября 2026 года» over its table)
    reported = [d for b in blocks for d in report_days(b.all_text) if d <= as_of]
    posted = [d for b in blocks for d in b.dates if d <= as_of] if feed or not reported else []
    dated = reported + posted if feed else reported or posted
    if feed and dated:  # the years and periods its items name are their subjects («2026 жылғы 9 айдың қорытындылары»)
        return Age(max(dated), None, None)
    years = [y for b in blocks for y in _years(f"{b.heading} {b.text}") if y <= as_of.year]
    periods = [d for b in blocks for d in b.periods if d <= as_of]
    return Age(max(dated) if dated else None, max(years) if years else None, max(periods) if periods else None)


def _years(text: str) -> list[int]:
    text = _unfolded(text)  # a Kazakh text is compared folded: its dates are read as written
    for found in find_dates(text):
        text = text.replace(found.text, " ")
    return [int(y) for y in YEAR.findall(COPYRIGHT.sub(" ", text))]


def lag_for(current_days: int | None) -> int:
    """The lag between the languages that counts for an indicator: a quarter, or half the indicator's own currency
    where that is shorter - a news feed that must be current within a month (``current: {days: 30}``) and whose
    latest item is two weeks or more older than the other language's has not been kept up with it."""
    return min(LAG_DAYS, current_days // 2) if current_days else LAG_DAYS


def _period_lag(mine: Age, theirs: Age, lag_days: int) -> bool:
    """Whether the periods the two texts name as covered show the lag: both named, or a year's material («2025
    жылғы шолу») beside a later period («за 9 месяцев 2026 года»)."""
    if theirs.period is None:
        return False
    if mine.period is not None:
        return (theirs.period - mine.period).days >= lag_days
    return mine.day is None and mine.year is not None and (theirs.period - date(mine.year, 12, 31)).days >= lag_days


def lagging(mine: Age, theirs: Age, periods_only: bool = False, lag_days: int = LAG_DAYS) -> bool:
    """Whether this language's material is markedly older than the other's: by the periods both name as covered
    (or the year this one names beside the other's period), by days where both are dated (or the last day of the
    year this one names, where only the other is dated by a day), else by the latest year where both name one;
    with ``periods_only`` by the periods alone. ``lag_days``: the lag that counts (:func:`lag_for`)."""
    if _period_lag(mine, theirs, lag_days):
        return True  # the periods the two texts cover, whatever day either was posted
    if periods_only:  # places unlike (a block and a page): their days and years say nothing of one another
        return False
    if mine.day is not None and theirs.day is not None and (theirs.day - mine.day).days >= lag_days:
        return True
    if mine.day is None and mine.year is not None and theirs.day is not None:
        # dated by a year only («2025 жылғы орындалуы») against a day («на 1 октября 2026 года»): the year's last day
        # is the latest this language's material can be as of
        return (theirs.day - date(mine.year, 12, 31)).days >= lag_days
    if mine.year is not None and theirs.year is not None and mine.day == theirs.day:
        # dated alike (one stamp on both pages), the data's years may still differ: 2022-2023 beside 2024-2025
        return theirs.year - mine.year >= (LAG_YEARS if mine.day is not None else 1)
    return False


def lag_reason(lang: str, other: str, mine: Age, theirs: Age, lag_days: int = LAG_DAYS) -> str:
    """The lag :func:`lagging` found, said by the periods where they show it, else by the days or years."""
    if theirs.period is not None and _period_lag(mine, theirs, lag_days):
        mine_said = f"covers the period to {mine.period.isoformat()}" if mine.period else f"is of {mine.cite()}"
        return f"its {lang} material {mine_said}, the {other} one covers the period to {theirs.period.isoformat()}"
    return f"its {lang} material is as of {mine.cite()}, the {other} one as of {theirs.cite()}"


@dataclass(frozen=True)
class Act:
    """An act a list names by its number and day."""

    number: str
    day: date

    def cite(self) -> str:
        return f"No. {self.number} of {self.day.isoformat()}"


def numbered_acts(blocks: Iterable[Block]) -> set[Act]:
    """The acts ``blocks`` name by number and day on one line (a list item, a paragraph): the number and the
    nearest day no more than :data:`ACT_NEAR` characters from it."""
    acts = set()
    for block in blocks:
        for line in block.pieces or (block.all_text,):
            text = _unfolded(line)
            days = [(found.start, found.start + len(found.text), found.day) for found in find_dates(text)]
            for match in ACT_NUMBER.finditer(text):
                near = [
                    (max(start - match.end(), match.start() - end, 0), day)
                    for start, end, day in days
                    if max(start - match.end(), match.start() - end) <= ACT_NEAR
                ]
                if near:
                    acts.add(Act(match.group(1), min(near)[1]))
    return acts


def missing_acts(mine: Iterable[Block], theirs: Iterable[Block], my_text: str, as_of: date) -> list[Act]:
    """The acts the other language's list (``theirs``, two acts or more) names and this language's pages
    (``my_text``, all of them) never number, of the period this language's own list (``mine``) covers or later
    and at least :data:`ACT_GRACE_DAYS` before ``as_of``; none where this language lists no numbered act."""
    their_acts = numbered_acts(theirs)
    my_acts = numbered_acts(mine)
    if len(their_acts) < 2 or not my_acts:
        return []
    since = min(act.day for act in my_acts)
    due = as_of - timedelta(days=ACT_GRACE_DAYS)
    text = fold_kazakh(my_text)
    return sorted(
        (act for act in their_acts if since <= act.day <= due and not numbered_in(act, text)),
        key=lambda act: (act.day, act.number),
    )


def numbered_in(act: Act, text: str) -> bool:
    """Whether ``text`` (folded) gives the act's figures: the letters after them are each language's own (the
    chairman's order «№ 61-ө» on the Kazakh page is «№ 61-п» on the Russian one)."""
    return bool(re.search(rf"(?<![\w/-]){re.escape(_figures(act.number))}(?!\d|/\d)", text))


def _figures(number: str) -> str:
    """An act's number without the letters after its figures: «61-ө» → «61», «318/11» → «318/11»."""
    found = re.match(r"\d+(?:/\d+)*", number)
    return found.group(0) if found else number
