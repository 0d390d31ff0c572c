"""Material the benchmarks share: a replica classic site's pages, built without a server."""

from __future__ import annotations

from typing import Any


def classic_site(world: Any, body_id: str) -> tuple[Any, list[Any], str]:
    """The body, every page of its classic site (both languages) and its home page's URL."""
    from ashyq_replica import classic

    from ashyq.base.artifacts import PageSnapshot

    body = next(b for b in world.bodies if b.id == body_id)
    site, look = classic.build_site(world, body), classic.look_for(body)
    renderer = classic.Renderer(world, site, look)
    pages = [
        PageSnapshot(
            url=f"https://{look.host}{renderer.url(lang, route)}",
            lang=lang,
            html=renderer.page(page),
            depth=0 if not route else 1,
            title=page.title,
        )
        for (lang, route), page in site.pages.items()
    ]
    return body, pages, f"https://{look.host}{renderer.url(look.default_lang, '')}"
