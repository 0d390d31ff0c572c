"""The one configuration loader (ashyq.config.loader): every file the package ships belongs to a kind
and reads cleanly; a malformed file of any kind is refused with its file and place (a wrong type, an
unknown key where the schema is closed, a file over the kind's limit); one merge rule; where each
kind is looked for."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ashyq.config.loader import KINDS, PACKAGE_DIR, ConfigError, locate, merge, package_files, read
from ashyq.config.operator import OperatorConfig
from ashyq.config.schemas import SCHEMAS, VOCABULARY_SCHEMAS

# the folders whose YAML and JSON files only the loader reads
WATCHED = ("config",)


def test_every_yaml_or_json_file_of_the_configuration_belongs_to_a_kind() -> None:
    owned = {path for name in KINDS for path in package_files(name)}
    shipped = {
        path
        for folder in WATCHED
        for path in (PACKAGE_DIR / folder).rglob("*")
        if path.suffix in (".yaml", ".yml", ".json") and "__pycache__" not in path.parts
    }
    assert shipped - owned == set(), "a file no kind names would be read by a loader of its own"
    assert owned <= shipped


# the modules that read structured files themselves: the strict reader, this loader, and the readers
# of what people hand in (declared reports, findings files, replica maps), which are data, not configuration
STRUCTURED_READERS = {
    "base/strict_files.py",
    "config/loader.py",
    "declared/loader.py",
    "scoring/findings.py",
    "net/urlmap.py",
}
_READS_STRUCTURED = re.compile(r"\bsafe_yaml\(|yaml\.(safe_)?load\(|\bparse_yaml\(|\bread_structured\(|\bparse_json\(")


def test_no_module_reads_yaml_or_structured_files_on_its_own() -> None:
    readers = {
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if _READS_STRUCTURED.search(path.read_text(encoding="utf-8"))
    }
    assert readers <= STRUCTURED_READERS, "a configuration file is read through ashyq.config.loader.read"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_shipped_file_reads_within_its_kinds_limits_and_schema(name: str) -> None:
    for path in package_files(name):
        assert isinstance(read(name, path), dict)


def test_a_schema_per_file_for_the_kinds_that_have_one() -> None:
    assert {p.stem for p in package_files("check_settings")} == set(SCHEMAS)
    assert {p.stem for p in package_files("vocabulary")} == set(VOCABULARY_SCHEMAS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_schema_owned_above_is_named_as_module_and_model(name: str) -> None:
    schema = KINDS[name].schema
    if isinstance(schema, str):
        module, _, model = schema.partition(":")
        assert module.startswith("ashyq.") and model.isidentifier()


# kind → (the file's name, a content of the wrong type at a place, that place, an unknown key's place)
MALFORMED: dict[str, tuple[str, str, str, str]] = {
    "check_settings": ("dialog.yaml", "events: {per_half_year: one}\n", "events.per_half_year", "blog.window_dayz"),
    "vocabulary": ("table7.yaml", "sections: {T7-1: {title: 3}}\n", "sections.T7-1.title", "sections.T7-1.titel"),
    "body_tags": ("body_tags.yaml", "tags: {defence: {en: [1]}}\n", "tags.defence.en", "tags.defence.mark"),
    "portal_urls": ("portal_urls.yaml", "dialog: {event_paths: [a]}\n", "dialog.event_paths", "dialog.paths"),
    "operator": ("ashyq.yaml", "store: [a]\n", "store", "stroe"),
}


def _nested(place: str, value: object) -> dict[str, object]:
    out: object = value
    for part in reversed(place.split(".")):
        out = {part: out}
    assert isinstance(out, dict)
    return out


def _read(name: str, path: Path) -> dict[str, object]:
    return read(name, path, schema=OperatorConfig if name == "operator" else None)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_value_of_the_wrong_type_is_refused_with_its_place(name: str, tmp_path: Path) -> None:
    file_name, content, place, _ = MALFORMED[name]
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        _read(name, path)
    problems = refused.value.problems
    assert problems and all(p.startswith(str(path)) for p in problems), problems
    assert any(f"{place}: " in p for p in problems), problems


@pytest.mark.parametrize("name", [n for n in sorted(MALFORMED) if MALFORMED[n][3]])
def test_an_unknown_key_is_refused_where_the_schema_is_closed(name: str, tmp_path: Path) -> None:
    file_name, _, _, place = MALFORMED[name]
    path = tmp_path / file_name
    good = read(name, KINDS[name].named(Path(file_name).stem)) if name != "operator" else {}
    path.write_text(json.dumps(merge(good, _nested(place, "x")), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        _read(name, path)
    unknown = "unknown setting" if name == "operator" else "Extra inputs are not permitted"
    assert any(f"{place}: {unknown}" in p for p in refused.value.problems), refused.value.problems


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_file_over_the_kinds_limit_is_refused_before_it_is_read(name: str, tmp_path: Path) -> None:
    path = tmp_path / ("policy.json" if name == "chromium_policy" else "big.yaml")
    path.write_bytes(b"# " + b"x" * KINDS[name].limits.max_bytes + b"\n")
    with pytest.raises(ConfigError) as refused:
        read(name, path)
    assert refused.value.problems == [
        f"{path}: larger than {_size(KINDS[name].limits.max_bytes)}, the limit for this kind of file"
    ]


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def test_a_file_that_is_not_a_mapping_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "kz.yaml"
    path.write_text("- one\n- two\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"kz\.yaml: a mapping of settings is expected, not list"):
        read("registry", path)


def test_the_merge_rule_merges_mappings_key_by_key_and_replaces_anything_else() -> None:
    base = {"a": [1, 2], "b": {"c": 1, "d": {"e": 1}}, "f": "text"}
    got = merge(base, {"a": [3], "b": {"d": {"g": 2}}, "f": {"now": "a mapping"}, "h": None})
    assert got == {"a": [3], "b": {"c": 1, "d": {"e": 1, "g": 2}}, "f": {"now": "a mapping"}, "h": None}
    assert base == {"a": [1, 2], "b": {"c": 1, "d": {"e": 1}}, "f": "text"}  # neither argument changes


def test_a_crawl_config_extends_another_by_the_merge_rule(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text("retry: {times: 5, retry_antibot: false}\nantibot_markers: [a, b]\n")
    (tmp_path / "mine.yaml").write_text("extends: base.yaml\nretry: {times: 1}\nantibot_markers: [c]\n")
    assert read("crawl", tmp_path / "mine.yaml") == {
        "retry": {"times": 1, "retry_antibot": False},
        "antibot_markers": ["c"],
    }
    (tmp_path / "base.yaml").write_text("extends: mine.yaml\n")
    with pytest.raises(ConfigError, match="'extends' goes round in a circle"):
        read("crawl", tmp_path / "mine.yaml")


def test_where_each_kind_is_looked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert locate("methodology", "kz-2025") == PACKAGE_DIR / "config/methodology/kz-2025.yaml"
    assert locate("registry", "kz") == PACKAGE_DIR / "config/bodies/kz.yaml"
    assert locate("registry", tmp_path / "mine.yaml") == tmp_path / "mine.yaml"
    assert locate("body_tags") == PACKAGE_DIR / "config/body_tags.yaml"
    monkeypatch.delenv("ASHYQ_CRAWL_CONFIG", raising=False)
    assert locate("crawl") == PACKAGE_DIR / "config/crawl.yaml"
    monkeypatch.setenv("ASHYQ_CRAWL_CONFIG", str(tmp_path / "crawl.yaml"))
    assert locate("crawl") == tmp_path / "crawl.yaml"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ASHYQ_CONFIG", raising=False)
    (tmp_path / "ashyq.yaml").write_text("contact: https://ministry.kz/ashyq\n")
    assert locate("operator") == tmp_path / "ashyq.yaml"
    monkeypatch.setenv("ASHYQ_CONFIG", "/elsewhere/ashyq.yaml")
    assert locate("operator") == Path("/elsewhere/ashyq.yaml")


def test_an_absent_portal_urls_file_reads_as_no_patterns(tmp_path: Path) -> None:
    assert read("portal_urls", tmp_path / "portal_urls.yaml") == {}


def test_an_unknown_kind_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="no kind of configuration 'settings' \\(known: body_tags, "):
        read("settings")
