"""``ashyq runs list|show|diff`` and the dashboard's "changes since the last run" page.

The synthetic store's two runs differ in a known set of findings (``reports_sample._overrides``);
a third run of the same registry and kind changes a partial amount and brings a hostile reason,
and a run of another registry sits between them in time. The diff must name exactly those changes.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import reports_sample
import typer
from openpyxl import load_workbook
from reports_sample import ReportStore, build_report_store
from typer.testing import CliRunner

from ashyq.cli.report import report_app
from ashyq.cli.runs import runs_app
from ashyq.reports.run_diff import CHANGE_KINDS, RunDiff, diff_runs, runs_to_compare
from ashyq.store import repository as repo
from ashyq.store import session_scope
from ashyq.store.vocabulary import RunKind, RunStatus

HOSTILE_REASON = '=HYPERLINK("http://x","<script>window.__pwned=1</script>")'
THIRD = datetime(2026, 12, 20, 2, 0, tzinfo=UTC)
OTHER_REGISTRY_RUN = "20261210T020000Z-nightly-other"


def _third_overrides(original: Any) -> Any:
    def overrides(tag: str) -> dict[tuple[str, str, str | None], dict[str, Any]]:
        if tag != "third":
            return original(tag)
        out = original("new")
        # astana answers more questions: still partly met, more points
        out[("astana", "T7-6", "ru")] = {
            "status": "partial",
            "measured": {"numerator": 48, "denominator": 50},
            "message": "2 вопроса без ответа",
        }
        out[("adilet", "T2-5", "kk")] = {"status": "not_assessed", "reason": HOSTILE_REASON}
        return out

    return overrides


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ReportStore:
    built = build_report_store(tmp_path_factory.mktemp("runs-store"))
    with session_scope(built.url) as session:
        other = repo.start_run(
            session,
            RunKind.NIGHTLY,
            body_ids=["astana"],
            settings={"registry": "other"},
            started_at=datetime(2026, 12, 10, 2, 0, tzinfo=UTC),
            run_id=OTHER_REGISTRY_RUN,
        )
        repo.finish_run(session, other, RunStatus.COMPLETE, finished_at=datetime(2026, 12, 10, 2, 30, tzinfo=UTC))
        original = reports_sample._overrides
        reports_sample._overrides = _third_overrides(original)
        try:
            reports_sample._add_run(session, built.out_dir, "third", THIRD)
        finally:
            reports_sample._overrides = original
    return built


THIRD_ID = f"{THIRD:%Y%m%dT%H%M%SZ}-nightly-third"


def _keys(diff: RunDiff) -> dict[str, set[tuple[str, str, str | None]]]:
    return {kind: {(b.body.id, c.item, c.lang) for b in diff.bodies for c in b.of_kind(kind)} for kind in CHANGE_KINDS}


def test_the_diff_names_exactly_the_changed_findings(store: ReportStore) -> None:
    with session_scope(store.url) as session:
        diff = diff_runs(session, store.old.id, store.new.id)
        keys = _keys(diff)
        assert keys == {
            "newly_failed": {("enbek", "T7-1", "kk"), ("enbek", "T9-1", "kk")},
            "newly_passed": {("astana", "T7-1", "ru")},
            "partial_changed": set(),
            "newly_not_assessed": {("enbek", "T2-5", "kk")},
            "status_changed": {("enbek", "T1-1", "ru")},  # met → partly met
        }
        enbek = next(b for b in diff.bodies if b.body.id == "enbek")
        (not_assessed,) = enbek.of_kind("newly_not_assessed")
        assert not_assessed.reason == "timeout: budget.egov.kz"
        assert not_assessed.old_status == "pass" and not_assessed.new_status == "not_assessed"
        # the final score moved by the item changes and the reconciliation act's 0.4 off
        assert enbek.final.delta == pytest.approx(
            store.body_score(store.new, "enbek")["final"] - store.body_score(store.old, "enbek")["final"]
        )
        criteria = {c.key: c.delta for c in enbek.criteria if c.changed}
        assert set(criteria) <= {c.criterion for c in enbek.items}
        t7 = next(c for c in enbek.items if c.item == "T7-1")
        assert criteria[t7.criterion] == pytest.approx(t7.delta) == -1.5  # the only change in its criterion
        assert enbek.penalty.changed and enbek.penalty.delta == pytest.approx(0.4)  # two untrue facts, 0.2 each
        languages = {c.key: c.delta for c in enbek.languages if c.changed}
        assert set(languages) == {"kk", "ru"} and languages["kk"] is not None and languages["kk"] < 0
        adilet = next(b for b in diff.bodies if b.body.id == "adilet")
        assert not adilet.changed


def test_a_partial_amount_that_moved_is_named_with_both_amounts(store: ReportStore) -> None:
    with session_scope(store.url) as session:
        diff = diff_runs(session, store.new.id, THIRD_ID)
        keys = _keys(diff)
        assert keys["partial_changed"] == {("astana", "T7-6", "ru")}
        assert keys["newly_not_assessed"] == {("adilet", "T2-5", "kk")}
        assert not keys["newly_failed"] and not keys["newly_passed"] and not keys["status_changed"]
        (moved,) = next(b for b in diff.bodies if b.body.id == "astana").of_kind("partial_changed")
        assert moved.new_points is not None and moved.old_points is not None
        assert moved.new_points > moved.old_points


def test_default_pair_is_the_last_two_complete_runs_of_one_registry_and_kind(store: ReportStore) -> None:
    with session_scope(store.url) as session:
        old, new = runs_to_compare(session, None, None)
        assert (old.id, new.id) == (store.new.id, THIRD_ID)  # the other registry's run is skipped
        old, new = runs_to_compare(session, None, store.new.id)
        assert (old.id, new.id) == (store.old.id, store.new.id)


def _invoke(app: Any, store: ReportStore, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--db", store.url])
    return result.exit_code, result.output


def test_runs_list_and_show(store: ReportStore) -> None:
    code, output = _invoke(runs_app, store, "list", "--lang", "en")
    assert code == 0, output
    lines = output.strip().splitlines()
    assert lines[0].split() == ["Run", "Status", "Kind", "Registry", "Bodies", "Started", "Duration"]
    assert [line.split()[0] for line in lines[1:]] == [THIRD_ID, OTHER_REGISTRY_RUN, store.new.id, store.old.id]
    other = next(line for line in lines if line.startswith(OTHER_REGISTRY_RUN))
    assert other.split()[1:] == ["complete", "nightly", "other", "1", "2026-12-10", "02:00", "0:30:00"]
    code, output = _invoke(runs_app, store, "list", "--lang", "kk")
    assert code == 0 and output.splitlines()[0].startswith("Іске қосу") and "аяқталды" in output
    code, output = _invoke(runs_app, store, "show", store.new.id, "--lang", "en")
    assert code == 0, output
    enbek = next(line for line in output.splitlines() if line.startswith("enbek"))
    # enbek in the new run: 2 items not met, 1 partly met, 1 not assessed
    assert enbek.split()[-5:] == ["1", "2", "0", "1", "0"]
    code, _ = _invoke(runs_app, store, "show", "no-such-run")
    assert code == 2


def test_runs_diff_in_the_terminal_and_as_exports(store: ReportStore, tmp_path: Path) -> None:
    code, output = _invoke(runs_app, store, "diff", store.old.id, store.new.id, "--lang", "ru")
    assert code == 0, output
    assert "Перестали выполняться" in output and "T9-1 [kk]" in output and "timeout: budget.egov.kz" in output
    code, output = _invoke(runs_app, store, "diff", "--lang", "kk")
    assert code == 0 and "Ішінара орындалған, балы өзгерді" in output and "T7-6 [ru]" in output
    code, output = _invoke(runs_app, store, "diff", "-o", str(tmp_path / "d.json"), "--format", "json")
    assert code == 0, output
    document = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert document["format"] == "ashyq-run-diff/1"
    assert (document["old_run"]["id"], document["new_run"]["id"]) == (store.new.id, THIRD_ID)
    assert document["counts"]["partial_changed"] == 1 and document["counts"]["newly_not_assessed"] == 1
    adilet = next(b for b in document["bodies"] if b["id"] == "adilet")
    assert adilet["changes"]["newly_not_assessed"][0]["reason"] == HOSTILE_REASON
    code, output = _invoke(runs_app, store, "diff", "--format", "xlsx", "-o", str(tmp_path / "d.xlsx"))
    assert code == 0, output
    book = load_workbook(tmp_path / "d.xlsx")
    changes = book.worksheets[0]
    reasons = [row[-1] for row in changes.iter_rows(min_row=2, values_only=True)]
    assert f"'{HOSTILE_REASON}" in reasons  # a formula from a crawled page stays text
    assert all(cell.data_type != "f" for row in changes.iter_rows() for cell in row)
    assert book.worksheets[1].max_row > 1
    code, output = _invoke(runs_app, store, "diff", store.old.id, store.new.id, "--body", "astana", "--lang", "en")
    assert code == 0 and "astana" in output and "enbek" not in output
    assert _invoke(runs_app, store, "diff", "--body", "nobody")[0] == 2
    # usage errors
    assert _invoke(runs_app, store, "diff", OTHER_REGISTRY_RUN)[0] == 2  # nothing comparable before it
    assert _invoke(runs_app, store, "diff", "a", "b", "c")[0] == 2
    assert _invoke(runs_app, store, "diff", "--format", "json")[0] == 2  # no file named


def test_dashboard_page_of_changes_linked_from_ranking_and_bodies(store: ReportStore, tmp_path: Path) -> None:
    site = tmp_path / "site"
    args = ["dashboard", "--run", THIRD_ID, "-o", str(site), "--data", str(store.out_dir), "--lang", "kk"]
    code, output = _invoke(report_app, store, *args)
    assert code == 0, output
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="changes.html"' in index
    changes = (site / "changes.html").read_text(encoding="utf-8")
    assert re.search(r'data-kind="partial_changed">.*?data-item="T7-6" data-lang="ru"', changes, re.S)
    assert 'id="body-astana"' in changes and 'id="body-adilet"' in changes
    # enbek's items are as before; only its penalty went (the untrue facts of the new run are gone)
    enbek_part = changes[changes.index('id="body-enbek"') :]
    enbek_part = enbek_part[: enbek_part.index("</section>")]
    assert 'class="penalty"' in enbek_part and "data-kind" not in enbek_part
    assert "<script>window.__pwned" not in changes and "&lt;script&gt;" in changes
    astana = (site / "bodies" / "astana.html").read_text(encoding="utf-8")
    assert 'href="../changes.html#body-astana"' in astana
    for target in re.findall(r'href="(findings/[^"]+)"', changes):
        assert (site / target).is_file()
    # the first run has nothing before it: no page, no link
    first = tmp_path / "first"
    code, _ = _invoke(
        report_app, store, "dashboard", "--run", store.old.id, "-o", str(first), "--data", str(store.out_dir)
    )
    assert code == 0 and not (first / "changes.html").exists()
    assert "changes.html" not in (first / "index.html").read_text(encoding="utf-8")
    # a body whose results did not move says so instead of linking
    second = tmp_path / "second"
    code, _ = _invoke(
        report_app, store, "dashboard", "--run", store.new.id, "-o", str(second), "--data", str(store.out_dir)
    )
    adilet = (second / "bodies" / "adilet.html").read_text(encoding="utf-8")
    assert code == 0 and "changes.html" not in adilet and "Изменений нет" in adilet


def test_a_running_run_is_listed_with_its_finished_bodies() -> None:
    from ashyq.pipeline.run_history import status_cell
    from ashyq.reports.i18n import catalogue
    from ashyq.store.models import Run
    from ashyq.store.vocabulary import RunStatus

    settings = {"request": {"body_ids": ["enbek", "astana", "kostanay"]}, "done": ["astana", "enbek-center"]}
    for lang, running in (("en", "running"), ("ru", "идёт")):
        t = catalogue().translator(lang)
        assert status_cell(Run(status=RunStatus.RUNNING, settings=settings), t) == f"{running} 1/3"
        assert status_cell(Run(status=RunStatus.RUNNING, settings={}), t) == running
        finished = status_cell(Run(status=RunStatus.COMPLETE, settings=settings), t)
        assert finished == t("run_status.complete") and "/" not in finished


def test_runs_list_and_show_speak_kazakh_levels_kinds_and_purposes_included(store: ReportStore) -> None:
    """Headers, statuses, run kinds, purposes and levels in the language asked for, never the English codes."""
    code, output = _invoke(runs_app, store, "list", "--lang", "kk")
    assert code == 0, output
    lines = output.splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["Іске қосу", "Күйі", "Түрі", "Тізілім", "Органдар", "Басталды", "Ұзақтығы"]
    other = next(line for line in lines if line.startswith(OTHER_REGISTRY_RUN))
    assert re.split(r"\s{2,}", other)[1:3] == ["аяқталды", "түнгі"]
    cells = " ".join(" ".join(re.split(r"\s{2,}", line)[1:]) for line in lines)  # past the run's id
    assert not re.search(r"\b(complete|nightly)\b", cells)
    code, output = _invoke(runs_app, store, "show", store.new.id, "--lang", "kk")
    assert code == 0, output
    assert "Түрі: түнгі" in output and "Мақсаты: бағалау" in output
    enbek = re.split(r"\s{2,}", next(line for line in output.splitlines() if line.startswith("enbek")))
    assert enbek[1:3] == ["96,1", "Тиімділіктің жоғары дәрежесі"]
    assert not re.search(r"\b(high|medium|low|assessment|nightly|complete)\b", output.replace(store.new.id, ""))


def test_the_tables_language_comes_from_the_environment_else_the_operators_file(
    store: ReportStore, tmp_path: Path
) -> None:
    from ashyq.cli.language import language_command
    from ashyq.config.operator import forget_loaded

    config = tmp_path / "ashyq.yaml"
    config.write_text("# the operator's notes stay\nregistry: demo\n", encoding="utf-8")
    env = {"ASHYQ_CONFIG": str(config), "ASHYQ_LANG": ""}
    language = typer.Typer()
    language.command()(language_command)
    forget_loaded()
    try:
        assert CliRunner().invoke(runs_app, ["list", "--db", store.url], env=env).output.startswith("Запуск")
        said = CliRunner().invoke(language, ["kk"], env=env)
        assert said.exit_code == 0, said.output
        assert config.read_text(encoding="utf-8") == "# the operator's notes stay\nregistry: demo\nlanguage: kk\n"
        assert CliRunner().invoke(runs_app, ["list", "--db", store.url], env=env).output.startswith("Іске қосу")
        assert "language: " in CliRunner().invoke(language, [], env=env).output
        # the environment over the file, the option over both
        english = {**env, "ASHYQ_LANG": "en"}
        assert CliRunner().invoke(runs_app, ["list", "--db", store.url], env=english).output.startswith("Run")
        asked = ["list", "--lang", "ru", "--db", store.url]
        assert CliRunner().invoke(runs_app, asked, env=english).output.startswith("Запуск")
        assert CliRunner().invoke(language, ["ru"], env=env).exit_code == 0
        assert config.read_text(encoding="utf-8").endswith("registry: demo\nlanguage: ru\n")
    finally:
        forget_loaded()
