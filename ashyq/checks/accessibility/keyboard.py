"""Appendix 14 row 3.3 — all functionality from the keyboard, the active element highlighted, read
from the browser's measurements (:mod:`ashyq.gather.keyboard`):

* **focus visible** (WCAG 2.4.7): the share of Tab stops that show an indicator;
* **no keyboard trap** (2.1.2): tabbing that cannot leave a set of elements by Tab, Shift+Tab,
  Escape or a key the page names (a dialog open on arrival is tabbed from inside, as a keyboard
  user's focus would be);
* **nothing only a mouse can use** (2.1.1): elements that answer a click but that the keyboard
  cannot reach (a menu of ``div`` items with click listeners, a close sign with ``onclick``). Where
  none of them looks like a control (no pointer cursor, no role) the verdict is uncertain: the click
  may do nothing a visitor needs;
* **nothing only a pointer opens** (2.1.1): links shown only while the pointer rests on their block
  (a drop-down menu opened by ``:hover``) that neither focus nor the arrow key or Enter on the
  block's own tab stop shows — a block with no tab stop at all, a heading of ``span`` text, leaves
  its links to the mouse;
* **nothing folded behind a mouse-only control at 200 %** (2.1.1): where the zoomed layout hides a
  block (the menu) behind a control it shows only there, the zoom probe tries that control from the
  keyboard (focus, Enter, Space) before a click (:mod:`ashyq.gather.folds`); a block only a click
  opens leaves that function to the mouse at the width the appendix asks the page to keep working at.
"""

from __future__ import annotations

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency
from ashyq.base.wording import Said
from ashyq.checks.accessibility.wcag import axe_outcome, pages_listed
from ashyq.checks.accessibility.website import measurements, no_measurement, usable
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import check_settings


