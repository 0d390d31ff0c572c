"""The replica world's Appendix 9 reports: they load through the loader ``ashyq declare`` uses, are
deterministic, and against the running world the real re-verifier finds exactly the seeded untrue
facts (item R of the ground truth) and confirms every other declared link."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from ashyq_replica.commands.world import world_app
from ashyq_replica.core import World
from ashyq_replica.declared_reports import declared_bodies, declared_defects, declared_report, untrue_rows
from typer.testing import CliRunner

from ashyq.base.forms import FORMS, DeclaredReport
from ashyq.base.vocabulary import CONFIRMED
from ashyq.base.working_days import add_working_days
from ashyq.declared.fetch import PoliteFetcher
from ashyq.declared.loader import LoadContext, load_report
from ashyq.declared.reconcile import untrue_facts
from ashyq.declared.verify import Verdict, verify_report
from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.urlmap import BaseUrlMap

WORLD = World()
BODIES = declared_bodies(WORLD)


def _load(tmp_path: Path, body_id: str) -> DeclaredReport:
    path = tmp_path / f"{body_id}.yaml"
    path.write_text(yaml.safe_dump(declared_report(WORLD, body_id), allow_unicode=True, sort_keys=False), "utf-8")
    return load_report(path, LoadContext(body_id, WORLD.body(body_id).kind)).report


def test_every_cgo_and_mio_reports() -> None:
    assert sorted(BODIES) == ["adilet", "astana", "enbek", "karaganda", "kostanay", "mod"]
    with pytest.raises(ValueError):
        declared_report(WORLD, "enbek-center")


@pytest.mark.parametrize("body_id", BODIES)
def test_report_loads_through_the_declare_loader(tmp_path: Path, body_id: str) -> None:
    raw = declared_report(WORLD, body_id)
    report = _load(tmp_path, body_id)  # raises DeclarationError on any problem
    assert report.general.body_id == body_id and report.general.period == str(WORLD.as_of.year)
    for form in FORMS:
        if form.list_form:  # nothing dropped or added on the way in
            assert len(getattr(report, form.key)) == len(raw.get(form.key, [])), form.key
    assert report.media_events and report.media_requests and report.dialogue and report.open_data


@pytest.mark.parametrize("body_id", BODIES)
def test_reports_are_deterministic(body_id: str) -> None:
    first = yaml.safe_dump(declared_report(World(), body_id), allow_unicode=True)
    assert first == yaml.safe_dump(declared_report(World(), body_id), allow_unicode=True)


def test_compliance_varies_as_the_world_intends(tmp_path: Path) -> None:
    reports = {b: _load(tmp_path, b) for b in BODIES}
    high = {b: sum(e.high_publicity for e in r.media_events) for b, r in reports.items()}
    assert high["enbek"] >= 12 and len(reports["karaganda"].media_events) < 12
    assert high["enbek"] > high["mod"] > high["karaganda"]
    late = {}
    for b, r in reports.items():
        late[b] = sum(q.answer_date is None or q.answer_date > add_working_days(q.incoming_date, 5)
                      for q in r.media_requests)  # fmt: skip
    assert late["enbek"] == 0 and late["mod"] >= 1 and late["karaganda"] >= 2
    # kk and ru differ: karaganda's Russian-only blog posts have no Kazakh link
    assert any(e.link_ru and not e.link_kk for e in reports["karaganda"].media_events)
    assert all(e.link_kk and e.link_ru for e in reports["enbek"].media_events)
    bands = sorted(r.general.population_survey_percent or 0 for r in reports.values())
    assert bands[0] < 35 and bands[-1] > 80 and len(set(bands)) == len(bands)
    assert not reports["mod"].budget_cgo  # restricted by law
    assert {r.publicity for r in reports["enbek"].npa if r.row == "5"} == {"announced-streamed-journalists-questions"}
    assert "no-outside-participants" in {r.publicity for r in reports["mod"].npa if r.row == "5"}
    assert all(r.subordinates for b, r in reports.items() if b in ("enbek", "adilet"))


def test_untrue_rows_are_the_ground_truth() -> None:
    defects = declared_defects(WORLD)
    per_body = Counter(d.body for d in defects)
    assert per_body == {"karaganda": 2, "mod": 1, "kostanay": 1}
    for d in defects:
        assert d.item == "R" and d.lang is None and d.expected == "fail"
        assert d.measured == (("facts", per_body[d.body]),)
        assert d.where in {str(u.row.get("link_ru")) for u in untrue_rows(WORLD, d.body)}


# ------------------------------------------------------------------------------------------- live
@pytest.fixture(scope="module")
def verified(world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every report re-verified by the real verifier against the running replica world."""
    url_map = BaseUrlMap.from_mapping(world_urls)
    folder = tmp_path_factory.mktemp("declared")
    out: dict[str, Any] = {}
    for body_id in BODIES:
        report = _load(folder, body_id)
        fetcher = PoliteFetcher(load_crawl_config(), url_map)
        out[body_id] = (report, verify_report(report, fetcher))
    return out


