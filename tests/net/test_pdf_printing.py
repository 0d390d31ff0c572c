"""Printing a conclusion fetches nothing: WeasyPrint would follow any http or file URL in the HTML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from loopback import Loopback

weasyprint = pytest.importorskip("weasyprint")


def _html(canary: str) -> str:
    return (
        f'<html><head><link rel="stylesheet" href="{canary}/style.css"></head><body><p>Қорытынды</p>'
        f'<img src="{canary}/image.png"><img src="file:///etc/passwd"></body></html>'
    )


def test_the_conclusion_printer_fetches_nothing(loopback: Loopback, tmp_path: Path) -> None:
    from ashyq.reports.conclusion import write_pdf

    canary = loopback.canary()
    assert write_pdf(_html(canary.url), tmp_path / "c.pdf").stat().st_size > 0
    time.sleep(0.2)
    assert canary.connections == []
    # the same HTML printed with WeasyPrint's own fetcher does reach out: the test can fail
    weasyprint.HTML(string=_html(canary.url)).write_pdf(str(tmp_path / "d.pdf"))
    time.sleep(0.2)
    assert canary.connections
