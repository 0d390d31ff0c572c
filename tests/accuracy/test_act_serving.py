"""The ACT checkout is served as the ACT site serves it: a test case that declares no charset is read
as UTF-8 (read as windows-1252, «±» becomes «Â±», a letter, and a row of symbols becomes text)."""

from __future__ import annotations

from pathlib import Path

from ashyq_replica.accuracy.act import checkout_policy, serve_checkout

from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.fetch import GuardedClient


def test_a_case_without_a_charset_is_served_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "case.html").write_text("<!DOCTYPE html><p>±±±@@@</p>", encoding="utf-8")
    with serve_checkout(tmp_path) as base:
        url = base + "case.html"
        answer = GuardedClient(checkout_policy([url]), load_crawl_config().user_agent(), timeout=20).get(url)
    headers = {k.lower(): v for k, v in dict(answer.headers).items()}
    assert "charset=utf-8" in headers["content-type"].lower()
    assert "±±±" in answer.text()
