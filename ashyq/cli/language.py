"""``ashyq language [kk|ru|en]``: the language of the commands' tables, shown or remembered.

Without an argument it says which language the tables speak and why (``$ASHYQ_LANG``, the operator's
``language:``, or the default, Russian). With one it has ``language:`` written into the operator's
file (the one found, else ``./ashyq.yaml``) by :mod:`ashyq.config.operator_language`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ashyq.cli.operator import choose_lang, fail, operator_config
from ashyq.cli.report import ReportLanguage
from ashyq.config.operator import FILE_NAME, ConfigError
from ashyq.config.operator_language import remember_language
from ashyq.reports.i18n import LANG_VARIABLE, catalogue


def _origin() -> str:
    if os.environ.get(LANG_VARIABLE):
        return f"${LANG_VARIABLE}"
    loaded = operator_config()
    if loaded.config.language:
        return f"language: {loaded.where}"
    return "default"


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
        remember_language(lang.value, path)
    except ConfigError as error:
        raise fail("the config file is refused, left as it was:\n" + "\n".join(error.problems)) from None
    except OSError as error:
        raise fail(f"{path}: cannot be written ({error.strerror})") from None
    typer.echo(catalogue().text(lang.value, "cli.language_saved", lang=lang.value, path=str(path)))
