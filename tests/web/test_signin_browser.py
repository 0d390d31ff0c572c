"""A body's person in a real Chromium: chooses Kazakh, signs in, reads the published conclusion of its
body and a finding with its evidence, in Kazakh; the archived page runs nothing and the application's
policy holds (no script, no violation reported)."""

from __future__ import annotations

import pytest
from web_accounts import PASSWORD, WebStore


@pytest.mark.browser
def test_a_body_signs_in_and_reads_its_findings_in_kazakh(web_url: str, web_store: WebStore, chromium: object) -> None:
    context = chromium.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    try:
        page.goto(web_url + "/login")
        page.click('button[value="kk"]')
        assert page.locator("h1").inner_text() == "Кіру"
        page.fill('input[name="username"]', "enbek")
        page.fill('input[name="password"]', PASSWORD)
        page.click("form.stacked button")
        page.wait_for_url("**/publications")
        assert page.locator("h1").inner_text() == "Жарияланған қорытындылар"
        links = page.locator('a[href*="/bodies/"]')
        # its own conclusions only (another module may publish more of the shared store: another revision,
        # the older run): astana is not in its reach, adilet not published
        targets = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
        assert targets and all(t.endswith("/bodies/enbek") for t in targets), targets
        page.locator(f'a[href$="/runs/{web_store.new_run}/bodies/enbek"]').first.click()  # the newest run's
        assert "Еңбек" in page.locator("h1").inner_text()
        assert page.locator("#purpose").is_visible()
        page.locator('a[href^="/findings/"]').first.click()
        page.wait_for_load_state("load")  # the archived page's frame included
        assert page.locator("h2", has_text="Дәлелдер").count() == 1
        frames = page.locator("iframe.archived")
        if frames.count():
            assert frames.first.get_attribute("sandbox") == ""
        assert page.evaluate("typeof window.__pwned") == "undefined"
        # the choice is remembered: the next page is in Kazakh too
        page.goto(web_url + "/publications")
        assert page.locator("h1").inner_text() == "Жарияланған қорытындылар"
    finally:
        context.close()
    # the application's own pages break none of its policy; the archived page's scripts and remote
    # images are what the sandbox blocks
    own = [
        p for p in problems if "Content Security Policy" in p and "/archived" not in p and "new-enbek-page/" not in p
    ]
    assert not own, own
    assert any("Blocked script execution" in p and "/archived" in p for p in problems), problems
