"""Every submitted file is either loaded or refused with lines that name the place, within fixed time
and memory bounds, and a refused declared report leaves the store as it was.

Hypothesis mutates valid files - a body's declared report (YAML, JSON, the XLSX template, a CSV
folder), the demo registry, a findings file - and damages their bytes; the loaders' answers are
checked against the rules of docs/limits.md."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from ashyq_replica.core import World
from ashyq_replica.declared_reports import declared_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select, table

from ashyq.config import BODIES_DIR
from ashyq.declared.loader import DeclarationError
from ashyq.declared.template import write_template
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.net.urlmap import BaseUrlMap
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import FindingsError, load_findings
from ashyq.store.bodies import RegistryError, load_registry
from ashyq.store.db import dispose_engine, engine_for, ensure_schema

from .mutations import HOSTILE_TEXT, damage, damage_plans, mutated, serialised

# Every example, whatever it holds, is answered within these (the inputs are small: a loader that
# takes longer or more has lost its bounds, e.g. to an alias expanded or a sheet walked cell by cell).
# The time is the CPU time this process spends on the load (time.process_time: user + system, all its
# threads), not the wall clock, which other processes on a loaded machine stretch at will.
CPU_SECONDS = 5.0
MEGABYTES = 64
LINE_CHARS = 2_000  # one line of a refusal (the alias file made a 72 MB message)
LINES = 202  # problems listed, plus the count of the rest
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
T = TypeVar("T")


def bounded(call: Callable[[], T]) -> T:
    """``call()``, asserted to stay within :data:`CPU_SECONDS` of CPU time and :data:`MEGABYTES`
    (Python allocations)."""
    tracemalloc.start()
    started = time.process_time()
    try:
        return call()
    finally:
        spent = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert spent < CPU_SECONDS, f"the load took {spent:.1f} s of CPU time (bound {CPU_SECONDS} s)"
        assert peak < MEGABYTES * 1024 * 1024, f"peaked at {peak / 1e6:.0f} MB"


def assert_lines(lines: list[str], place: re.Pattern[str]) -> None:
    assert lines, "a refusal without a single line"
    assert len(lines) <= LINES, len(lines)
    for line in lines:
        assert len(line) <= LINE_CHARS, line[:200]
        assert place.match(line), f"the line names no place: {line[:200]!r}"
        assert "Traceback" not in line


# ------------------------------------------------------------------------------------ declared report
KOSTANAY = "kostanay"
# sheet or form or file, then optionally the row/line and column, then the message
DECLARED_PLACE = re.compile(r"^[^\s:][^:]*?(, (row|line) \d+)?(, column [^:]+)?: \S")


@pytest.fixture(scope="module")
def declared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("declared-fuzz")
    url = f"sqlite:///{folder / 'store.sqlite'}"
    ensure_schema(url)
    yield url, folder
    dispose_engine(url)


def _counts(url: str) -> dict[str, int]:
    engine = engine_for(url)
    with engine.connect() as connection:
        names = inspect(connection).get_table_names()
        return {
            name: int(connection.execute(select(func.count()).select_from(table(name))).scalar_one()) for name in names
        }


def _declare(path: Path, store: tuple[str, Path]) -> None:
    """Load ``path`` as Kostanay's report into the store, as ``ashyq declare --no-verify`` does; on a
    refusal, the lines name their places and the store is unchanged."""
    from ashyq.pipeline.declare import declare_file

    registry = load_registry("demo")
    body = registry.get(KOSTANAY)
    url, folder = store
    before = _counts(url)
    try:
        bounded(lambda: declare_file(path, body, registry.bodies, url, BaseUrlMap(), folder, verify=False))
    except DeclarationError as refused:
        assert_lines([str(p) for p in refused.problems], DECLARED_PLACE)
        assert _counts(url) == before, "a refused report changed the store"


@pytest.fixture(scope="module")
def kostanay_report() -> dict[str, Any]:
    return declared_report(World(), KOSTANAY)


@FUZZ
@given(data=st.data(), fmt=st.sampled_from(("yaml", "json")), plan=damage_plans)
def test_declared_report_text_files(
    data: st.DataObject, fmt: str, plan: Any, kostanay_report: dict[str, Any], declared_store: tuple[str, Path]
) -> None:
    content = damage(serialised(data.draw(mutated(kostanay_report)), fmt), plan)
    path = declared_store[1] / f"report.{fmt}"
    path.write_bytes(content)
    _declare(path, declared_store)


@pytest.fixture(scope="module")
def template_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    registry = load_registry("demo")
    path = write_template(registry.get(KOSTANAY), "2026", tmp_path_factory.mktemp("template") / "t.xlsx")
    return path.read_bytes()


cell_values = st.one_of(
    st.sampled_from(HOSTILE_TEXT).filter(lambda t: not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", t)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.just("=SUM(1,2)"),
    st.just('=HYPERLINK("http://evil.example")'),
)
cells = st.tuples(
    st.one_of(st.integers(1, 12), st.just(1_048_576), st.integers(1, 20_000)),
    st.one_of(st.integers(1, 12), st.just(16_384), st.integers(1, 200)),
    cell_values,
)


@FUZZ
@given(
    placed=st.lists(cells, max_size=12),
    sheet=st.integers(0, 8),
    plan=damage_plans,
)
def test_declared_report_workbooks(
    placed: list[tuple[int, int, Any]],
    sheet: int,
    plan: Any,
    template_bytes: bytes,
    declared_store: tuple[str, Path],
) -> None:
    import io

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(template_bytes))
    ws = workbook.worksheets[min(sheet, len(workbook.worksheets) - 1)]
    for row, column, value in placed:
        ws.cell(row=row, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = damage(buffer.getvalue(), plan)
    path = declared_store[1] / "report.xlsx"
    path.write_bytes(content)
    _declare(path, declared_store)


@FUZZ
@given(
    rows=st.lists(st.lists(st.sampled_from(HOSTILE_TEXT) | st.text(max_size=10), max_size=8), max_size=8),
    separator=st.sampled_from((",", ";", "\t")),
    encoding=st.sampled_from(("utf-8", "utf-8-sig", "cp1251")),
    plan=damage_plans,
)
def test_declared_report_csv_folders(
    rows: list[list[str]], separator: str, encoding: str, plan: Any, declared_store: tuple[str, Path]
) -> None:
    import csv
    import io

    folder = declared_store[1] / "csv"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "general.csv").write_text(
        "key,value\nbody_id,kostanay\nname_ru,Акимат\nname_kk,Әкімдігі\nperiod,2026\n", encoding="utf-8"
    )
    text = io.StringIO()
    writer = csv.writer(text, delimiter=separator)
    writer.writerow(["row", "title_ru", "title_kk", "link_ru", "link_kk", "date"])
    writer.writerows(rows)
    content = text.getvalue().encode(encoding, errors="replace")
    (folder / "npa.csv").write_bytes(damage(content, plan))
    _declare(folder, declared_store)


# ------------------------------------------------------------------------------------ registry
REGISTRY_PLACE = re.compile(r"^\S+\.(yaml|json)(, line \d+(, column \d+)?)?: \S")


@FUZZ
@given(data=st.data(), fmt=st.sampled_from(("yaml", "json")), plan=damage_plans)
def test_registry_files(data: st.DataObject, fmt: str, plan: Any, tmp_path: Path) -> None:
    seed = yaml.safe_load((BODIES_DIR / "demo.yaml").read_text(encoding="utf-8"))
    content = damage(serialised(data.draw(mutated(seed)), fmt), plan)
    path = tmp_path / f"registry.{fmt}.yaml"
    path.write_bytes(content)
    try:
        bounded(lambda: load_registry(path))
    except RegistryError as refused:
        assert_lines(refused.problems, REGISTRY_PLACE)


# ------------------------------------------------------------------------------------ findings
# the file (and its line), or the place inside it: a finding, the body list, a body's facts, an average
FINDINGS_PLACE = re.compile(
    r"^(\S+\.(json|yaml)(, line \d+(, column \d+)?)?: |findings\[\d+\]|bodies|reporting_facts\.|averages\.|no bodies)"
)


@pytest.fixture(scope="module")
def kz2025() -> Any:
    return load_edition(edition_path("kz-2025"))


def _findings_seed(edition: Any) -> dict[str, Any]:
    items = [i for i in edition.items()][:6]
    findings: list[dict[str, Any]] = []
    for n, item in enumerate(items):
        for lang in ("kk", "ru") if item.per_language else (None,):
            status = ("pass", "fail", "not_assessed")[n % 3]
            findings.append(
                {
                    "body": "enbek",
                    "item": item.id,
                    "lang": lang,
                    "status": status,
                    "reason": "timeout" if status == "not_assessed" else None,
                    "measured": {"share": 0.5},
                    "evidence": [{"url": "https://www.gov.kz/memleket/entities/enbek", "snippet": "=1+2"}],
                }
            )
    return {
        "format": "ashyq-findings/1",
        "bodies": [{"id": "enbek", "kind": "cgo", "tags": []}, {"id": "astana", "kind": "mio"}],
        "findings": findings,
        "reporting_facts": {"enbek": 1},
    }


@FUZZ
@given(data=st.data(), fmt=st.sampled_from(("yaml", "json")), plan=damage_plans)
def test_findings_files(data: st.DataObject, fmt: str, plan: Any, tmp_path: Path, kz2025: Any) -> None:
    content = damage(serialised(data.draw(mutated(_findings_seed(kz2025))), fmt), plan)
    path = tmp_path / f"findings.{fmt}"
    path.write_bytes(content)
    try:
        bounded(lambda: score_run(load_findings(path), kz2025))
    except FindingsError as refused:
        assert_lines(refused.problems, FINDINGS_PLACE)
