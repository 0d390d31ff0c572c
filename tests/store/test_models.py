"""Every model round-trips, column by column, with Kazakh text, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session
from store_sample import KAZAKH_LETTERS, Sample, build_sample

from ashyq.store.db import engine_for
from ashyq.store.models import Base, Finding, Run, Score
from ashyq.store.vocabulary import RunKind


def column_values(row: Base) -> dict[str, Any]:
    return {attribute.key: getattr(row, attribute.key) for attribute in inspect(type(row)).column_attrs}


def primary_key(row: Base) -> tuple[Any, ...]:
    return inspect(row).identity or ()


def test_the_sample_fills_every_column_of_every_model(sample: Sample) -> None:
    # Otherwise a round trip could pass by comparing None with None.
    for mapper in Base.registry.mappers:
        rows = [row for row in sample.rows() if type(row) is mapper.class_]
        assert rows, f"the sample has no {mapper.class_.__name__}"
        empty = {key for key in column_values(rows[0]) if all(column_values(row)[key] is None for row in rows)}
        assert not empty, f"{mapper.class_.__name__} columns never filled: {sorted(empty)}"


def test_every_model_round_trips(store_url: str, sample: Sample) -> None:
    expected = {(type(row), primary_key(row)): column_values(row) for row in sample.rows()}
    with Session(engine_for(store_url)) as fresh:
        for (model, key), values in expected.items():
            loaded = fresh.get(model, key)
            assert loaded is not None, f"{model.__name__} {key} not stored"
            assert column_values(loaded) == values, model.__name__


def test_kazakh_text_comes_back_letter_for_letter(store_url: str, sample: Sample) -> None:
    with Session(engine_for(store_url)) as fresh:
        finding = fresh.get(Finding, sample.finding.id)
        assert finding is not None
        assert finding.measured["мәтін"] == KAZAKH_LETTERS
        assert finding.deficiencies[0]["message"] == "Құжаттың қазақша нұсқасы жоқ"
        assert fresh.get(type(sample.parent), "minjust").name_kk == "Қазақстан Республикасы Әділет министрлігі"  # type: ignore[union-attr]


def test_datetimes_come_back_aware_in_utc(store_url: str, sample: Sample) -> None:
    with Session(engine_for(store_url)) as fresh:
        run = fresh.get(Run, sample.run.id)
        assert run is not None
        assert run.started_at.tzinfo is UTC
        assert run.started_at == sample.run.started_at  # the same instant, written at +05:00
        assert run.started_at.hour == 21  # 02:30 in Almaty is 21:30 UTC the day before


def test_enums_come_back_as_members(store_url: str, sample: Sample) -> None:
    with Session(engine_for(store_url)) as fresh:
        finding = fresh.get(Finding, sample.finding.id)
        assert finding is not None
        assert finding.status == "partial"
        raw = fresh.execute(text("SELECT status, lang FROM finding")).one()
        assert tuple(raw) == ("partial", "kk")  # values, not member names


def test_finding_evidence_link(store_url: str, sample: Sample) -> None:
    with Session(engine_for(store_url)) as fresh:
        finding = fresh.get(Finding, sample.finding.id)
        assert finding is not None
        assert [evidence.id for evidence in finding.evidence] == ["ev-warc-0001"]


def test_a_naive_datetime_is_refused(session: Session, sample: Sample) -> None:
    sample.run.finished_at = datetime(2026, 11, 20, 5, 0)
    with pytest.raises(StatementError, match="naive datetime"):
        session.flush()


def test_not_assessed_needs_a_reason(session: Session, sample: Sample) -> None:
    session.add(
        Finding(
            run_id=sample.run.id,
            body_id=sample.parent.id,
            item="T7-1",
            status="not_assessed",
            check_id="dialog.answers",
            check_version="1",
        )
    )
    with pytest.raises(IntegrityError):
        session.flush()


def test_a_finished_run_needs_its_finish_time(session: Session) -> None:
    session.add(Run(id="r", kind=RunKind.AUDIT, status="complete", started_at=datetime.now(UTC)))
    with pytest.raises(IntegrityError):
        session.flush()


def test_the_database_refuses_a_value_outside_the_vocabulary(session: Session, sample: Sample) -> None:
    # Written around the ORM, as a hand-made fix-up or another tool would.
    with pytest.raises(IntegrityError):
        session.execute(text("UPDATE finding SET status = 'passed'"))


def test_one_score_per_run_body_and_edition(session: Session, sample: Sample) -> None:
    duplicate = {key: value for key, value in column_values(sample.score).items() if key != "id"}
    session.add(Score(**duplicate))
    with pytest.raises(IntegrityError):
        session.flush()


JSON_TEXT = st.text(
    alphabet=st.sampled_from(KAZAKH_LETTERS.replace(" ", "")) | st.characters(exclude_categories=("Cs",)),
    max_size=12,
).filter(lambda value: "\x00" not in value)  # PostgreSQL stores no NUL in text or JSONB
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | JSON_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(JSON_TEXT, children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.dictionaries(JSON_TEXT, JSON_VALUES, max_size=5))
def test_json_documents_round_trip(session: Session, sample: Sample, document: dict[str, Any]) -> None:
    session.execute(update(Run).values(settings=document))
    session.expire_all()
    reread = session.scalars(select(Run.settings)).one()
    # Compared as JSON text: equal values would hide 1.0 turning into 1, or keys changing order.
    assert json.dumps(reread) == json.dumps(document)
    session.rollback()


def test_json_object_keys_keep_their_order(session: Session, sample: Sample) -> None:
    breakdown = {"T9": 1.0, "T10": 2.5, "T1": 3, "T7.1": 0.5, "F": None}
    sample.score.breakdown = breakdown
    session.commit()
    session.expire_all()
    assert list(session.scalars(select(Score.breakdown)).one()) == ["T9", "T10", "T1", "T7.1", "F"]


def test_json_lists_of_records_keep_their_order(store_url: str) -> None:
    with Session(engine_for(store_url)) as writing:
        sample = build_sample(writing)
        sample.finding.deficiencies = [{"message": f"{i}: {KAZAKH_LETTERS}"} for i in range(20)]
        writing.commit()
        finding_id = sample.finding.id
    with Session(engine_for(store_url)) as reading:
        finding = reading.get(Finding, finding_id)
        assert finding is not None
        assert [d["message"].split(":")[0] for d in finding.deficiencies] == [str(i) for i in range(20)]
