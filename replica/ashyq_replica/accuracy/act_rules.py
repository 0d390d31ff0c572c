"""The W3C ACT Rules test cases that bear on Appendix 14, and how an outcome is judged.

Which WCAG success criteria stand behind each Appendix 14 item is decided from the appendix's text
(file 001, Appendix 14, section 3 "accessibility for the visually impaired"):

=====  ===============================================================  ==========================
item   the appendix asks for                                            WCAG 2 success criteria
=====  ===============================================================  ==========================
3.1    alternative text for meaningful non-text and *media* content     1.1.1; 1.2.1, 1.2.2, 1.2.3
3.2    a way to stop moving, blinking, scrolling content (flashing      2.2.2; 2.3.1
       more than three times a second)
3.3    all functionality from the keyboard, the active element          2.1.1, 2.1.2; 2.4.7
       highlighted
3.4    a link to skip to the main content on every page                 2.4.1
3.5    a text message about an input error in forms                     3.3.1
3.6    text contrast at least 4.5:1                                     1.4.3
3.7    text resizable to 200 % without loss of content or function,     1.4.4; 1.4.10
       without horizontal scrolling
=====  ===============================================================  ==========================

The rest of Appendix 14 (search engines, browsers, navigation depth, menus and site map, breadcrumbs,
search, formats, long documents, dates, dead links and language switching, emblem, splash page,
feedback forms, polls, RSS, FAQ, English version, counters) concerns the site's structure and
content, for which no ACT rule exists; the nearest candidate, "meta element has no refresh delay"
(SC 2.2.1), tests timing, not the splash page item 2.11 forbids, and is left out.

A rule is selected when one of these criteria is among its accessibility requirements *as a
requirement* (not only "secondary"): rules that are merely stricter or looser than a criterion (e.g.
enhanced contrast for 1.4.3) would judge the tool by a standard the appendix does not set. Level
AAA criteria (1.2.8, 1.4.6, 2.2.4 …) are out for the same reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


def _item_criteria() -> dict[str, tuple[str, ...]]:
    from ashyq.config.check_settings import check_settings

    return {item: tuple(scs) for item, scs in check_settings("accessibility")["wcag_criteria"].items()}


# the table above, as the checks read it (ashyq/config/checks/accessibility.yaml, ``wcag_criteria``)
ITEM_CRITERIA: dict[str, tuple[str, ...]] = _item_criteria()
ITEMS = tuple(ITEM_CRITERIA)
CRITERION_ITEM = {sc: item for item, scs in ITEM_CRITERIA.items() for sc in scs}
# where the test cases and their list live inside a checkout of w3c/wcag-act-rules
ASSETS = Path("content-assets") / "wcag-act-rules"
URL_PREFIX = "/WAI/content-assets/wcag-act-rules/"


@dataclass(frozen=True)
class Case:
    rule: str
    rule_name: str
    case_id: str
    title: str
    expected: str  # passed | failed | inapplicable
    path: str  # relative to the assets folder: testcases/<rule>/<id>.html
    criteria: tuple[str, ...]  # the rule's criteria that map to an Appendix 14 item
    approved: bool

    @property
    def item(self) -> str:
        return CRITERION_ITEM[self.criteria[0]]

    @property
    def axe_tags(self) -> tuple[str, ...]:
        """axe-core tags the criteria carry: 1.4.3 → wcag143."""
        return tuple("wcag" + sc.replace(".", "") for sc in self.criteria)


class CheckoutError(Exception):
    pass


def assets_root(checkout: Path) -> Path:
    """The folder holding ``testcases.json``: a checkout's root, or that folder itself."""
    for candidate in (checkout / ASSETS, checkout):
        if (candidate / "testcases.json").is_file():
            return candidate
    raise CheckoutError(f"{checkout}: no {ASSETS / 'testcases.json'} (is it a checkout of w3c/wcag-act-rules?)")


def criteria_of(requirements: dict[str, dict[str, str]] | None) -> tuple[str, ...]:
    """The rule's WCAG 2 criteria that are requirements (not "secondary") and map to an item."""
    out = []
    for key, value in (requirements or {}).items():
        if not key.startswith("wcag2") or "secondary" in (value or {}):
            continue
        sc = key.split(":", 1)[1]
        if sc in CRITERION_ITEM:
            out.append(sc)
    return tuple(out)


def load_cases(checkout: Path) -> list[Case]:
    """Every test case of the selected rules, in the order testcases.json lists them."""
    root = assets_root(checkout)
    data = json.loads((root / "testcases.json").read_text(encoding="utf-8"))
    cases = []
    for t in data["testcases"]:
        criteria = criteria_of(t.get("ruleAccessibilityRequirements"))
        if not criteria:
            continue
        cases.append(
            Case(
                rule=t["ruleId"],
                rule_name=t["ruleName"],
                case_id=t["testcaseId"],
                title=t["testcaseTitle"],
                expected=t["expected"],
                path=t["relativePath"],
                criteria=criteria,
                approved=bool(t.get("approved", False)),
            )
        )
    return cases


def missing_assets(root: Path, case: Case) -> list[str]:
    """Files a test case loads from the checkout that the checkout does not have."""
    import re

    html = (root / case.path).read_text(encoding="utf-8", errors="replace")
    out = []
    for ref in re.findall(r'(?:src|href|data)="(' + re.escape(URL_PREFIX) + r'[^"#?]+)', html):
        if not (root / ref.removeprefix(URL_PREFIX)).is_file():
            out.append(ref)
    return out
