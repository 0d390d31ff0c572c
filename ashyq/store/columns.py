"""Column types that behave the same on SQLite and PostgreSQL.

SQLite has no time zones; PostgreSQL has no "INTEGER PRIMARY KEY" rowid. These types
hide those differences so the models, and every stage above them, run unchanged on both.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Dialect, Enum, Integer
from sqlalchemy.types import TypeDecorator

# Plain JSON on PostgreSQL too, not JSONB: JSONB re-orders object keys (a score breakdown would
# iterate in another order than on SQLite) and rewrites numbers (the float 2.544847082884737e16
# came back as a different int). JSON keeps the text as written, so both engines hand back
# exactly what was stored.
JSONDocument = JSON()

# 64-bit ids for the high-volume tables (pages, links, records) on PostgreSQL; SQLite only
# auto-increments a column declared exactly "INTEGER PRIMARY KEY".
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp, always handed back in UTC.

    SQLite stores datetimes as text without an offset and returns them naive; PostgreSQL returns
    them in the session's time zone. Both come back here as aware UTC datetimes. A naive datetime
    is refused on the way in: it would mean a different instant on a machine in Almaty.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given to the store: attach a time zone")
        value = value.astimezone(UTC)
        # SQLite's DATETIME drops the offset silently; hand it plain UTC so what is stored is UTC.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def text_enum(vocabulary: type[enum.Enum] | tuple[str, ...], name: str) -> Enum:
    """A closed vocabulary (an enum class, or the values of a ``Literal``) stored as its values in a
    VARCHAR with a CHECK constraint.

    Not a native PostgreSQL ENUM: adding a value then needs only a new CHECK, not ALTER TYPE, and
    SQLite gets the same constraint. The database holds ``"pass"``, not a member name ``PASS``.
    """
    if isinstance(vocabulary, tuple):
        return Enum(*vocabulary, name=name, native_enum=False, create_constraint=True, validate_strings=True)
    return Enum(
        vocabulary,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=_enum_values,
    )


def _enum_values(enum_class: type[enum.Enum]) -> list[Any]:
    return [member.value for member in enum_class]
