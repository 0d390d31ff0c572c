"""The operator's ashyq.yaml, the checks' settings files and a replica map are read by the strict
loaders (ashyq.base.strict_files): a hostile file - an alias bomb, a tag that would run code, a
Windows-1251 file, deep nesting, a repeated key, an oversized file, NUL bytes - is refused quickly,
with the place of each problem, by the loader's own error (never a traceback); the commands that
read them exit 2 with those lines."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import operator
from ashyq.config.loader import ConfigError as SettingsError
from ashyq.config.loader import read
from ashyq.config.operator import ConfigError, read_config
from ashyq.net.urlmap import MAX_MAP_BYTES, ReplicaMapError, read_replica_map


def _alias_bomb() -> bytes:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 12):  # 9 ** 12 values once expanded
        refs = ", ".join([f"*l{level - 1}" if level > 1 else "*a"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


# content → what the refusal says (and the line it names, when the problem has one)
HOSTILE_YAML: dict[str, tuple[bytes, str, int | None]] = {
    "alias bomb": (_alias_bomb(), "an anchor (&a) is not accepted", 1),
    "code tag": (b'contact: !!python/object/apply:os.system ["id"]\n', "a tag (", 1),
    "windows-1251": ('contact: "Акимат"\n'.encode("cp1251"), "not UTF-8 text", 1),
    "deep nesting": (b"contact: https://a.kz/\nx: " + b"[" * 300 + b"]" * 300 + b"\n", "nested deeper than", 2),
    "repeated key": (b"contact: https://a.kz/\ncontact: https://b.kz/\n", "is given twice", 2),
    "merge key": (b"base: {a: 1}\nother:\n  <<: {a: 2}\n", "a merge key (<<) is not accepted", 3),
    "NUL bytes": (b"contact: https://a.kz/\x00\n", "NUL", None),
    "oversized": (b"# " + b"x" * (300 * 1024) + b"\n", "larger than", None),
}


def _bounded(read: Callable[[], object]) -> BaseException:
    """Run a loader that must refuse; it does so within 2 s of CPU time (this process's, not the wall
    clock, which other processes on a loaded machine stretch) and without a memory burst."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    with pytest.raises((ConfigError, SettingsError, ReplicaMapError)) as refused:
        read()
    spent = time.process_time() - started
    assert spent < 2, f"the refusal took {spent:.1f} s of CPU time (bound 2 s)"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: under 100 MB more
    return refused.value


@pytest.mark.parametrize("case", list(HOSTILE_YAML))
def test_a_hostile_operator_config_is_refused_with_its_place(case: str, tmp_path: Path) -> None:
    content, says, line = HOSTILE_YAML[case]
    path = tmp_path / "ashyq.yaml"
    path.write_bytes(content)
    error = _bounded(lambda: read_config(path))
    assert isinstance(error, ConfigError)
    assert error.problems and all(p.startswith(str(path)) for p in error.problems), error.problems
    assert says in error.problems[0] and len(error.problems[0]) <= 1000
    if line is not None:
        assert f"line {line}" in error.problems[0], error.problems


@pytest.mark.parametrize("case", list(HOSTILE_YAML))
def test_a_hostile_checks_settings_file_is_refused_with_its_place(case: str, tmp_path: Path) -> None:
    content, says, line = HOSTILE_YAML[case]
    path = tmp_path / "dialog.yaml"
    path.write_bytes(content)
    error = _bounded(lambda: read("check_settings", path, where="ashyq/config/checks/dialog.yaml"))
    assert isinstance(error, SettingsError)
    assert error.problems and all(p.startswith("ashyq/config/checks/dialog.yaml") for p in error.problems)
    assert says in error.problems[0]
    if line is not None:
        assert f"line {line}" in error.problems[0], error.problems


HOSTILE_MAPS: dict[str, tuple[bytes, str]] = {
    "deep nesting": (b'{"urls": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested deeper than"),
    "repeated key": (
        b'{"https://www.gov.kz": "http://127.0.0.1:4100",\n "https://www.gov.kz": "http://127.0.0.1:4200"}',
        "is given twice",
    ),
    "windows-1251": ('{"https://акимат.kz": "http://127.0.0.1:4100"}'.encode("cp1251"), "line 1: not UTF-8 text"),
    "oversized": (b'{"https://www.gov.kz": "http://127.0.0.1:4100", "x": "' + b"y" * MAX_MAP_BYTES + b'"}', "larger"),
    "a list for a base": (b'{"https://www.gov.kz": ["http://127.0.0.1:4100"]}', "strings, not list"),
    "a long value": (b'{"https://www.gov.kz": "http://127.0.0.1:4100/' + b"a" * 3000 + b'"}', "characters; at most"),
    "broken JSON": (b'{"https://www.gov.kz":\n  "http://127.0.0.1:4100",,}', "line 2, column 27: not valid JSON"),
}


@pytest.mark.parametrize("case", list(HOSTILE_MAPS))
def test_a_hostile_replica_map_is_refused_in_one_line_with_its_place(case: str, tmp_path: Path) -> None:
    content, says = HOSTILE_MAPS[case]
    path = tmp_path / "map.json"
    path.write_bytes(content)
    for given in (str(path), content.decode("utf-8", "replace")):  # a file, or the JSON inline
        if given != str(path) and case in ("windows-1251", "oversized"):
            continue  # inline text is already text; its size is the command line's
        error = _bounded(lambda: read_replica_map(given))  # noqa: B023 - called at once
        message = str(error)
        assert says in message and "\n" not in message, message
        assert len(message) <= 1000 * 20


def test_the_commands_exit_2_with_the_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ASHYQ_CONFIG", raising=False)
    operator.forget_loaded()
    runner = CliRunner()
    bomb = tmp_path / "bomb.yaml"
    bomb.write_bytes(HOSTILE_YAML["alias bomb"][0])
    result = runner.invoke(app, ["--config", str(bomb), "version"])
    assert result.exit_code == 2, result.output
    assert "an anchor (&a) is not accepted" in result.output and "Traceback" not in result.output
    mapped = tmp_path / "map.json"
    mapped.write_bytes(HOSTILE_MAPS["repeated key"][0])
    result = runner.invoke(app, ["audit", "--url", "https://example.kz", "--replica-map", str(mapped)])
    assert result.exit_code == 2, result.output
    assert "is given twice" in " ".join(result.output.split())
    operator.forget_loaded()
