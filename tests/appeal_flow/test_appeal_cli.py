"""``ashyq appeal``: the same acts from the command line, refused as in the served application, a
refused table listed with its places, exit 2 and no traceback."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from appeal_harness import AppealStore
from openpyxl import load_workbook
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.reports.body_report import load_body_report
from ashyq.reports.disagreement import write_disagreement_table
from ashyq.store.db import session_scope

runner = CliRunner()


def _invoke(store: AppealStore, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["appeal", *args, "--db", store.url])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _table(store: AppealStore, tmp_path: Path, fill: dict[str, str]) -> Path:
    with session_scope(store.url) as session:
        path = write_disagreement_table(load_body_report(session, store.run_id, "enbek"), "kk", tmp_path / "t.xlsx")
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    rows = {str(sheet.cell(r, 3).value).split()[0]: r for r in range(5, sheet.max_row + 1)}
    for key, value in fill.items():
        column, item = key.split(":")
        sheet[f"{column}{rows[item]}"] = value
    out = io.BytesIO()
    workbook.save(out)
    path.write_bytes(out.getvalue())
    return path


def test_receive_file_list_and_decide_from_the_command_line(appeal_store: AppealStore, tmp_path: Path) -> None:
    today = datetime.now(UTC).date().isoformat()
    p = str(appeal_store.publication_id)
    code, out = _invoke(appeal_store, "receive", "--publication", p, "--by", "enbek", "--on", today)
    assert code == 2 and "enbek" in out  # a body's account does not record receipts
    code, out = _invoke(appeal_store, "receive", "--publication", p, "--by", "analyst", "--on", today)
    assert code == 0 and f"received {today}" in out, out
    bad = _table(appeal_store, tmp_path, {"H:T7-1": "Келіспейміз", "I:T7-1": "javascript:alert(1)"})
    code, out = _invoke(appeal_store, "file", "--publication", p, "--by", "enbek", str(bad))
    assert code == 2 and "column I" in out and "Traceback" not in out, out
    good = _table(appeal_store, tmp_path, {"H:T7-1": "Телефон берілген", "H:T9-1": "Ұйымның сайты бар"})
    code, out = _invoke(appeal_store, "file", "--publication", p, "--by", "astana", str(good))
    assert code == 2, out  # another body's account
    code, out = _invoke(appeal_store, "file", "--publication", p, "--by", "enbek", str(good))
    assert code == 0 and "T7-1" in out and "T9-1" in out, out
    first = out.split()[1].rstrip(":")
    code, out = _invoke(appeal_store, "list", "--open")
    assert code == 0 and "T7-1" in out and "T9-1" in out
    code, out = _invoke(
        appeal_store, "decide", "--disagreement", first, "--by", "analyst", "--outcome", "upheld", "--reasons", "x"
    )
    assert code == 2, out  # nobody but the commission decides
    code, out = _invoke(
        appeal_store, "decide", "--disagreement", first, "--by", "commission", "--outcome", "upheld",
        "--reasons", "Телефон «Байланыс» бетінде", "--out", str(tmp_path / "conclusion"),
    )  # fmt: skip
    assert code == 0 and "upheld, revision 2" in out, out
    kk = (tmp_path / "conclusion" / "conclusion-enbek-kk.html").read_text(encoding="utf-8")
    assert "Органның қарсылықтары бойынша комиссияның шешімдері" in kk and "Телефон «Байланыс» бетінде" in kk
    code, out = _invoke(appeal_store, "list", "--publication", p)
    # the table in the default language (ru): the outcome as words, never the code
    assert code == 0 and "возражение принято" in out and f"получено {today}" in out and "upheld" not in out
