"""The dashboard and its replayed archives on two origins: each serves only its part and sends the
rest to the other, so an archived page's scripts never run on the dashboard's origin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from typer.testing import CliRunner

from ashyq.reports.site_server import serve_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name, text in {
        "index.html": "ranking",
        "bodies/mod.html": "body",
        "replay/abc.html": "replay page",
        "archive/mod.wacz": "package",
        "secret/inner.txt": "x",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _get(url: str) -> requests.Response:
    return requests.get(url, allow_redirects=False, timeout=10)


def test_each_origin_serves_its_part_and_sends_the_rest_to_the_other(site: Path) -> None:
    with serve_site(site) as served:
        dashboard, replay = served.dashboard.rstrip("/"), served.replay.rstrip("/")
        assert urlsplit(dashboard).port != urlsplit(replay).port  # two origins
        assert _get(dashboard + "/index.html").text == "ranking"
        assert _get(dashboard + "/bodies/mod.html").text == "body"
        moved = _get(dashboard + "/replay/abc.html")
        assert moved.status_code == 302 and moved.headers["Location"] == replay + "/replay/abc.html"
        assert _get(dashboard + "/archive/mod.wacz").headers["Location"] == replay + "/archive/mod.wacz"
        assert _get(replay + "/replay/abc.html").text == "replay page"
        assert _get(replay + "/archive/mod.wacz").text == "package"
        back = _get(replay + "/bodies/mod.html")  # a replay page's link back to its body
        assert back.status_code == 302 and back.headers["Location"] == dashboard + "/bodies/mod.html"
        assert _get(replay + "/").headers["Location"] == dashboard + "/"
        assert _get(dashboard + "/secret/").status_code == 404  # no folder is listed
        assert _get(dashboard + "/../../etc/hostname").status_code == 404
        assert _get(dashboard + "/index.html").headers["X-Content-Type-Options"] == "nosniff"


def test_a_folder_without_a_dashboard_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no dashboard"), serve_site(tmp_path):
        pass
    from ashyq.cli import app

    answer = CliRunner().invoke(app, ["report", "serve", str(tmp_path), "--port", "0"])
    assert answer.exit_code == 2 and "no dashboard" in answer.output
