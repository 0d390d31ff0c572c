"""Keep the message catalogues: ashyq/reports/locale/<lang>/LC_MESSAGES/ashyq.po and ashyq.pot.

The catalogues are keyed: a msgid is the message's dotted key (``conclusion.total``), the English
catalogue holds the English text, and every entry carries that English text as an extracted comment
(``#.``) so a translator sees what the key says. Parameters are gettext's ``%(name)s``; a literal
per cent sign is ``%%``.

Usage:
  python scripts/messages.py template
      Write ashyq.pot from the English catalogue (its keys, their English text as ``#.``), then bring
      kk and ru up to it as ``pybabel update`` does (a new key arrives untranslated, a removed one
      turns obsolete), without fuzzy matching: a guessed translation of a new key is worse than none.
  python scripts/messages.py convert
      Carry messages written in the former YAML files (ashyq/reports/messages/<lang>.yaml, nested
      keys, ``{name}`` parameters) into the catalogues: a key the catalogues lack is added, a key
      they hold takes the YAML's text; then the YAML files are deleted and ``template`` runs. Run it
      again whenever such a file turns up; with none it only runs ``template``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "ashyq" / "reports" / "locale"
YAML_DIR = ROOT / "ashyq" / "reports" / "messages"
DOMAIN = "ashyq"
LANGUAGES = ("en", "kk", "ru")
HEADER = """\
Messages of ashyq shown to people ({language}).
Keyed catalogue: each msgid is the message's key; the comment above it is the English text.
Parameters are %(name)s, a literal per cent sign %%. See docs/translation.md."""
_BRACE = re.compile(r"\{(\w+)\}")


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def new_catalog(lang: str | None) -> Catalog:
    name = {"en": "English", "kk": "Kazakh", "ru": "Russian", None: "template"}[lang]
    return Catalog(
        locale=lang,
        domain=DOMAIN,
        project="ashyq",
        header_comment="\n".join(f"# {line}" for line in HEADER.format(language=name).splitlines()),
        msgid_bugs_address="",
        creation_date=datetime(2026, 1, 1, tzinfo=UTC),
        revision_date=datetime(2026, 1, 1, tzinfo=UTC),
        fuzzy=False,
    )


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return new_catalog(lang)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN, abort_invalid=True)


def save(catalog: Catalog, path: Path) -> None:
    catalog.version = ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "ashyq"
    catalog.language_team = str(catalog.locale or "template")
    path.parent.mkdir(parents=True, exist_ok=True)
    written = path.with_suffix(".new")
    with written.open("wb") as handle:
        write_po(handle, catalog, sort_output=True, omit_header=False, include_previous=False)
    written.replace(path)


def flatten(prefix: str, node: Any, into: dict[str, str]) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            flatten(f"{prefix}.{key}" if prefix else str(key), value, into)
    elif isinstance(node, str):
        into[prefix] = node
    else:
        raise SystemExit(f"{prefix}: a text or a mapping of texts is expected, not {type(node).__name__}")


def gettext_format(text: str) -> str:
    """``{name}`` (str.format) to ``%(name)s`` (gettext, Jinja's i18n), a literal ``%`` doubled."""
    converted = _BRACE.sub(r"%(\1)s", text.replace("%", "%%"))
    if "{" in converted or "}" in converted:
        raise SystemExit(f"a brace that is not a plain parameter: {text!r}")
    return converted


def convert() -> None:
    files = {lang: YAML_DIR / f"{lang}.yaml" for lang in LANGUAGES if (YAML_DIR / f"{lang}.yaml").exists()}
    for lang, path in files.items():
        flat: dict[str, str] = {}
        flatten("", yaml.safe_load(path.read_text(encoding="utf-8")) or {}, flat)
        catalog = load(lang)
        changed = 0
        for key, text in flat.items():
            value = gettext_format(text)
            held = catalog.get(key)
            if held is None:
                catalog.add(key, value)
                changed += 1
            elif held.string != value:
                held.string = value
                held.flags.discard("fuzzy")
                changed += 1
        save(catalog, po_path(lang))
        print(f"{lang}: {len(flat)} messages in {path.name}, {changed} added or changed")
    for path in files.values():
        path.unlink()
    if YAML_DIR.exists() and not any(YAML_DIR.iterdir()):
        YAML_DIR.rmdir()
    template()


def template() -> None:
    english = load("en")
    pot = new_catalog(None)
    for message in english:
        if not message.id:
            continue
        if not message.string:
            raise SystemExit(f"en: {message.id!r} has no English text")
        message.auto_comments = [message.string]  # the English text, kept beside the key everywhere
        pot.add(message.id, "", auto_comments=[message.string])
    save(english, po_path("en"))
    save(pot, LOCALE / f"{DOMAIN}.pot")
    for lang in LANGUAGES:
        if lang == "en":
            continue
        catalog = load(lang)
        catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()  # a removed key is gone from git's history, not kept commented out
        save(catalog, po_path(lang))
        untranslated = sum(1 for m in catalog if m.id and not m.string)
        print(f"{lang}: {len(catalog)} messages, {untranslated} untranslated")


def main(argv: list[str]) -> None:
    if argv == ["convert"]:
        convert()
    elif argv == ["template"]:
        template()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
