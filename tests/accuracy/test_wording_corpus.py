"""The wording corpus (tests/checks/wording) through the real content checks: every entry comes out as its
``shows`` says, except the known misses (tests/checks/wording/known_misses.yaml), and a known miss that now
comes out right fails too, so the list stays true. Plus the strict loader and the rows' number → id map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from ashyq_replica.accuracy.wording import Outcome, indicator_ids, known_misses_text, row_of, rows, run
from ashyq_replica.accuracy.wording_corpus import Entry, load_corpus, load_file

from ashyq.checks.completeness.keywords import load_cached

CORPUS = Path(__file__).parents[1] / "checks" / "wording"
KNOWN_MISSES = CORPUS / "known_misses.yaml"
VOCABULARIES = ("appendix15", "appendix16", "table7")


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    entries, _ = load_corpus(CORPUS)
    return run(entries)


def test_the_corpus_loads_whole() -> None:
    entries, problems = load_corpus(CORPUS)
    assert entries
    assert [str(p) for p in problems] == []
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys)), "two entries with the same words"


def test_every_entrys_number_maps_to_an_indicator_of_its_row() -> None:
    entries, _ = load_corpus(CORPUS)
    unmapped = [
        f"{e.place}: {e.item} {e.kind} indicator {e.indicator}"
        for e in entries
        if (row := row_of(e)) is None or (not row.not_from_pages and not indicator_ids(e))
    ]
    assert unmapped == []


def test_every_mapped_id_is_an_indicator_of_the_checks_vocabulary() -> None:
    known: dict[str, set[str]] = {}
    for name in VOCABULARIES:
        for item, section in load_cached(name).sections.items():
            known[item] = {indicator.id for indicator in section.indicators}
    for item, row in rows().items():
        if row.not_from_pages:
            continue
        assert item in known, item
        for kind, numbers in row.indicators.items():
            assert numbers, (item, kind)
            assert sorted(numbers) == list(range(1, len(numbers) + 1)), (item, kind)
            for ids in numbers.values():
                assert set(ids) <= known[item], (item, kind, ids)


def test_every_entry_comes_out_as_it_shows_except_the_known_misses(outcomes: list[Outcome]) -> None:
    listed = yaml.safe_load(KNOWN_MISSES.read_text(encoding="utf-8")) or {}
    by_key = {o.entry.key: o for o in outcomes}
    stale = sorted(key for key in listed if key not in by_key)
    now_right = sorted(key for key in listed if key in by_key and by_key[key].right is True)
    new_misses = sorted(
        f"{o.entry.key}: {o.reason or o.found or o.status}"
        for o in outcomes
        if o.right is not True and o.entry.key not in listed
    )
    assert new_misses == [], "entries the checks get wrong that known_misses.yaml does not list"
    assert now_right == [], "known misses that now come out right: take them off known_misses.yaml"
    assert stale == [], "known misses whose entry is no longer in the corpus (changed words change the key)"


def test_the_known_misses_file_is_what_the_writer_writes(outcomes: list[Outcome]) -> None:
    written = yaml.safe_load(known_misses_text(outcomes)) or {}
    assert set(written) == {o.entry.key for o in outcomes if o.right is not True}
    assert all(isinstance(reason, str) and "\n" not in reason for reason in written.values())


# ------------------------------------------------------------------------------------------ the loader
GOOD = {
    "item": "A15-1.6",
    "indicator": 2,
    "appendix": "исполнение бюджета",
    "kind": "mio",
    "lang": "ru",
    "form": "heading",
    "heading": "Исполнение районного бюджета",
    "text": "На 1 октября 2026 года исполнено 71,4 % плана.",
    "shows": True,
}


def _write(tmp_path: Path, data: object, name: str = "part.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_bad_entry_is_refused_with_its_file_and_index_and_the_rest_loads(tmp_path: Path) -> None:
    bad = {**GOOD, "indicator": 0, "lang": "en", "form": "picture", "shows": "yes", "colour": "red"}
    no_text = {**GOOD, "form": "sentence"}
    del no_text["text"]
    entries, problems = load_file(_write(tmp_path, [GOOD, bad, no_text, "a line"]))
    assert [e.index for e in entries] == [0]
    assert {str(p) for p in problems} == {
        "part entry 1: indicator must be a whole number from 1, not 0",
        "part entry 1: lang must be one of kk, ru, not 'en'",
        "part entry 1: form must be one of heading, sentence, file, table, card, not 'picture'",
        "part entry 1: shows must be true or false, not 'yes'",
        "part entry 1: unknown key 'colour'",
        "part entry 2: form sentence needs 'text' (text)",
        "part entry 3: an entry must be a mapping, not str",
    }


def test_a_missing_key_and_an_empty_optional_key(tmp_path: Path) -> None:
    missing = {k: v for k, v in GOOD.items() if k != "kind"}
    empty_label = {**GOOD, "label": None}
    entries, problems = load_file(_write(tmp_path, [missing, empty_label]))
    assert [str(p) for p in problems] == ["part entry 0: missing key 'kind'"]
    assert len(entries) == 1 and entries[0].label == ""


def test_a_file_that_is_not_a_list_or_not_yaml_is_refused_whole(tmp_path: Path) -> None:
    _, problems = load_file(_write(tmp_path, {"item": "A15-1.6"}))
    assert [str(p) for p in problems] == ["part: the file must be a list of entries"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("- item: [unclosed\n", encoding="utf-8")
    _, problems = load_file(broken)
    assert len(problems) == 1 and str(problems[0]).startswith("broken: not readable YAML")


def test_the_known_misses_file_is_not_read_as_entries(tmp_path: Path) -> None:
    _write(tmp_path, [GOOD])
    (tmp_path / "known_misses.yaml").write_text('"x": "y"\n', encoding="utf-8")
    entries, problems = load_corpus(tmp_path)
    assert len(entries) == 1 and problems == []


def test_an_entry_judged_on_its_section_page() -> None:
    """The harness itself: a heading over the execution of the budget on a district's budget page is
    recognised; the Budget Code in a sentence is not the execution."""
    shown = Entry(
        "t",
        0,
        "A15-1.6",
        2,
        "исполнение бюджета",
        "mio",
        "ru",
        "heading",
        True,
        heading="Исполнение районного бюджета",
        text="На 1 октября 2026 года исполнено 71,4 % плана.",
    )
    code = Entry(
        "t",
        1,
        "A15-1.6",
        2,
        "исполнение бюджета",
        "mio",
        "ru",
        "sentence",
        False,
        text="Бюджетный кодекс Республики Казахстан от 4 декабря 2008 года регулирует бюджетные отношения.",
    )
    got = run([shown, code])
    assert [(o.indicator, o.present) for o in got] == [("execution", True), ("execution", False)]
    assert got[0].found is not None and "Исполнение районного бюджета" in got[0].found


# ------------------------------------------------------------------------------------------ the command
def test_the_command_prints_the_figures_the_wrong_entries_and_the_refused(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ashyq.cli import app

    code = {
        **GOOD,
        "form": "sentence",
        "shows": False,
        "text": "Бюджетный кодекс Республики Казахстан от 4 декабря 2008 года регулирует бюджетные отношения.",
        "note": "the code, not the execution",
    }
    missed = {**GOOD, "form": "table", "text": "Прочее | 2026"}  # a row that says nothing of the execution
    _write(tmp_path, [GOOD, code, missed, {**GOOD, "lang": "en"}])
    misses = tmp_path / "misses.yaml"
    runner = CliRunner()
    args = ["accuracy", "wording", "--corpus", str(tmp_path), "--json", "--detail", "--write-misses", str(misses)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output  # the refused entry is named, the rest judged
    doc = json.loads(result.stdout)
    assert doc["entries"] == 3 and doc["refused"] == ["part entry 3: lang must be one of kk, ru, not 'en'"]
    assert doc["total"]["positives"] == 2 and doc["total"]["recognised"] == 1
    assert doc["total"]["negatives"] == 1 and doc["total"]["rejected"] == 1
    assert [w["place"] for w in doc["wrong"]] == ["part.yaml entry 2"]
    assert list(yaml.safe_load(misses.read_text(encoding="utf-8"))) == [doc["wrong"][0]["key"]]
    table = runner.invoke(app, ["accuracy", "wording", "--corpus", str(tmp_path)])
    assert "A15-1.6 ru" in table.stdout and "refused: part entry 3" in table.stderr