def test_untrue_facts_equal_the_seeded_defects(verified: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    expected = Counter(d.body for d in declared_defects(WORLD))
    figures = {}
    for body_id, (_, verdicts) in verified.items():
        facts = untrue_facts(verdicts, WORLD.body(body_id).kind)
        confirmed = sum(v.verdict == CONFIRMED for v in verdicts)
        figures[body_id] = (len(verdicts), confirmed, len(facts))
        assert len(facts) == expected.get(body_id, 0), (body_id, [f.claim for f in facts])
    with capsys.disabled():
        print("\nlinks, confirmed, untrue facts per body:", figures)


def test_every_other_link_is_confirmed(verified: dict[str, Any]) -> None:
    for body_id, (_, verdicts) in verified.items():
        seeded = {url for u in untrue_rows(WORLD, body_id) for k, url in u.row.items() if k.startswith("link")}
        for v in verdicts:
            if v.url in seeded:
                continue
            assert v.verdict == CONFIRMED, (body_id, v.form, v.line, v.url, v.reasons)
            if v.lang is not None and v.langs_found:
                assert v.lang in v.langs_found, (v.url, v.langs_found)


def _json_claims(verdicts: list[Verdict], report: DeclaredReport) -> list[tuple[str, str]]:
    """(URL, the text it must show) for the links the verifier confirmed by reachability alone."""
    out = []
    for v in verdicts:
        if v.reasons and "reachable" in v.reasons[0] and v.form != "general":
            rows = getattr(report, v.form)
            row = next(r for r in rows if r.line == v.line)
            text = getattr(row, f"title_{v.lang}", None) if v.lang else getattr(row, "organisation", None)
            if v.form != "subordinates":
                assert text, (v.url, v.lang)
                out.append((v.url, text))
    return out


def test_json_links_carry_what_the_row_claims(verified: dict[str, Any], world_urls: dict[str, str]) -> None:
    """The re-verifier does not compare JSON; the world still must serve what each row names."""
    url_map = BaseUrlMap.from_mapping(world_urls)
    checked = 0
    for body_id, (report, verdicts) in verified.items():
        seeded = {url for u in untrue_rows(WORLD, body_id) for k, url in u.row.items() if k.startswith("link")}
        for url, text in _json_claims(verdicts, report):
            if url in seeded:
                continue
            served = url_map.to_served(url)
            assert served is not None
            answer = requests.get(served, timeout=10)
            assert answer.status_code == 200, url
            assert text in json.dumps(answer.json(), ensure_ascii=False), (url, text)
            checked += 1
    assert checked > 20


def test_world_declared_command(tmp_path: Path) -> None:
    target = tmp_path / "mod.yaml"
    result = CliRunner().invoke(world_app, ["declared", "--body", "mod", "-o", str(target)])
    assert result.exit_code == 0, result.output
    loaded = load_report(target, LoadContext("mod", "cgo"))
    assert loaded.report.general.body_id == "mod"
    bad = CliRunner().invoke(world_app, ["declared", "--body", "zqai", "-o", str(tmp_path / "x.yaml")])
    assert bad.exit_code != 0


@pytest.mark.parametrize("day", ["2026-01-01", "2026-01-15", "2026-03-21", "2026-07-01", "2027-01-02"])
def test_reports_and_their_untrue_facts_exist_for_any_audit_date(day: str) -> None:
    import datetime as dt

    from ashyq_replica.declared_reports import declared_defects, declared_report

    world = World(as_of=dt.date.fromisoformat(day))
    for body in world.bodies:
        if body.kind != "subordinate":
            assert declared_report(world, body.id)["general"]
    assert {d.body for d in declared_defects(world)} == {"mod", "karaganda", "kostanay"}
