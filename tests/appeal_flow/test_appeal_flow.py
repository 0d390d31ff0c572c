"""The appeal on a store: the receipt and the body's five working days, disagreements filed only by
the body's own users before the deadline, and the commission's decisions (an upheld one makes the
run's next revision, with the new score, and a final publication of it)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from appeal_harness import PUBLISHED_AT, AppealStore
from sqlalchemy.orm import Session

from ashyq.pipeline.appeal_flow import (
    AppealRefused,
    appeal_deadline,
    conclusion_citation,
    decide,
    disagreements_of,
    disputable_items,
    file_disagreements,
    form_row,
    is_final,
    open_disagreements,
    opened_by_body,
    receipt_of,
    record_receipt,
)
from ashyq.pipeline.appeal_table import SupportingDocument
from ashyq.reports.body_report import load_body_report
from ashyq.reports.conclusion import render_conclusion_html
from ashyq.store import repository as repo
from ashyq.store.access import Account, Publication
from ashyq.store.db import session_scope
from ashyq.store.models import Finding

# Monday 23 November 2026, 10:00 in Astana
MONDAY = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)


def _state(session: Session, store: AppealStore, who: str) -> tuple[Publication, Account]:
    publication = session.get(Publication, store.publication_id)
    account = session.get(Account, store.accounts[who])
    assert publication is not None and account is not None
    return publication, account


def _rows(items: list[tuple[str, str | None]]) -> list:
    return [
        form_row(item, lang, f"Позиция органа по {item}", [SupportingDocument("Приказ №1", None)])
        for item, lang in items
    ]


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 11, 23), date(2026, 11, 30)),  # Monday: counted from Tuesday, the fifth is next Monday
        (date(2026, 11, 21), date(2026, 11, 27)),  # a Saturday: the count starts on the Monday after
        (date(2026, 3, 20), date(2026, 4, 1)),  # Nauryz 21-23 March and the days off of 24, 25 March
        (date(2026, 12, 14), date(2026, 12, 22)),  # Independence Day, 16 December
    ],
)
def test_the_deadline_is_the_fifth_working_day_after_receipt(received: date, deadline: date) -> None:
    assert appeal_deadline(received) == deadline


def test_the_first_opening_by_the_body_is_the_receipt_in_astana_time(appeal_store: AppealStore) -> None:
    with session_scope(appeal_store.url) as session:
        publication, enbek = _state(session, appeal_store, "enbek")
        late_evening_utc = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # already Tuesday 01:00 in Astana
        receipt = opened_by_body(session, publication, enbek, now=late_evening_utc)
        assert (receipt.received_on, receipt.deadline, receipt.how) == (date(2026, 11, 24), date(2026, 12, 1), "opened")
        again = opened_by_body(session, publication, enbek, now=datetime(2026, 11, 27, 5, 0, tzinfo=UTC))
        assert again.received_on == date(2026, 11, 24)


def test_only_the_bodys_own_user_opens_it_and_an_analyst_corrects_only_on_purpose(appeal_store: AppealStore) -> None:
    with session_scope(appeal_store.url) as session:
        publication, astana = _state(session, appeal_store, "astana")
        with pytest.raises(AppealRefused) as refused:
            opened_by_body(session, publication, astana, now=MONDAY)
        assert refused.value.key == "not_your_body"
        analyst = session.get(Account, appeal_store.accounts["analyst"])
        assert analyst is not None
        record_receipt(session, publication, analyst, date(2026, 11, 20), now=MONDAY)
        with pytest.raises(AppealRefused) as twice:
            record_receipt(session, publication, analyst, date(2026, 11, 23), now=MONDAY)
        assert twice.value.key == "already_received"
        with pytest.raises(AppealRefused) as early:
            record_receipt(session, publication, analyst, date(2026, 11, 19), correct=True, now=MONDAY)
        assert early.value.key == "receipt_before_publication"
        moved = record_receipt(session, publication, analyst, date(2026, 11, 23), correct=True, now=MONDAY)
        assert (moved.received_on, moved.deadline) == (date(2026, 11, 23), date(2026, 11, 30))


def test_disagreements_are_filed_before_the_deadline_and_refused_after_it(appeal_store: AppealStore) -> None:
    with session_scope(appeal_store.url) as session:
        publication, enbek = _state(session, appeal_store, "enbek")
        disputable = {(d.item, d.lang) for d in disputable_items(session, publication)}
        assert {("T7-1", "kk"), ("T1-1", "ru"), ("T9-1", "kk")} <= disputable
        with pytest.raises(AppealRefused) as unreceived:
            file_disagreements(session, publication, enbek, _rows([("T7-1", "kk")]), "form", now=MONDAY)
        assert unreceived.value.key == "not_received"
        opened_by_body(session, publication, enbek, now=MONDAY)  # deadline: Monday 30 November
        last_evening = datetime(2026, 11, 30, 18, 30, tzinfo=UTC)  # 23:30 in Astana on the last day
        filed = file_disagreements(
            session, publication, enbek, _rows([("T7-1", "kk"), ("T1-1", "ru")]), "form", now=last_evening
        )
        assert [(d.item, d.lang, d.documents) for d in filed] == [
            ("T7-1", "kk", [{"name": "Приказ №1", "link": None}]),
            ("T1-1", "ru", [{"name": "Приказ №1", "link": None}]),
        ]
        after = datetime(2026, 11, 30, 19, 0, tzinfo=UTC)  # Tuesday 00:00 in Astana
        with pytest.raises(AppealRefused) as late:
            file_disagreements(session, publication, enbek, _rows([("T9-1", "kk")]), "form", now=after)
        assert late.value.key == "deadline_passed" and late.value.params["deadline"] == "2026-11-30"
        assert "2026-11-30" in late.value.text("kk") and "2026-11-30" in late.value.text("ru")
        assert len(disagreements_of(session, publication)) == 2


@pytest.mark.parametrize(
    ("who", "items", "key"),
    [
        ("astana", [("T7-1", "kk")], "not_your_body"),
        ("analyst", [("T7-1", "kk")], "role"),
        ("commission", [("T7-1", "kk")], "role"),
        ("enbek", [("T7-1", "ru")], "not_in_conclusion"),  # T7-1 lost points in Kazakh only
        ("enbek", [("T3-3", "kk")], "not_in_conclusion"),
        ("enbek", [("T7-1", "kk"), ("T7-1", "kk")], "already_disputed"),
        ("enbek", [], "nothing_disputed"),
    ],
)
def test_what_is_refused_is_refused_whole(
    appeal_store: AppealStore, who: str, items: list[tuple[str, str | None]], key: str
) -> None:
    with session_scope(appeal_store.url) as session:
        publication, enbek = _state(session, appeal_store, "enbek")
        opened_by_body(session, publication, enbek, now=MONDAY)
        account = session.get(Account, appeal_store.accounts[who])
        assert account is not None
        with pytest.raises(AppealRefused) as refused:
            file_disagreements(session, publication, account, _rows(items), "form", now=MONDAY)
        assert refused.value.key == key
        assert disagreements_of(session, publication) == []


def _final_score(session: Session, run_id: str) -> float:
    score = next(s for s in repo.scores_for(session, run_id) if s.body_id == "enbek" and s.edition == "kz-2025")
    return score.final


def test_an_upheld_decision_makes_the_next_revision_and_a_final_publication(appeal_store: AppealStore) -> None:
    with session_scope(appeal_store.url) as session:
        publication, enbek = _state(session, appeal_store, "enbek")
        opened_by_body(session, publication, enbek, now=MONDAY)
        upheld, rejected = file_disagreements(
            session, publication, enbek, _rows([("T7-1", "kk"), ("T1-1", "ru")]), "form", now=MONDAY
        )
        before = _final_score(session, appeal_store.run_id)
        others_before = {s.body_id: s.final for s in repo.scores_for(session, appeal_store.run_id, "kz-2025")}
        commission = session.get(Account, appeal_store.accounts["commission"])
        assert commission is not None
        for who in ("analyst", "enbek", "assessor"):
            account = session.get(Account, appeal_store.accounts[who])
            assert account is not None
            with pytest.raises(AppealRefused) as refused:
                decide(session, upheld, account, "upheld", "—", now=MONDAY)
            assert refused.value.key == "role"
        assert [d.id for d in open_disagreements(session)] == [upheld.id, rejected.id]
        decision = decide(session, upheld, commission, "upheld", "Телефон указан на странице «Контакты»", now=MONDAY)
        assert decision.revision == 2
        no = decide(session, rejected, commission, "rejected", "Набор не опубликован", now=MONDAY)
        assert no.revision is None and open_disagreements(session) == []
        with pytest.raises(AppealRefused) as twice:
            decide(session, rejected, commission, "upheld", "again", now=MONDAY)
        assert twice.value.key == "already_decided"
        after = _final_score(session, appeal_store.run_id)
        assert after > before  # T7-1 kk earns its weight now
        others_after = {s.body_id: s.final for s in repo.scores_for(session, appeal_store.run_id, "kz-2025")}
        assert {b: v for b, v in others_after.items() if b != "enbek"} == {
            b: v for b, v in others_before.items() if b != "enbek"
        }
        findings = {(f.item, f.lang): f for f in repo.findings_for(session, appeal_store.run_id, "enbek")}
        changed = findings[("T7-1", "kk")]
        assert (changed.revision, changed.status, changed.deficiencies) == (2, "pass", [])
        assert changed.measured["appeal"]["disagreement"] == upheld.id and changed.evidence  # the evidence stays
        assert findings[("T1-1", "ru")].status == "partial"
        first = session.query(Finding).filter_by(
            run_id=appeal_store.run_id, body_id="enbek", item="T7-1", lang="kk", revision=1
        )
        assert first.one().status == "fail"  # the audit's own revision stays
        revised = session.query(Publication).filter_by(run_id=appeal_store.run_id, body_id="enbek", revision=2).one()
        assert is_final(session, revised) and not is_final(session, publication)
        with pytest.raises(AppealRefused) as final:
            file_disagreements(session, revised, enbek, _rows([("T9-1", "kk")]), "form", now=MONDAY)
        assert final.value.key == "final"
        assert receipt_of(session, revised) is None
        assert revised.published_at > PUBLISHED_AT


@pytest.mark.parametrize(
    ("lang", "heading", "outcome"),
    [
        ("ru", "Решения комиссии по возражениям органа", "возражение принято"),
        ("kk", "Органның қарсылықтары бойынша комиссияның шешімдері", "қарсылық қабылданды"),
    ],
)
def test_the_revised_conclusion_cites_the_decision(
    appeal_store: AppealStore, lang: str, heading: str, outcome: str
) -> None:
    with session_scope(appeal_store.url) as session:
        publication, enbek = _state(session, appeal_store, "enbek")
        opened_by_body(session, publication, enbek, now=MONDAY)
        (disputed,) = file_disagreements(session, publication, enbek, _rows([("T7-1", "kk")]), "form", now=MONDAY)
        commission = session.get(Account, appeal_store.accounts["commission"])
        assert commission is not None
        decide(session, disputed, commission, "upheld", "Телефон <b>указан</b>", now=MONDAY)
        revised = session.query(Publication).filter_by(run_id=appeal_store.run_id, revision=2).one()
        assert conclusion_citation(session, publication, lang) is None  # the first conclusion is as it was
        citation = conclusion_citation(session, revised, lang)
        html = render_conclusion_html(load_body_report(session, appeal_store.run_id, "enbek"), lang, citation)
    assert heading in html and outcome in html and "T7-1" in html and "2026-11-23" in html
    assert "Телефон &lt;b&gt;указан&lt;/b&gt;" in html  # the reasons are text, never markup


def test_an_appeal_revision_keeps_what_it_does_not_decide(appeal_store: AppealStore) -> None:
    """The other findings are copied whole: an open verdict stays open, with its doubt."""
    with session_scope(appeal_store.url) as session:
        publication, enbek = _state(session, appeal_store, "enbek")
        doubted = (
            session.query(Finding)
            .filter_by(run_id=appeal_store.run_id, body_id="enbek", item="T1-1", lang="kk", revision=1)
            .one()
        )
        doubted.certainty, doubted.doubt = "uncertain", {"reason": "label_only", "quote": "Ашық деректер"}
        opened_by_body(session, publication, enbek, now=MONDAY)
        (disputed,) = file_disagreements(session, publication, enbek, _rows([("T7-1", "kk")]), "form", now=MONDAY)
        commission = session.get(Account, appeal_store.accounts["commission"])
        assert commission is not None
        decide(session, disputed, commission, "upheld", "Телефон берілген", now=MONDAY)
        newest = {(f.item, f.lang): f for f in repo.findings_for(session, appeal_store.run_id, "enbek")}
        kept = newest[("T1-1", "kk")]
        assert (kept.revision, kept.certainty, kept.doubt) == (2, "uncertain", doubted.doubt)
        assert newest[("T7-1", "kk")].certainty == "certain"
