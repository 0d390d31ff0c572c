"""axe-core over a page and the frames inside it: a violation in the page and one in a frame are both
reported (the page's own partial result stays in the page until axe-core finishes the run), and a
page the script cannot run in is refused."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from ashyq.gather.axe import run_axe
from ashyq.net.browser import open_browser
from ashyq.net.urlmap import BaseUrlMap

pytestmark = pytest.mark.browser

PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)
INNER = f'<html lang="ru"><body><img id="inner" src="{PIXEL}"><img id="fine" alt="Герб" src="{PIXEL}"></body></html>'
PAGE = (
    f'<html lang="ru"><head><title>Акимат</title></head><body><main><img id="outer" src="{PIXEL}">'
    f"<iframe title=\"Карта\" srcdoc='{INNER}'></iframe><iframe title=\"Пусто\" srcdoc='<p>ok</p>'></iframe>"
    "</main></body></html>"
)


async def _measure(html: str, rules: list[str]) -> dict[str, Any]:
    async with open_browser(url_map=BaseUrlMap({})) as session:
        context = await session.new_context()
        page = await context.new_page()
        await page.set_content(html)
        first = await run_axe(page, rules)
        again = await run_axe(page, rules)  # nothing of the first run is left in the page to mislead it
        assert again == first
        return first


def test_a_violation_in_the_page_and_in_a_frame_are_both_reported() -> None:
    data = asyncio.run(_measure(PAGE, ["image-alt", "frame-title"]))
    assert data["frames"] == 3  # the page and its two frames
    (image_alt,) = [rule for rule in data["violations"] if rule["id"] == "image-alt"]
    assert image_alt["count"] == 2
    assert sorted(node["target"][-1] for node in image_alt["nodes"]) == ["#inner", "#outer"]
    inner = next(node for node in image_alt["nodes"] if node["target"][-1] == "#inner")
    assert len(inner["target"]) == 2  # the frame, then the image inside it
    assert "frame-title" in data["passes"]
