"""Workbooks that amplify: a small XLSX whose XML holds millions of cells in one row, or millions of
shared strings, is refused before openpyxl builds anything - within 5 s and 300 MB, naming the sheet
and row (or the part) - by `declare` and by `open-data import-list`.

The hostile files are written part by part into a zip (tens of kilobytes on disk, tens of megabytes
of XML). Each command runs in a child process under an address-space cap, so a reader that builds
the row anyway fails the test quickly instead of taking the machine's memory; the child reports its
own peak resident memory (VmHWM) and the CPU time it spent."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ashyq.base.forms import FORMS
from ashyq.declared.unified_list import SHEET_RU

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml"
DECLARED_SHEET = FORMS[0].sheet_ru
ROW_CELLS = 2_900_000
SHARED_STRINGS = 3_500_000

# The child: runs one `ashyq` command, then prints its exit code, peak memory and the CPU seconds it
# spent as JSON - CPU time, not the wall clock a loaded machine stretches. The commands' modules are
# imported before the clock starts: their imports cost every file the same (about 2.3 of 2.6 s here), and
# on a loaded machine they alone stretched a refusal to the bound (5.02 s).
CHILD = """
import json, resource, runpy, sys, time
import ashyq.cli.application, ashyq.cli.declared, ashyq.cli.open_data
started = time.process_time()
resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
sys.argv = ["ashyq", *json.loads(sys.argv[1])]
try:
    runpy.run_module("ashyq", run_name="__main__")
    code = 0
except SystemExit as exit:
    code = exit.code if isinstance(exit.code, int) else 1
except MemoryError:
    code = "MemoryError"
# the peak of this program's own memory (VmHWM): getrusage's maxrss keeps, across exec, the peak of the
# process it was forked from (a test worker that has run hundreds of tests)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) // 1024
print(json.dumps({"code": code, "peak_mb": peak, "seconds": time.process_time() - started}), file=sys.stderr)
"""


def _workbook(path: Path, sheet: str, sheet_xml: bytes, shared_strings: bytes | None = None) -> Path:
    """A minimal XLSX written part by part: one sheet titled ``sheet``, shared strings when given."""
    types = [
        f'<Override PartName="/xl/workbook.xml" ContentType="{XLSX}.sheet.main+xml"/>',
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{XLSX}.worksheet+xml"/>',
    ]
    relations = [f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>']
    if shared_strings is not None:
        types.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{XLSX}.sharedStrings+xml"/>')
        relations.append(f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>')
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(types) + "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
        f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
        f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PACKAGE_RELS}">{"".join(relations)}</Relationships>',
    }  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode())
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared_strings is not None:
            archive.writestr("xl/sharedStrings.xml", shared_strings)
    return path


def _one_wide_row(path: Path, sheet: str) -> Path:
    row = b'<row r="5">' + b"<c><v>1</v></c>" * ROW_CELLS + b"</row>"
    return _workbook(path, sheet, f'<worksheet xmlns="{MAIN}"><sheetData>'.encode() + row + b"</sheetData></worksheet>")


def _many_strings(path: Path, sheet: str) -> Path:
    cells = f'<worksheet xmlns="{MAIN}"><sheetData><row r="5"><c t="s"><v>0</v></c></row></sheetData></worksheet>'
    strings = f'<sst xmlns="{MAIN}">'.encode() + b"<si><t>x</t></si>" * SHARED_STRINGS + b"</sst>"
    return _workbook(path, sheet, cells.encode(), strings)


def _run(arguments: list[str], cwd: Path) -> tuple[dict[str, float], str]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    measured = json.loads(result.stderr.strip().splitlines()[-1])
    return measured, result.stdout + result.stderr


def _refused_within_bounds(measured: dict[str, float], output: str, *places: str) -> None:
    assert measured["code"] == 1, output[-2000:]
    assert measured["seconds"] < 5, f"refused after {measured['seconds']:.1f} s of CPU time (bound 5 s)"
    assert measured["peak_mb"] < 300, f"peak {measured['peak_mb']} MB (bound 300 MB)"
    for place in places:
        assert place in output, output[-2000:]


@pytest.mark.parametrize("hostile", ["row", "strings"])
def test_declare_refuses_an_amplifying_workbook_before_building_it(hostile: str, tmp_path: Path) -> None:
    build = _one_wide_row if hostile == "row" else _many_strings
    path = build(tmp_path / "report.xlsx", DECLARED_SHEET)
    assert path.stat().st_size < 400_000
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    measured, output = _run(
        ["declare", "--body", "kostanay", str(path), "--registry", "demo", "--db", db, "--no-verify"], tmp_path
    )
    if hostile == "row":
        _refused_within_bounds(measured, output, f"{DECLARED_SHEET}, row 5", "more than 60 cells in one row")
    else:
        _refused_within_bounds(measured, output, "xl/sharedStrings.xml", "more than 320,000 shared strings")


@pytest.mark.parametrize("hostile", ["row", "strings"])
def test_import_list_refuses_an_amplifying_workbook_before_building_it(hostile: str, tmp_path: Path) -> None:
    build = _one_wide_row if hostile == "row" else _many_strings
    path = build(tmp_path / "unified-list.xlsx", SHEET_RU)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    measured, output = _run(["open-data", "import-list", str(path), "--db", db], tmp_path)
    if hostile == "row":
        _refused_within_bounds(measured, output, "row 5", SHEET_RU, "more than 60 cells in one row")
    else:
        _refused_within_bounds(measured, output, "xl/sharedStrings.xml", "more than 400,000 shared strings")
    assert "nothing stored" in output
