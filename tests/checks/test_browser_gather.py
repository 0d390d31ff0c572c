"""The browser gather step against the replica world: the measurements it takes and the findings the
checks draw from them agree with the world's ground truth for those bodies. Kept to three gathers
(about a minute in all); check-page's JSON output on a local file runs without the world."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import typer
from ashyq_replica.core import World
from ashyq_replica.server import RunningWorld, start_world
from ashyq_replica.truth import all_defects
from typer.testing import CliRunner

from ashyq.base.artifacts import BodyArtifacts
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.gather.pages import gather_pages
from ashyq.gather.visits import GatherResult, GatherSettings

# a real 1×1 PNG, so the emblem renders at its declared size (a missing image renders as its alt text)
PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)

pytestmark = pytest.mark.browser

KOSTANAY = "https://www.kostanay.gov.kz/ru/"
ZQAI = "https://zqai.kz/ru/"
MOD = "https://www.gov.kz/memleket/entities/mod?lang=ru"


@pytest.fixture(scope="module")
def world() -> World:
    return World()


@pytest.fixture(scope="module")
def running(world: World) -> Iterator[RunningWorld]:
    with start_world(world) as served:
        yield served


def gathered(running: RunningWorld, urls: list[str], mobile: bool = True) -> GatherResult:
    settings = GatherSettings.from_config(url_map=running.urls, mobile=mobile, timeout_ms=20_000)
    return gather_pages(urls, settings, sample=False)


def findings(result: GatherResult, kind: str, items: list[str]) -> dict[str, Result]:
    pages = [dataclasses.replace(p, lang="ru", depth=0 if i == 0 else 1) for i, p in enumerate(result.pages)]
    artifacts = BodyArtifacts("b", kind, date(2026, 11, 20), pages=pages, measurements=result.measurements)
    return {r.item: r for r in run_checks(artifacts, only_items=items)}


def truth(world: World, body: str) -> dict[str, str]:
    return {d.item: d.expected for d in all_defects(world) if d.body == body and d.item.startswith(("A14", "A16"))}


def measured(result: GatherResult, kind: str, url: str | None = None, viewport: str = "desktop") -> list[dict]:
    return [
        m.data
        for m in result.measurements
        if m.kind == kind and m.viewport.startswith(viewport) and (url is None or m.url == url)
    ]


def test_kostanay_emblem_contrast_alt_and_phones(running: RunningWorld, world: World) -> None:
    news = "https://www.kostanay.gov.kz/ru/news/1"
    result = gathered(running, [KOSTANAY, news])
    assert result.tool_versions.get("axe-core")
    emblem = measured(result, "emblem", KOSTANAY)[0]
    assert (emblem["rendered_width"], emblem["rendered_height"]) == (240, 240)
    contrast = [v for v in measured(result, "axe", KOSTANAY)[0]["violations"] if v["id"] == "color-contrast"]
    assert contrast and min(n["contrast_ratio"] for n in contrast[0]["nodes"]) == pytest.approx(2.6, abs=0.05)
    assert any(v["id"] == "image-alt" for v in measured(result, "axe", news)[0]["violations"])
    phones = measured(result, "mobile", viewport="mobile")
    assert len(phones) == 2
    assert all(p["redirected_to_mobile_host"] and p["link_to_full"] is False for p in phones)
    assert result.pages[0].screenshots.get("desktop") is None  # no screenshot directory was given

    got = findings(result, "mio", ["A14-2.10", "A14-3.1", "A14-3.6", "A14-3.7", "A16-k", "A16-2"])
    expected = truth(world, "kostanay")
    for item in ("A14-2.10", "A14-3.1", "A14-3.6", "A16-k"):
        assert got[item].status == expected[item], (item, got[item].deficiencies)
    assert got["A16-k"].measured["value"] == 5
    assert got["A16-2"].status == "fail"
    assert got["A14-3.7"].status == "pass"  # kostanay reflows at 200 %


def test_zqai_search_zoom_and_fixed_layout(running: RunningWorld, world: World) -> None:
    result = gathered(running, [ZQAI])
    assert measured(result, "search")[0] == {"form_found": False}
    assert measured(result, "zoom", ZQAI)[0]["horizontal_scroll"] is True
    assert all(p["horizontal_overflow"] for p in measured(result, "mobile", viewport="mobile"))
    got = findings(result, "subordinate", ["A14-2.5", "A14-3.7", "A16-k", "A16-2", "A14-3.4"])
    expected = truth(world, "zqai")
    for item in ("A14-2.5", "A14-3.7", "A16-k", "A14-3.4"):
        assert got[item].status == expected[item], (item, got[item].deficiencies, got[item].reason)
    assert got["A16-k"].measured["value"] == 0
    assert got["A16-2"].status == "not_applicable"


def test_govkz_rendered_by_javascript(running: RunningWorld, world: World) -> None:
    """mod: the page exists only after its script ran; its feedback form takes empty fields silently."""
    result = gathered(running, [MOD], mobile=False)
    assert "main-menu" in result.pages[0].html  # the rendered DOM, not the empty shell
    forms = [f for m in measured(result, "form_errors") for f in m.get("forms", [])]
    (form, *_) = forms  # the feedback form, sent with wrong input
    assert not form["native"] and not [m for m in form["messages"] if m["error_like"]]
    search = measured(result, "search")[0]
    assert search["form_found"] and search["separate_page"] and search["query_kept"]
    got = findings(result, "cgo", ["A14-3.5", "A14-3.3", "A14-3.4", "A14-3.6"])
    assert got["A14-3.5"].status == truth(world, "mod")["A14-3.5"] == "fail"
    assert {got[i].status for i in ("A14-3.3", "A14-3.4", "A14-3.6")} == {"pass"}


def test_check_page_json_on_a_local_file(tmp_path: Path) -> None:
    from ashyq.cli.check_page import check_page_command

    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Акимат</title></head><body>'
        '<a class="skip" href="#main">Перейти к содержанию</a><header><img src="' + PNG + '" width="240" height="240" '
        'alt="Государственный Герб Республики Казахстан"> Официальный интернет-ресурс</header>'
        '<main id="main"><h1>Главная</h1><img src="photo.png" width="50" height="50"></main></body></html>',
        encoding="utf-8",
    )
    app = typer.Typer()
    app.command()(check_page_command)
    answer = CliRunner().invoke(app, [str(page), "--json"])
    assert answer.exit_code == 0, answer.output
    by_item = {f["item"]: f for f in json.loads(answer.output)}
    assert by_item["A14-3.1"]["status"] == "fail"  # the photo has no alt text
    assert by_item["A14-2.10"]["status"] == "partial" and by_item["A14-2.10"]["measured"]["width"] == 240
    assert by_item["A14-3.4"]["status"] == "pass"
    assert by_item["A14-1.1"]["status"] == "not_assessed" and by_item["A14-1.1"]["reason"] == "no provider configured"
    assert all(f["evidence"] for f in by_item.values() if f["status"] in ("pass", "fail", "partial"))


def test_check_page_refuses_loopback_without_permission() -> None:
    from ashyq.cli.check_page import check_page_command

    app = typer.Typer()
    app.command()(check_page_command)
    answer = CliRunner().invoke(app, ["http://127.0.0.1:9/", "--json"])
    assert answer.exit_code == 2
    assert "--allow-private-addresses" in answer.output