# ------------------------------------------------------------------------------------------- 3.3
@register(
    "a14.keyboard_focus",
    "6",
    ["A14-3.3"],
    # the focus walk at the desktop width, or the 200 % visit that tries the controls a narrow layout folds the
    # navigation behind: either decides the row; axe-core's keyboard rules alone can fail it (a defect found), never
    # pass it (no walk, not assessed)
    needs=[("measurements:focus", "measurements:zoom", "measurements:axe")],
    also_applies_to=("subordinate",),
)
def keyboard_focus(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 3.3: all functionality operable from the keyboard, with the active element highlighted."""
    config = check_settings("accessibility", artifacts.config)
    all_taken, broken = usable(measurements(artifacts, "focus", "desktop"))
    taken = [m for m in all_taken if int(m.data.get("tab_stops", 0)) > 0 or m.data.get("trapped")]
    axe_taken, _ = usable(measurements(artifacts, "axe", "desktop"))
    outcome = axe_outcome(axe_taken, config, item, "not_keyboard_operable")
    mouse, hover = _by_pointer_only(all_taken, outcome.deficiencies)
    zoomed = _folded_for_mouse(artifacts, outcome.deficiencies)
    if not taken and not outcome.deficiencies:
        if all_taken and any(int(m.data.get("focusable", 0)) == 0 for m in all_taken) and axe_taken:
            return [outcome.result(item, {"tab_stops": 0}, [all_taken[0].evidence(None, "nothing to focus")])]
        return [no_measurement(item, "focus", broken)]
    stops = sum(int(m.data.get("tab_stops", 0)) for m in taken)
    visible = sum(int(m.data.get("visible", 0)) for m in taken)
    share = visible / stops if stops else 1.0
    if stops and share < float(config["presence_pass_share"]):
        worst = [m for m in taken if m.data.get("invisible")]
        first = worst[0].data["invisible"][0] if worst else {}
        listed, urls = pages_listed([m.url for m in worst])
        outcome.deficiencies.append(
            Deficiency(
                Said(
                    f"{stops - visible} of {stops} keyboard stops show no focus indicator, on {listed} page(s): {urls}",
                    "deficiency.a14.focus_not_visible",
                    unseen=stops - visible,
                    stops=stops,
                    pages=listed,
                    urls=urls,
                ),
                kind="focus_not_visible",
                url=(worst or taken)[0].url,
                selector=first.get("selector"),
                evidence=[
                    m.evidence(m.data["invisible"][0].get("selector"), m.data["invisible"][0].get("html"))
                    for m in worst[:3]
                ],
                pages=[m.url for m in worst],
                criteria=("2.4.7",),
            )
        )
    trapped = [m for m in taken if m.data.get("trapped")]
    if trapped:
        cycle = (trapped[0].data.get("trap") or {}).get("cycle") or []
        outcome.deficiencies.append(
            Deficiency(
                _trapped(", ".join(cycle[:3]), *pages_listed([m.url for m in trapped])),
                kind="focus_trap",
                url=trapped[0].url,
                selector=cycle[0] if cycle else None,
                evidence=[
                    m.evidence(None, ", ".join((m.data.get("trap") or {}).get("cycle") or [])) for m in trapped[:3]
                ],
                pages=[m.url for m in trapped],
                criteria=("2.1.2",),
            )
        )
    measured = {
        "tab_stops": stops,
        "visible": visible,
        "share_visible": round(share, 3),
        "trapped": len(trapped),
        "mouse_only": sum(int(m.data["mouse_only"]["count"]) for m in mouse),
        "hover_only": sum(int(m.data["hover_only"]["count"]) for m in hover),
        "mouse_only_at_zoom": zoomed,
    }
    evidence = [taken[0].evidence(None, f"{visible}/{stops} stops visible")] if taken else []
    return [_doubted(outcome.result(item, measured, evidence), mouse)]


# axe-core's rule for a scroll box the keyboard cannot reach: the browsers the audit runs now reach it themselves
SCROLL_BOX_RULE = "scrollable-region-focusable"


def _doubted(result: Result, mouse: list[Measurement]) -> Result:
    """The row's verdict with what the measurement leaves open said: a fail resting only on a scroll box with nothing
    focusable (:func:`_scroll_box_only`), or elements only a mouse click answers none of which looks like a control."""
    if result.deficiencies and all(_axe_rule(d) == SCROLL_BOX_RULE for d in result.deficiencies):
        return _scroll_box_only(result)
    if mouse and not any(c.get("pointer") or c.get("role") for m in mouse for c in m.data["mouse_only"]["controls"]):
        first = mouse[0].data["mouse_only"]["controls"][0]
        return result.uncertain(
            "other_reading",
            look_at=mouse[0].evidence(first.get("selector"), first.get("html")),
            quote=first.get("text") or None,
            detail="elements answer a mouse click but the keyboard cannot reach them; none looks like a "
            "control (no pointer cursor, no role): the click may do nothing a visitor needs",
        )
    return result


def _scroll_box_only(result: Result) -> Result:
    """A fail resting only on a scroll box with nothing focusable, uncertain: the browsers the audit runs reach it."""
    first = result.deficiencies[0]
    return result.uncertain(
        "other_reading",
        look_at=first.references()[0] if first.references() else None,
        detail="the only defect is a scroll box holding nothing focusable (axe-core "
        f"{SCROLL_BOX_RULE}, {first.url}): current Chromium and Firefox make such a box a keyboard stop of "
        "its own and scroll it with the arrow keys, older browsers do not; open it and press Tab",
    )


def _axe_rule(deficiency: Deficiency) -> str | None:
    """The axe-core rule a defect reports, None for the keyboard probe's own."""
    if deficiency.text is None or deficiency.text.key != "deficiency.a14.axe":
        return None
    rule = deficiency.text.params.get("rule")
    return rule if isinstance(rule, str) else None


def _trapped(cycle: str, listed: int, urls: str) -> Said:
    """The focus trap's sentence: the elements the focus cycles through (when named), and the pages."""
    head = "the keyboard focus is trapped (Tab, Shift+Tab and the keys the page names cannot leave"
    where = f"on {listed} page(s): {urls}"
    if not cycle:
        return Said(f"{head} it) {where}", "deficiency.a14.focus_trap.unnamed", pages=listed, urls=urls)
    return Said(f"{head} {cycle}) {where}", "deficiency.a14.focus_trap", cycle=cycle, pages=listed, urls=urls)


def _mouse_only(mouse: list[Measurement]) -> Deficiency:
    """Controls that answer only a mouse click (Appendix 14 row 3.3: all functionality from the keyboard)."""
    first = mouse[0].data["mouse_only"]["controls"][0]
    count = sum(int(m.data["mouse_only"]["count"]) for m in mouse)
    control = str(first.get("text") or first.get("selector"))
    listed, urls = pages_listed([m.url for m in mouse])
    return Deficiency(
        Said(
            f"{count} element(s) answer a mouse click but the keyboard cannot reach them (no link, button or "
            f"tab stop; first «{control}») on {listed} page(s): {urls}",
            "deficiency.a14.not_keyboard_operable",
            count=count,
            control=control,
            pages=listed,
            urls=urls,
        ),
        kind="not_keyboard_operable",
        url=mouse[0].url,
        selector=first.get("selector"),
        evidence=[
            m.evidence(c.get("selector"), c.get("html"))
            for m in mouse[:3]
            for c in m.data["mouse_only"]["controls"][:1]
        ],
        pages=[m.url for m in mouse],
        criteria=("2.1.1",),
    )


def _by_pointer_only(taken: list[Measurement], found: list[Deficiency]) -> tuple[list[Measurement], list[Measurement]]:
    """The pages with controls only a mouse click works and with links only a pointer opens (WCAG
    2.1.1); a defect for each kind added to ``found``."""
    mouse = [m for m in taken if (m.data.get("mouse_only") or {}).get("count")]
    if mouse:
        found.append(_mouse_only(mouse))
    hover = [m for m in taken if (m.data.get("hover_only") or {}).get("count")]
    if hover:
        found.append(_hover_only(hover))
    return mouse, hover


def _hover_only(hover: list[Measurement]) -> Deficiency:
    """Links that only a pointer resting on their block shows (Appendix 14 row 3.3, WCAG 2.1.1)."""
    first = hover[0].data["hover_only"]["menus"][0]
    count = sum(int(m.data["hover_only"]["count"]) for m in hover)
    block = str(first.get("text") or first.get("selector"))[:60]
    listed, urls = pages_listed([m.url for m in hover])
    return Deficiency(
        Said(
            f"{count} block(s) of links open only under the mouse pointer, not from the keyboard (first «{block}») "
            f"on {listed} page(s): {urls}",
            "deficiency.a14.hover_only",
            count=count,
            block=block,
            pages=listed,
            urls=urls,
        ),
        kind="not_keyboard_operable",
        url=hover[0].url,
        selector=first.get("selector"),
        evidence=[
            m.evidence(c.get("selector"), f"{c.get('links')} link(s) shown on hover only")
            for m in hover[:3]
            for c in m.data["hover_only"]["menus"][:1]
        ],
        pages=[m.url for m in hover],
        criteria=("2.1.1",),
    )


def _folded_for_mouse(artifacts: BodyArtifacts, found: list[Deficiency]) -> int:
    """Where the layout at 200 % folds a block (the menu) behind a control, the control must work from
    the keyboard too (row 3.3: all functionality; the zoom probe tried it with Enter and Space before
    a click): the blocks only a mouse click opens, a defect added to ``found`` when there are any."""
    taken, _ = usable(measurements(artifacts, "zoom", "desktop"))
    folds = [(m, b) for m in taken for b in ((m.data.get("hidden") or {}).get("folded_mouse_only") or [])]
    if not folds:
        return 0
    m, block = folds[0]
    control = block.get("control") or {}
    name = str(control.get("text") or control.get("selector"))
    listed, urls = pages_listed(list(dict.fromkeys(x.url for x, _ in folds)))
    found.append(
        Deficiency(
            Said(
                f"at 200 % the layout folds a block ({block.get('selector')}) behind a control «{name}» that only a "
                f"mouse click opens: the keyboard cannot focus or open it, on {listed} page(s): {urls}",
                "deficiency.a14.not_keyboard_operable.zoomed",
                selector=str(block.get("selector")),
                control=name,
                pages=listed,
                urls=urls,
            ),
            kind="not_keyboard_operable",
            url=m.url,
            selector=control.get("selector"),
            evidence=[
                x.evidence((b.get("control") or {}).get("selector"), (b.get("control") or {}).get("html"))
                for x, b in folds[:3]
            ],
            pages=[x.url for x, _ in folds],
            criteria=("2.1.1",),
        )
    )
    return len(folds)
