"""The register of content blocks and the helpers their texts share (see :mod:`ashyq_replica.outside.blocks`)."""

from __future__ import annotations

from collections.abc import Callable

from ashyq_replica.outside.context import Ctx, doc_link, pick

Render = Callable[[Ctx, str, bool], tuple[str, str]]
BLOCKS: dict[str, Render] = {}


def block(key: str) -> Callable[[Render], Render]:
    def register(fn: Render) -> Render:
        BLOCKS[key] = fn
        return fn

    return register


def heading(ctx: Ctx, lang: str, formal: tuple[str, str], plain: tuple[str, str] | None = None) -> str:
    kk, ru = plain if plain is not None and ctx.voice == "plain" else formal
    return pick(lang, kk, ru)


def doc(ctx: Ctx, name: str, title: str, fmt: str, size: str, lang: str) -> str:
    return doc_link(f"/files/{name}.{fmt.lower()}", title, fmt.upper(), size, lang, ctx.show_formats)


def p(text: str) -> str:
    return f"<p>{text}</p>"


def ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
