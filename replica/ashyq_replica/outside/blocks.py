"""The content blocks of the outside sites, in Kazakh and Russian, written the way state bodies' sites
word them. One block per indicator of the legal text (keys in :mod:`ashyq_replica.outside.appendix_indicators`).

``render(key, ctx, lang, stale)`` gives ``(heading, html)``; ``stale`` writes the block as a site that
stopped updating it would show it (last year's figures, old dates). A site chooses how to place the
blocks (pages, menus) and how to head them; ``ctx.voice`` picks between the formal and the plain
wording of a heading where sites differ.
"""

from __future__ import annotations

from ashyq_replica.outside import text_activity, text_profile, text_services
from ashyq_replica.outside.bank import BLOCKS
from ashyq_replica.outside.context import Ctx

TEXTS = (text_profile, text_services, text_activity)  # imported for their blocks


def render(key: str, ctx: Ctx, lang: str, stale: bool = False) -> tuple[str, str]:
    return BLOCKS[key](ctx, lang, stale)


def known() -> set[str]:
    return set(BLOCKS)
