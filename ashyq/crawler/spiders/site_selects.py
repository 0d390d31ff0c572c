# ruff: noqa: E501  (JavaScript kept on readable lines)
"""The pages a list reaches only through its drop-down choices, found by choosing them in the browser.

State bodies' sites often give an archive by year or a register by kind through a ``<select>`` whose change
runs a script that goes to another address («Выберите год»: ``onchange`` setting ``location`` to
``?year=2025&type=order``, or submitting its form). No link names those pages, and the address is built by
the script, so the served markup does not tell it. The browser step chooses each option in turn:

* a page is worth it when its markup has a ``<select>`` with a change handler (:func:`has_navigating_select`);
* the selects of the page's content are marked (forms with a submit button of their own are left alone:
  those are searches and questionnaires, not navigation), and each option other than the one shown is
  chosen, one select at a time, the others left as the page shows them, within :class:`SelectLimits`;
* a choice that leads to another address is a route the spider follows as a page (and the page is
  loaded again for the next choice); a choice that changes nothing of the address filters in place and is
  left (what it shows is in the page's DOM already or drawn by its script, which the page's rendering reads).

The requests the choices make go through the browser's egress guard and are archived with the page's
other exchanges.
"""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import dataclass
from typing import Any

from ashyq.crawler.spiders.site_dialogs import page_address

NAVIGATING_SELECT = re.compile(rb"<select\b[^>]*\bonchange\s*=", re.I)
MARK = "data-ashyq-select"  # set on the live page's selects after its DOM is kept, never recorded

# The selects of the page's content that may navigate, marked in document order: the values of their options
# and the value shown.
SELECTS_SCRIPT = """
(mark) => {
  const found = [];
  for (const select of document.querySelectorAll('select')) {
    const form = select.closest('form');
    if (form && form.querySelector('button:not([type=button]), input[type=submit], input[type=image]')) continue;
    if (select.disabled || select.multiple) continue;
    select.setAttribute(mark, String(found.length));
    found.push({shown: select.value, values: [...select.options].filter((o) => !o.disabled).map((o) => o.value)});
  }
  return found;
}
"""


@dataclass(frozen=True)
class SelectLimits:
    """How much of a page's drop-down choices is tried: ``options`` per select, ``choices`` in all, within
    ``seconds``; a choice that goes nowhere is waited for ``leave_ms``."""

    options: int = 12
    choices: int = 30
    seconds: float = 20.0
    leave_ms: int = 1500


def has_navigating_select(html: bytes | str) -> bool:
    """Whether a page's markup has a drop-down whose change runs a script (it may lead to other pages)."""
    return bool(NAVIGATING_SELECT.search(html.encode("utf-8", "replace") if isinstance(html, str) else html))


async def select_routes(page: Any, url: str, limits: SelectLimits, timeout_ms: int) -> list[str]:
    """Choose each option of the page's navigating selects in turn (the page is loaded at ``url``, its DOM
    already kept) and return the addresses the choices led to; bounded by ``limits``."""
    routes: list[str] = []
    deadline = time.monotonic() + limits.seconds
    selects: list[dict[str, Any]] = list(await page.evaluate(SELECTS_SCRIPT, MARK))
    tried = 0
    for n, select in enumerate(selects):
        for value in [v for v in select["values"] if v != select["shown"]][: limits.options]:
            if tried >= limits.choices or time.monotonic() > deadline:
                return list(dict.fromkeys(routes))
            tried += 1
            before = page_address(str(page.url))
            try:
                await page.locator(f'[{MARK}="{n}"]').first.select_option(value=str(value), timeout=1500)
                await page.wait_for_function(
                    "(before) => { const u = new URL(location.href); return `${u.origin}${u.pathname}?${u.search.slice(1)}` !== before; }",
                    arg=before,
                    timeout=limits.leave_ms,
                )
            except Exception:  # the choice filters in place, or the select is gone: nothing to follow
                continue
            with contextlib.suppress(Exception):
                await page.wait_for_load_state("domcontentloaded", timeout=timeout_ms // 2)
            if page_address(str(page.url)) != before:
                routes.append(str(page.url))
            await _reload(page, url, timeout_ms)
    return list(dict.fromkeys(routes))


async def _reload(page: Any, url: str, timeout_ms: int) -> None:
    """The page loaded again with its selects marked as before (a choice left it elsewhere)."""
    with contextlib.suppress(Exception):
        await page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
        await page.evaluate(SELECTS_SCRIPT, MARK)
