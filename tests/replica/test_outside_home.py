"""What the outside sites' folders can declare beyond files: a body's home inside a larger portal (the audit is
given that address, not the host's root), a search kept at a page's own address (WordPress's ``/kk/?s=…``), one
uploads folder holding pictures and documents alike."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

from aiohttp.test_utils import TestClient, TestServer
from ashyq_replica.accuracy.outside import registry
from ashyq_replica.outside import load_site
from ashyq_replica.outside.server import host_app


def test_a_site_in_a_folder_of_a_portal_is_audited_from_its_folder() -> None:
    district, committee = load_site("taldykol"), load_site("qurylys")
    bodies = {b["id"]: b for b in registry([district, committee])["bodies"]}
    assert bodies["taldykol"]["sites"] == ["https://www.saryarqa.gov.kz/taldykol/"]
    assert bodies["qurylys"]["sites"] == ["https://www.qurylys.gov.kz/"]


async def _answers(site_id: str, targets: list[str]) -> list[tuple[int, str, str]]:
    site = load_site(site_id)
    async with TestClient(TestServer(host_app(site, site.hosts[0]))) as client:
        out = []
        for target in targets:
            answer = await client.get(target, allow_redirects=False)
            out.append((answer.status, answer.headers.get("Content-Type", ""), await answer.text(errors="replace")))
        return out


def test_a_search_kept_at_the_home_address_runs_only_when_asked() -> None:
    """WordPress answers /kk/ with the home page and /kk/?s=… with its search results."""
    home, found = asyncio.run(_answers("qarasu", ["/kk/", "/kk/?s=" + quote("бюджет")]))
    assert home[0] == 200 and 'class="home blog"' in home[2] and "{{results}}" not in home[2]
    assert found[0] == 200 and 'value="бюджет"' in found[2] and "нәтиже табылды" in found[2]


def test_a_media_folder_answers_pictures_as_images_and_documents_as_files() -> None:
    picture, document = asyncio.run(
        _answers("qarasu", ["/wp-content/uploads/2024/02/gerb.png", "/wp-content/uploads/2026/01/zhospar-2026.xlsx"])
    )
    assert picture[0] == 200 and picture[1] == "image/png"
    assert document[0] == 200 and "spreadsheetml" in document[1]
