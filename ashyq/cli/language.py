"""``ashyq language [kk|ru|en]``: the language of the commands' tables, shown or remembered.

Without an argument it says which language the tables speak and why (``$ASHYQ_LANG``, the operator's
``language:``, or the default, Russian). With one it writes ``language:`` into the operator's file
(the one found, else ``./ashyq.yaml``), changing only that line, and reads the file back: a file
the loader would refuse is put back as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

import typer

from ashyq.cli.operator import choose_lang, fail, operator_config
from ashyq.cli.report import ReportLanguage
from ashyq.config.operator import FILE_NAME, ConfigError, forget_loaded, read_config
from ashyq.reports.i18n import LANG_VARIABLE, catalogue

_LANGUAGE_LINE = re.compile(r"^language:.*$", re.MULTILINE)


def _origin() -> str:
    if os.environ.get(LANG_VARIABLE):
        return f"${LANG_VARIABLE}"
    loaded = operator_config()
    if loaded.config.language:
        return f"language: {loaded.where}"
    return "default"


def remember(lang: str, path: Path) -> None:
    """``language: <lang>`` in the operator's file at ``path``, every other line kept."""
    before = path.read_text(encoding="utf-8") if path.exists() else None
    line = f"language: {lang}"
    if before is None:
        after = line + "\n"
    elif _LANGUAGE_LINE.search(before):
        after = _LANGUAGE_LINE.sub(line, before, count=1)
    else:
        after = before + ("" if before.endswith("\n") or not before else "\n") + line + "\n"
    path.write_text(after, encoding="utf-8")
    try:
        read_config(path)
    except ConfigError as error:
        if before is None:
            path.unlink()
        else:
            path.write_text(before, encoding="utf-8")
        raise fail("the config file is refused, left as it was:\n" + "\n".join(error.problems)) from None
    finally:
        forget_loaded()


def language_command(
    lang: Annotated[
        ReportLanguage | None, typer.Argument(help="kk, ru or en: written to ashyq.yaml as language:.")
    ] = None,
) -> None:
    """The language of the commands' tables: say it, or remember one in ashyq.yaml."""
    if lang is None:
        chosen = choose_lang(None)
        typer.echo(catalogue().text(chosen, "cli.language_now", lang=chosen, origin=_origin()))
        return
    path = operator_config().path or Path(FILE_NAME)
    try:
        remember(lang.value, path)
    except OSError as error:
        raise fail(f"{path}: cannot be written ({error.strerror})") from None
    typer.echo(catalogue().text(lang.value, "cli.language_saved", lang=lang.value, path=str(path)))
