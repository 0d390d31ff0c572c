"""The methodology and score commands as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.methodology.edition import available_editions

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_every_command_has_help() -> None:
    for args in ([], ["methodology"], ["methodology", "validate"], ["methodology", "show"], ["score"], ["world"]):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0, (args, result.output)
        assert "Usage" in result.output


def test_validate_all_shipped_editions() -> None:
    result = runner.invoke(app, ["methodology", "validate"])
    assert result.exit_code == 0, result.output
    for name in available_editions():
        assert f"edition {name}," in result.output


def test_validate_refuses_a_broken_copy_with_one_line_per_problem(tmp_path: Path) -> None:
    raw = yaml.safe_load((FIXTURES / "rich.yaml").read_text(encoding="utf-8"))
    raw["criteria"][0]["children"][0]["weights"] = 1.5  # wrong weight: C1 adds up to 5, not 6
    del raw["criteria"][2]["children"][0]  # a missing item: C3 no longer adds up
    raw["criteria"][1]["children"][0]["deductions"]["cap_share"] = 1.4  # a cap above the weight
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["methodology", "validate", str(bad)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert any("C1:" in x and "expected 6, actual 5" in x for x in lines), lines
    assert any("C3:" in x and "for cgo" in x and "expected 10, actual 6" in x for x in lines), lines
    assert any("S-1:" in x and "deduction cap" in x and "actual 1.4" in x for x in lines), lines
    assert "Traceback" not in result.output
    assert all(x.startswith(str(bad)) for x in lines)


def test_validate_reports_schema_errors_by_node(tmp_path: Path) -> None:
    raw = yaml.safe_load((FIXTURES / "rich.yaml").read_text(encoding="utf-8"))
    raw["criteria"][0]["children"][1]["rule"] = {"type": "magic"}
    bad = tmp_path / "schema.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["methodology", "validate", str(bad)])
    assert result.exit_code == 1
    assert "D-2" in result.output and "Traceback" not in result.output


def test_show_prints_weights_and_rules() -> None:
    result = runner.invoke(
        app, ["methodology", "show", str(FIXTURES / "rich.yaml"), "--lang", "en"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "S-1" in result.output and "−0.15 per deficiency, at most 50%" in result.output
    assert "penalty_cap" in result.output
    result_kk = runner.invoke(
        app, ["methodology", "show", str(FIXTURES / "rich.yaml"), "--lang", "kk"], env={"COLUMNS": "200"}
    )
    assert "Деректер" in result_kk.output


def test_show_unknown_edition_is_a_clear_error() -> None:
    result = runner.invoke(app, ["methodology", "show", "kz-1999"])
    assert result.exit_code == 2
    assert "no edition 'kz-1999'" in result.output


def _findings(tmp_path: Path) -> Path:
    data = {
        "bodies": [{"id": "a", "kind": "cgo"}, {"id": "b", "kind": "mio"}],
        "findings": [
            {"body": "a", "item": "D-1", "lang": "kk", "status": "pass"},
            {
                "body": "a",
                "item": "D-1",
                "lang": "ru",
                "status": "partial",
                "measured": {"numerator": 1, "denominator": 4},
            },
            {"body": "b", "item": "D-1", "lang": "kk", "status": "not_assessed", "reason": "timeout"},
        ],
    }
    path = tmp_path / "findings.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_score_json_and_table(tmp_path: Path) -> None:
    findings = _findings(tmp_path)
    edition = str(FIXTURES / "rich.yaml")
    result = runner.invoke(app, ["score", "--edition", edition, "--findings", str(findings), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    a = next(b for b in scores["bodies"] if b["body"] == "a")
    assert a["total"] == 2.5  # 2 + 2 × 1/4
    assert a["criteria"][0]["by_lang"] == {"kk": 2.0, "ru": 0.5}
    b = next(b for b in scores["bodies"] if b["body"] == "b")
    assert b["not_assessed"] == 30 and b["coverage"] == 0
    table = runner.invoke(
        app, ["score", "--edition", edition, "--findings", str(findings), "--lang", "en"], env={"COLUMNS": "200"}
    )
    assert table.exit_code == 0 and "Scores, edition rich" in table.output


def _words(text: str, *words: str) -> list[str]:
    return [word for word in words if re.search(rf"\b{re.escape(word)}\b", text)]


def test_show_in_kazakh() -> None:
    """The table's headers, kinds and rule words, the levels and the notes under it in the tables'
    language ($ASHYQ_LANG), not English; the rule types stay the methodology files' codes."""
    shown = runner.invoke(
        app, ["methodology", "show", str(FIXTURES / "rich.yaml")], env={"COLUMNS": "300", "ASHYQ_LANG": "kk"}
    )
    assert shown.exit_code == 0, shown.output
    assert "Деректер" in shown.output and "Ереже" in shown.output and "Дереккөз" in shown.output
    assert "ОМО kk" in shown.output and "әр кемшілік үшін −0.15, 50% аспайды" in shown.output
    assert "барлығы ең көбі" in shown.output and "Жоғары ≥ 25" in shown.output
    assert "дұрыс емес есептілік үшін айыппұл R" in shown.output
    assert not _words(shown.output, "rule", "source", "CGO", "MIO", "deficiency", "total", "levels", "high")


def test_score_in_kazakh(tmp_path: Path) -> None:
    edition = str(FIXTURES / "rich.yaml")
    findings = str(_findings(tmp_path))
    shown = runner.invoke(
        app, ["score", "--edition", edition, "--findings", findings], env={"COLUMNS": "300", "ASHYQ_LANG": "kk"}
    )
    assert shown.exit_code == 0, shown.output
    assert "Балдар, rich редакциясы" in shown.output and "Барлығы" in shown.output and "Айыппұл" in shown.output
    assert "ОМО" in shown.output and "ЖАО" in shown.output and "Төмен" in shown.output
    assert not _words(shown.output, "Scores", "body", "kind", "total", "penalty", "final", "level", "CGO", "low")


def test_score_with_bodies_file_and_option(tmp_path: Path) -> None:
    data = json.loads(_findings(tmp_path).read_text(encoding="utf-8"))
    bodies = tmp_path / "bodies.yaml"
    bodies.write_text(yaml.safe_dump({"bodies": data.pop("bodies")}), encoding="utf-8")
    findings = tmp_path / "nobodies.json"
    findings.write_text(json.dumps(data), encoding="utf-8")
    ok = runner.invoke(
        app,
        [
            "score",
            "--edition",
            str(FIXTURES / "mini.yaml"),
            "--findings",
            str(findings),
            "--bodies",
            str(bodies),
            "--format",
            "json",
            "--option",
            "a-den=held",
        ],
    )
    # the mini edition has no D-1: the whole file is refused, naming the findings
    assert ok.exit_code == 1 and "item 'D-1' is not in edition mini" in ok.output
    good = runner.invoke(
        app,
        [
            "score",
            "--edition",
            str(FIXTURES / "rich.yaml"),
            "--findings",
            str(findings),
            "--bodies",
            str(bodies),
            "--format",
            "json",
        ],
    )
    assert good.exit_code == 0, good.output
    bad_option = runner.invoke(
        app,
        [
            "score",
            "--edition",
            str(FIXTURES / "mini.yaml"),
            "--findings",
            str(findings),
            "--bodies",
            str(bodies),
            "--option",
            "nonsense",
        ],
    )
    assert bad_option.exit_code == 2 and "ID=OPTION" in bad_option.output


def test_score_refuses_unreadable_findings(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["score", "--edition", str(FIXTURES / "rich.yaml"), "--findings", str(broken)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "broken.json, line 1, column 2: not valid JSON" in result.output
