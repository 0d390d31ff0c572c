"""Appendix 16's mobile coefficient (point 96, ``A16-k``) and the missing link back from the mobile
version to the full one (point 99, ``A16-2``), from the gather step's ``mobile`` measurements.

The gather step opens the home page with an Android and an iPhone profile and records, per profile:
whether the phone was sent to a mobile host (``m.…``), whether the page it got fits the phone's
width (no horizontal scrolling: a responsive layout), whether the desktop page links to a mobile
version, and whether the mobile version links back to the full one.

k = 5 when an adapted version loads by itself on every profile measured; 3 when the full site loads
and links to a mobile version; 0 otherwise. A separate mobile version without a link back is the
point 99 penalty (and the k = 5 finding is partial, so that the missing link shows in both places).
"""

from __future__ import annotations

from typing import Any

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency
from ashyq.base.vocabulary import Status
from ashyq.checks.accessibility.website import (
    usable,
)
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed


def _profile_k(data: dict[str, Any]) -> int:
    if data.get("redirected_to_mobile_host") or not data.get("horizontal_overflow", True):
        return 5
    return 3 if data.get("desktop_links_to_mobile") else 0


def _separate_version(data: dict[str, Any]) -> bool:
    return bool(data.get("redirected_to_mobile_host") or data.get("desktop_links_to_mobile"))


def _mobile(artifacts: BodyArtifacts) -> tuple[list[Measurement], list[Measurement]]:
    return usable([m for m in artifacts.measurements_of("mobile") if m.viewport.startswith("mobile")])


def _no_link_back(taken: list[Measurement]) -> list[Measurement]:
    return [m for m in taken if _separate_version(m.data) and m.data.get("link_to_full") is False]


@register(
    "a16.mobile_coefficient",
    "1",
    ["A16-k"],
    needs=["measurements:mobile"],
    also_applies_to=("subordinate",),
)
def mobile_coefficient(artifacts: BodyArtifacts) -> list[Result]:
    taken, broken = _mobile(artifacts)
    if not taken:
        why = (
            f": {broken[0].data.get('error')}"
            if broken
            else ": the browser gather step did not run with phone profiles"
        )
        return [not_assessed("A16-k", None, f"no mobile measurement{why}")]
    per_profile = {m.data.get("profile") or m.viewport: _profile_k(m.data) for m in taken}
    k = min(per_profile.values())
    evidence = [m.evidence("html", f"{m.data.get('profile')}: {m.data.get('final_url')}") for m in taken]
    measured: dict[str, Any] = {"value": k, "profiles": per_profile}
    deficiencies: list[Deficiency] = []
    for m in taken:
        if _profile_k(m.data) == 0:
            deficiencies.append(
                Deficiency(
                    f"{m.data.get('profile')}: the full site loads without adapting "
                    f"({m.data.get('scroll_width')} px wide in a "
                    f"{m.data.get('viewport_width')} px screen) and links to no mobile version",
                    kind="not_adapted",
                    url=m.url,
                    evidence=[m.evidence("html", m.data.get("final_url"))],
                )
            )
    lacking = _no_link_back(taken) if k == 5 else []
    for m in lacking[:1]:
        deficiencies.append(
            Deficiency(
                f"the mobile version {m.data.get('final_url')} has no link to the full version",
                kind="no_link_to_full_version",
                url=m.data.get("final_url") or m.url,
                evidence=[m.evidence("body", m.data.get("final_url"))],
            )
        )
    status: Status = "fail" if k == 0 else "partial" if k == 3 or lacking else "pass"
    return [Result("A16-k", None, status, measured, deficiencies, evidence)]


@register(
    "a16.link_to_full_version",
    "1",
    ["A16-2"],
    needs=["measurements:mobile"],
    also_applies_to=("subordinate",),
)
def link_to_full_version(artifacts: BodyArtifacts) -> list[Result]:
    taken, broken = _mobile(artifacts)
    if not taken:
        why = (
            f": {broken[0].data.get('error')}"
            if broken
            else ": the browser gather step did not run with phone profiles"
        )
        return [not_assessed("A16-2", None, f"no mobile measurement{why}")]
    separate = [m for m in taken if _separate_version(m.data)]
    if not separate or min(_profile_k(m.data) for m in taken) == 0:
        return [
            Result(
                "A16-2",
                None,
                "not_applicable",
                {},
                reason="no separate mobile version (a responsive site, or k = 0): there is nothing to link back from",
                evidence=[taken[0].evidence()],
            )
        ]
    lacking = _no_link_back(separate)
    if lacking:
        m = lacking[0]
        d = Deficiency(
            f"the mobile version {m.data.get('final_url')} has no link to the full version",
            kind="no_link_to_full_version",
            url=m.data.get("final_url") or m.url,
            evidence=[m.evidence("body", m.data.get("final_url"))],
        )
        return [Result("A16-2", None, "fail", {}, [d], [m.evidence("body", m.data.get("final_url"))])]
    m = separate[0]
    return [Result("A16-2", None, "pass", {}, [], [m.evidence("a", m.data.get("full_link_url"))])]
