"""axe-core over a page and the frames inside it: a violation in the page and one in a frame are both
reported (the page's own partial result stays in the page until axe-core finishes the run), and a
page the script cannot run in is refused."""

from __future__ import annotations

import asyncio
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from ashyq.gather.axe import FRAME_SECONDS, run_axe
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


class _Site(BaseHTTPRequestHandler):
    """A page whose frame from the body's documents host loads lazily, far below the fold."""

    def do_GET(self) -> None:
        if self.path.startswith("/register"):
            body = '<html lang="kk"><body><img src="x.png"></body></html>'
        else:
            body = (
                '<html lang="kk"><head><title>Әкімдік</title></head><body><main><p>Құжаттар</p>'
                '<div style="height:20000px"></div><iframe title="Тізілім" loading="lazy" '
                'src="https://docs.akimat.example.kz/register"></iframe></main></body></html>'
            )
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_frame_that_never_loads_is_left_out_and_does_not_hold_the_run() -> None:
    """Playwright's evaluate has no time limit: a lazy frame out of view never gets a document, and
    axe-core's partial run in it used to wait for ever (a whole audit stood still). It is a frame
    axe-core could not reach (``None``), and the page's own result is reported."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served = f"http://127.0.0.1:{server.server_address[1]}"
    urls = BaseUrlMap.from_mapping({"https://www.akimat.example.kz": served, "https://docs.akimat.example.kz": served})

    async def measure() -> dict[str, Any]:
        async with open_browser(url_map=urls) as session:
            page = await (await session.new_context()).new_page()
            await page.goto("https://www.akimat.example.kz/")
            return await asyncio.wait_for(run_axe(page, ["image-alt", "frame-title"]), 4 * FRAME_SECONDS)

    try:
        data = asyncio.run(measure())
    finally:
        server.shutdown()
    assert data["frames"] == 2  # the page and the frame it could not reach
    assert "frame-title" in data["passes"]
    assert not [rule for rule in data["violations"] if rule["id"] == "image-alt"]  # the frame's image unseen
