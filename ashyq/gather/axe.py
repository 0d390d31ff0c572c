# ruff: noqa: E501  (JavaScript kept on readable lines)
"""axe-core in a loaded page and in every frame of it, with its "could not decide" answers kept.

The rules run are those ``ashyq/config/checks/accessibility.yaml`` lists under ``axe_rules`` (each with the
WCAG criteria it tests). axe-core answers per element: a *violation*, or *incomplete* — it could not
decide (text over a background image, a video it cannot watch …). Incomplete answers are not passes:
they go to a probe that decides (:mod:`ashyq.gather.contrast` for text contrast) and what no probe
decides stays *undecided* for the checks, element by element.

Frames: axe-core's partial API — ``runPartial`` in every frame (each gets its own copy of axe-core),
``finishRun`` in the top one — so a frame's content (an ``iframe`` kept out of the tab order while
holding links, an image without alternative text inside a frame) is judged with the page.

Where the engine (axe-core, npm, MPL-2.0) is found: axe-core is JavaScript, not a Python package, and its code is not kept in this repository. An
installed ashyq gets it once per user with ``ashyq setup-browser`` (npm, into the data folder below);
a checkout gets it from ``make setup`` (``node_modules`` beside the source). Looked for, first match:

1. ``$ASHYQ_AXE``: an ``axe.min.js`` file;
2. the data folder: ``$ASHYQ_DATA``, else ``$XDG_DATA_HOME/ashyq``, else ``~/.local/share/ashyq``,
   at ``axe-core/node_modules/axe-core/axe.min.js``;
3. ``node_modules/axe-core/axe.min.js`` beside the source tree (an editable checkout).

The measurements record the version axe reports, so a result always says which engine judged it.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from pathlib import Path
from typing import Any

from ashyq.config.operator import DATA_VARIABLE as DATA_VARIABLE  # the data folder is named there
from ashyq.config.operator import data_folder
from ashyq.gather import probes

AXE_VERSION = "4.14.1"
AXE_VARIABLE = "ASHYQ_AXE"
_HEADER_VERSION = re.compile(rb"axe v(\d+\.\d+\.\d+)")


class AxeMissing(RuntimeError):
    """No axe-core: the accessibility items that need it are not assessed, with this message."""


def install_prefix() -> Path:
    """Where ``ashyq setup-browser`` installs axe-core (an npm prefix)."""
    return data_folder() / "axe-core"


def checkout_copy() -> Path:
    return Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def candidates() -> list[Path]:
    found = [Path(os.environ[AXE_VARIABLE]).expanduser()] if os.environ.get(AXE_VARIABLE) else []
    return [*found, install_prefix() / "node_modules" / "axe-core" / "axe.min.js", checkout_copy()]


def version_of(script: Path) -> str | None:
    """The version an ``axe.min.js`` declares (its package.json, else the banner of the file)."""
    package = script.with_name("package.json")
    try:
        if package.is_file():
            return str(json.loads(package.read_text(encoding="utf-8"))["version"])
        with script.open("rb") as handle:
            found = _HEADER_VERSION.search(handle.read(512))
        return found.group(1).decode() if found else None
    except (OSError, ValueError, KeyError):
        return None


def axe_script() -> Path:
    """The axe-core script to inject, or :class:`AxeMissing` saying how to get one."""
    named = os.environ.get(AXE_VARIABLE)
    if named and not Path(named).expanduser().is_file():
        raise AxeMissing(f"${AXE_VARIABLE} names {named}, which is not a file")
    for path in candidates():
        if path.is_file():
            return path
    raise AxeMissing(
        f"axe-core is not installed: run `ashyq setup-browser` (installs axe-core {AXE_VERSION} from npm into "
        f"{install_prefix()}), or set ${AXE_VARIABLE} to an axe.min.js"
    )


MAX_NODES = 10
MAX_FRAMES = 12

PARTIAL = "([context, options]) => axe.runPartial(context, options)"
# the top frame's partial result stays in the page for finishRun: it is the largest (every node every
# rule looked at), and carrying it out to the driver and back in cost half of an axe run's CPU
PARTIAL_KEPT = (
    "async ([context, options]) => { window.__ashyqAxePartial = await axe.runPartial(context, options); return true; }"
)
FRAME_CONTEXTS = "([context, options]) => axe.utils.getFrameContexts(context, options)"
FRAME_ELEMENT = "(selector) => axe.utils.shadowSelect(selector)"

# the report, made small in the page: per rule its nodes' target, markup and what axe-core said
FINISH = """
async ([partials, options]) => {
  partials[0] = window.__ashyqAxePartial;
  delete window.__ashyqAxePartial;
  const result = await axe.finishRun(partials, options);
  const node = (n) => {
    const checks = [...(n.any || []), ...(n.all || []), ...(n.none || [])];
    const data = (checks.find(c => c.data && typeof c.data === 'object') || {}).data || {};
    const out = {target: n.target.map(t => Array.isArray(t) ? t.join(' ') : String(t)), html: (n.html || '').slice(0, 200),
                 why: (n.failureSummary || '').split('\\n').slice(1, 3).join(' ').trim().slice(0, 200)};
    if (typeof data.messageKey === 'string') out.reason = data.messageKey;
    if (typeof data.contrastRatio === 'number' && data.contrastRatio > 0) out.contrast_ratio = Math.round(data.contrastRatio * 100) / 100;
    if (typeof data.expectedContrastRatio === 'string') out.expected_ratio = parseFloat(data.expectedContrastRatio);
    if (typeof data.fgColor === 'string') out.fg = data.fgColor;
    if (typeof data.bgColor === 'string') out.bg = data.bgColor;
    return out;
  };
  const brief = (list) => list.map(r => ({id: r.id, impact: r.impact, count: r.nodes.length,
                                          nodes: r.nodes.slice(0, MAX_NODES).map(node)}));
  return {version: axe.version, violations: brief(result.violations), incomplete: brief(result.incomplete),
          passes: result.passes.map(r => r.id), inapplicable: result.inapplicable.map(r => r.id)};
}
""".replace("MAX_NODES", str(MAX_NODES))


# how long one frame may take to receive the script and answer: Playwright's evaluate has no time
# limit of its own, and a frame that is never loaded (an ``iframe loading=lazy`` far below the fold, from
# another host) never answers, which held a whole run
FRAME_SECONDS = 15.0


async def _partial(frame: Any, context: Any, options: dict[str, Any], script: Path, top: bool) -> tuple[Any, Any]:
    """``runPartial`` in one frame, and the contexts of the frames inside it."""
    await frame.add_script_tag(path=str(script))
    partial = await frame.evaluate(PARTIAL_KEPT if top else PARTIAL, [context, options])
    return partial, await frame.evaluate(FRAME_CONTEXTS, [context, options])


async def _child_frame(frame: Any, selector: Any) -> Any:
    """The frame an element of ``frame`` (found by axe-core's frame selector) holds, if any."""
    handle = await frame.evaluate_handle(FRAME_ELEMENT, selector)
    element = handle.as_element()
    return await element.content_frame() if element is not None else None


async def _partials(
    frame: Any, context: Any, options: dict[str, Any], budget: list[int], script: Path, top: bool = False
) -> list[Any]:
    """``runPartial`` in ``frame`` and, depth first in axe-core's order, in the frames inside it.
    A frame that cannot take the script (gone, or refusing) is ``None``, as axe-core expects. The
    ``top`` frame keeps its own partial in the page (``True`` stands for it in the list)."""
    try:
        partial, children = await asyncio.wait_for(_partial(frame, context, options, script, top), FRAME_SECONDS)
    except Exception:  # TimeoutError included: a frame that never gets a document (a lazy frame out of view)
        return [None]
    out = [partial]
    for child in children:
        if budget[0] <= 0:
            out.append(None)
            continue
        budget[0] -= 1
        try:
            inner = await asyncio.wait_for(_child_frame(frame, child["frameSelector"]), FRAME_SECONDS)
        except Exception:
            inner = None
        out += await _partials(inner, child["frameContext"], options, budget, script) if inner is not None else [None]
    return out


async def run_axe(page: Any, rules: list[str]) -> dict[str, Any]:
    """The listed rules over the page and its frames: violations and incomplete answers, per rule
    (:class:`AxeMissing` when no axe-core is installed)."""
    script = axe_script()
    options: dict[str, Any] = {"runOnly": {"type": "rule", "values": rules}}
    partials = await _partials(page.main_frame, {"exclude": []}, options, [MAX_FRAMES], script, top=True)
    if partials[0] is not True:
        raise RuntimeError("axe-core could not run in the page")
    data: dict[str, Any] = await page.main_frame.evaluate(FINISH, [partials, options])
    data["frames"] = len(partials)
    # the players axe-core leaves to a person on row 3.1 ("incomplete"), and what stands beside each, so
    # that the check can tell "nothing is offered at all" (a defect) from "something is offered: is it
    # the right alternative?" (a question)
    data["media"] = await page.main_frame.evaluate(probes.MEDIA)
    return data
