"""What a monitoring night keeps of each entity from night to night: its items counted by week and by
reporting period, the trend read from those weeks, and the entities gone silent.

Counts live in the entity's watch state (the run's settings, carried to the next night): ``weeks``
(Monday → items, the last eight weeks only: what the trend reads) and ``periods`` (the reporting
period's label → items by kind). The trend compares the last four weeks with the four before; an
entity is *silent* when nothing it published is newer than :data:`SILENT_DAYS` days.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from ashyq.base.period import period_of
from ashyq.base.working_days import ALMATY
from ashyq.pipeline.monitor_listings import KINDS, Published, moment

SILENT_DAYS = 56
TREND_WEEKS = 4  # the trend: the last four weeks against the four before


def count_item(watched: dict[str, Any], item: Published, as_of: date) -> None:
    """The entity's items by week (Monday) and by reporting period: its trend and its year so far. The
    weeks the trend no longer reads (older than eight) are dropped here, where the weeks are kept."""
    day = moment(item.created).date()
    weeks = watched.setdefault("weeks", {})
    monday = (day - timedelta(days=day.weekday())).isoformat()
    weeks[monday] = int(weeks.get(monday, 0)) + 1
    oldest = (as_of - timedelta(days=as_of.weekday()) - timedelta(weeks=2 * TREND_WEEKS - 1)).isoformat()
    for old in [w for w in weeks if w < oldest]:
        del weeks[old]
    label = period_of(day).label
    periods = watched.setdefault("periods", {}).setdefault(label, {})
    periods[item.kind] = int(periods.get(item.kind, 0)) + 1


def trend(watched: dict[str, Any], as_of: date) -> dict[str, int]:
    """Items in the last four weeks and in the four before (a reading: the state is left as it is)."""
    weeks = watched.get("weeks") or {}
    start = as_of - timedelta(days=as_of.weekday())
    recent = {(start - timedelta(weeks=k)).isoformat() for k in range(TREND_WEEKS)}
    earlier = {(start - timedelta(weeks=k)).isoformat() for k in range(TREND_WEEKS, 2 * TREND_WEEKS)}
    return {
        "last_4_weeks": sum(weeks.get(w, 0) for w in recent),
        "4_weeks_before": sum(weeks.get(w, 0) for w in earlier),
    }


def in_period(watched: dict[str, Any], as_of: date) -> dict[str, int]:
    """The entity's items of the reporting period ``as_of`` falls in, by kind."""
    periods: dict[str, dict[str, int]] = watched.get("periods") or {}
    return periods.get(period_of(as_of).label, {})


def silent_entities(watch: dict[str, dict[str, Any]], entities: dict[str, str], as_of: date) -> list[str]:
    """The entities whose newest item of any kind is older than :data:`SILENT_DAYS` (or never seen)."""
    since = datetime.combine(as_of - timedelta(days=SILENT_DAYS), time(0), ALMATY)
    out = []
    for slug in entities:
        last = [str(v) for k, v in watch.get(slug, {}).items() if k in KINDS and v]
        if not last or max(moment(v) for v in last) < since:
            out.append(slug)
    return sorted(out)
