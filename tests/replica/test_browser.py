"""gov.kz needs a real browser: the HTML holds nothing, the rendered DOM holds the page."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
KAZAKH = re.compile("[әғқңөұүһі]")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        yield chromium
        chromium.close()


def rendered(browser: object, url: str) -> object:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector("#root[data-rendered]", timeout=10_000)
    return page


def test_news_page_renders_only_with_javascript(browser: object, govkz: str) -> None:
    url = f"{govkz}/memleket/entities/enbek/press/news/1?lang=kk"
    # Playwright's sync API owns this thread's event loop, so the raw fetch uses the standard library.
    with urllib.request.urlopen(url, timeout=10) as response:
        raw = response.read().decode()
    page = rendered(browser, url)
    titles = page.locator(".news-list .news-item a").all_inner_texts()  # type: ignore[attr-defined]
    assert len(titles) == 10 and all(KAZAKH.search(t) for t in titles[:3])
    assert not any(t in raw for t in titles) and "<h1" not in raw
    header = page.locator("header")  # type: ignore[attr-defined]
    assert header.locator("img.emblem").get_attribute("width") == "80"
    assert "ресми интернет-ресурсы" in header.inner_text()
    for selector in ("nav.main-menu", "nav.breadcrumbs", "form.search-form", "nav.lang-switch", "a.sitemap-link"):
        assert page.locator(selector).count() == 1, selector  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]


def test_virtual_reception_uses_the_browser_ticket(browser: object, govkz: str) -> None:
    page = rendered(browser, f"{govkz}/memleket/entities/mod/activities/vopros-otvet?lang=ru")
    assert page.locator(".vr-question").count() == 25  # type: ignore[attr-defined]
    assert page.locator(".vr-question.answered").count() == 18  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]


def test_feedback_validation_only_where_seeded(browser: object, govkz: str) -> None:
    good = rendered(browser, f"{govkz}/memleket/entities/enbek/activities/feedback?lang=kk")
    good.click(".feedback-form button")  # type: ignore[attr-defined]
    assert good.locator(".form-error").count() == 3  # type: ignore[attr-defined]
    weak = rendered(browser, f"{govkz}/memleket/entities/mod/activities/feedback?lang=ru")
    weak.click(".feedback-form button")  # type: ignore[attr-defined]
    assert weak.locator(".form-error").count() == 0  # type: ignore[attr-defined]
    good.close()  # type: ignore[attr-defined]
    weak.close()  # type: ignore[attr-defined]
