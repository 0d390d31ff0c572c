"""The operator's trusted keys for the evidence-package tests: an ashyq.yaml naming them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashyq.config import operator


def trust_keys(folder: Path, monkeypatch: pytest.MonkeyPatch, keys: str) -> Path:
    """The operator's ashyq.yaml (in ``folder``, made this process's config) naming ``keys`` as
    `trusted_keys:`: what `evidence verify` checks a signature against without --key."""
    config = folder / "ashyq.yaml"
    config.write_text(f"trusted_keys: {keys}\n", "utf-8")
    monkeypatch.setenv(operator.CONFIG_VARIABLE, str(config))
    operator.forget_loaded()
    return config
