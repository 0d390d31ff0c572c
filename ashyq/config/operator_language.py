"""Remembering the commands' language in the operator's file (``ashyq language kk``): ``language:``
written into ``ashyq.yaml``, changing only that line, and the file read back; a file the loader would
refuse is put back as it was."""

from __future__ import annotations

import re
from pathlib import Path

from ashyq.config.operator import ConfigError, forget_loaded, read_config

_LANGUAGE_LINE = re.compile(r"^language:.*$", re.MULTILINE)


def with_language(before: str | None, lang: str) -> str:
    """The file's text with ``language: <lang>``: the line replaced, else added at the end."""
    line = f"language: {lang}"
    if before is None:
        return line + "\n"
    if _LANGUAGE_LINE.search(before):
        return _LANGUAGE_LINE.sub(line, before, count=1)
    return before + ("" if before.endswith("\n") or not before else "\n") + line + "\n"


def remember_language(lang: str, path: Path) -> None:
    """``language: <lang>`` in the operator's file at ``path``, every other line kept. Raises
    :class:`ConfigError` (the file left as it was) when the loader refuses the result, and ``OSError``
    when the file cannot be written."""
    before = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(with_language(before, lang), encoding="utf-8")
    try:
        read_config(path)
    except ConfigError:
        if before is None:
            path.unlink()
        else:
            path.write_text(before, encoding="utf-8")
        raise
    finally:
        forget_loaded()
