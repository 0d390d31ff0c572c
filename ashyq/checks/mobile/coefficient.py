"""Appendix 16's mobile coefficient (point 96, ``A16-k``) and the missing link back from the mobile
version to the full one (point 99, ``A16-2``), from the gather step's ``mobile`` measurements.

The gather step opens the home page with an Android and an iPhone profile and records, per profile:
whether the phone was sent to a mobile host (``m.…``), whether the page it got fits the phone's
width (no horizontal scrolling: a responsive layout), whether the desktop page links to a mobile
version, and whether the mobile version links back to the full one.

k = 5 when an adapted version loads by itself on every profile measured; 3 when the full site loads
and links to a mobile version; 0 otherwise. A separate mobile version without a link back is the
point 99 penalty (and the k = 5 finding is partial, so that the missing link shows in both places).

The harvest adds what one home page in a browser cannot see: a mobile version the full site links
to under a path (``/m/``) or from an inner page, and the pages of the separate version itself
(:mod:`ashyq.checks.mobile.version`). When those pages were harvested, the link back is judged on
them — the version's entry pages must offer the way to the full version — not on one rendering.
"""

from __future__ import annotations

from typing import Any

from ashyq.base.artifacts import BodyArtifacts, Measurement, PageSnapshot
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.vocabulary import Status
from ashyq.base.wording import Said
from ashyq.checks.accessibility.website import usable
from ashyq.checks.mobile.version import VersionScope, adapted, links_back, overflowing, version_pages
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed

NO_SEPARATE_VERSION = Said(
    "no separate mobile version (a responsive site, or k = 0): there is nothing to link back from",
    "reason.a16.no_separate_version",
)


def _no_measurement(broken: list[Measurement]) -> Said:
    """Why there is no phone measurement: the browser's error, or no phone profile run."""
    if broken:
        error = f"{broken[0].data.get('error')}"
        return Said(f"no mobile measurement: {error}", "reason.a16.no_mobile_measurement.failed", error=error)
    return Said(
        "no mobile measurement: the browser gather step did not run with phone profiles",
        "reason.a16.no_mobile_measurement",
    )


def _profile_k(data: dict[str, Any], linked: bool = False) -> int:
    if data.get("redirected_to_mobile_host") or adapted(data):
        return 5
    return 3 if data.get("desktop_links_to_mobile") or linked else 0


def _separate_version(data: dict[str, Any], linked: bool = False) -> bool:
    return bool(data.get("redirected_to_mobile_host") or data.get("desktop_links_to_mobile") or linked)


def harvested_link(artifacts: BodyArtifacts) -> tuple[PageSnapshot, str] | None:
    """A full-site page that links to the harvested mobile version, and the link's target."""
    pages = version_pages(artifacts)
    if not pages:
        return None
    scope = VersionScope.of(pages, artifacts)
    for page in sorted(artifacts.pages, key=lambda p: p.depth if p.depth is not None else 99):
        if page.of_mobile_version:
            continue
        for link in page.links:
            if scope.holds(link.target_url):
                return page, link.target_url
    return None


def harvested_entries(artifacts: BodyArtifacts) -> list[PageSnapshot]:
    """The mobile version's entry pages (one per language, the shallowest): its web pages, where a reader
    lands; a news feed harvested with it (``/feeds/posts/default``, Atom or RSS) is a channel to subscribe
    to, no page to offer a link back to the full version."""
    entries: dict[str | None, PageSnapshot] = {}
    pages = [p for p in version_pages(artifacts) if p.is_html]
    for page in sorted(pages, key=lambda p: (p.depth if p.depth is not None else 99, len(p.url))):
        entries.setdefault(page.lang, page)
    return list(entries.values())


def _mobile(artifacts: BodyArtifacts) -> tuple[list[Measurement], list[Measurement]]:
    return usable([m for m in artifacts.measurements_of("mobile") if m.viewport.startswith("mobile")])


def _no_link_back(taken: list[Measurement]) -> list[Measurement]:
    return [m for m in taken if _separate_version(m.data) and m.data.get("link_to_full") is False]


def _lacking_link_back(artifacts: BodyArtifacts, taken: list[Measurement]) -> list[Deficiency]:
    """The missing way back to the full version: judged on the harvested version's entry pages when
    there are any, else on the browser's rendering."""
    entries = harvested_entries(artifacts)
    if entries:
        pages = version_pages(artifacts)
        return [
            Deficiency(
                Said(
                    f"the mobile version's page {page.url} has no link to the full version",
                    "deficiency.a16.no_link_to_full.page",
                    url=page.url,
                ),
                kind="no_link_to_full_version",
                url=page.url,
                evidence=[page.evidence("body", page.url)],
            )
            for page in entries
            if links_back(page, pages, artifacts) is None
        ]
    return [
        Deficiency(
            Said(
                f"the mobile version {m.data.get('final_url')} has no link to the full version",
                "deficiency.a16.no_link_to_full.rendering",
                url=f"{m.data.get('final_url')}",
            ),
            kind="no_link_to_full_version",
            url=m.data.get("final_url") or m.url,
            evidence=[m.evidence("body", m.data.get("final_url"))],
        )
        for m in _no_link_back(taken)
    ]


@register("a16.mobile_coefficient", "4", ["A16-k"], needs=["measurements:mobile"], also_applies_to=("subordinate",))
def mobile_coefficient(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 16, the mobile coefficient k: 5 if the mobile version loads by itself, 3 if the full
    version loads with a link to it, 0 if there is no link."""
    taken, broken = _mobile(artifacts)
    if not taken:
        return [not_assessed(item, None, _no_measurement(broken))]
    link = harvested_link(artifacts)
    linked = link is not None
    per_profile = {m.data.get("profile") or m.viewport: _profile_k(m.data, linked) for m in taken}
    k = min(per_profile.values())
    evidence = [m.evidence("html", f"{m.data.get('profile')}: {m.data.get('final_url')}") for m in taken]
    if link is not None:
        evidence.append(link[0].evidence("a", f"link to the mobile version: {link[1]}"))
    measured: dict[str, Any] = {"value": k, "profiles": per_profile}
    deficiencies: list[Deficiency] = []
    for m in taken:
        if _profile_k(m.data, linked) == 0:
            deficiencies.append(
                Deficiency(
                    Said(
                        f"{m.data.get('profile')}: the full site loads without adapting "
                        f"({m.data.get('scroll_width')} px wide in a "
                        f"{m.data.get('viewport_width')} px screen) and links to no mobile version",
                        "deficiency.a16.not_adapted",
                        profile=f"{m.data.get('profile')}",
                        width=f"{m.data.get('scroll_width')}",
                        screen=f"{m.data.get('viewport_width')}",
                    ),
                    kind="not_adapted",
                    url=m.url,
                    evidence=[m.evidence("html", m.data.get("final_url"))],
                )
            )
    lacking = _lacking_link_back(artifacts, taken) if k == 5 else []
    deficiencies += lacking[:1]
    status: Status = "fail" if k == 0 else "partial" if k == 3 or lacking else "pass"
    wide = [m for m in taken if overflowing(m.data) and not m.data.get("redirected_to_mobile_host")]
    if wide:
        measured["overflowing"] = {str(w.data.get("profile")): w.data.get("scroll_width") for w in wide}
    result = Result(item, None, status, measured, deficiencies, evidence)
    if wide:  # adapted, yet wider than the screen: the assessor decides whether that still loads as a mobile version
        m = wide[0]
        result.uncertain(
            "other_reading",
            look_at=m.evidence("html", m.data.get("final_url")),
            detail=f"{m.data.get('profile')}: the layout adapts to the phone ({m.data.get('scroll_width')} px, "
            f"narrower than a desktop layout) but is wider than its {m.data.get('device_width')} px screen",
            question=OVERFLOW_QUESTION,
        )
    return [result]


OVERFLOW_QUESTION = {
    "ru": "Загружается ли мобильная версия автоматически (приложение 16, коэффициент k)? Шаблон сайта подстраивается "
    "под телефон, но часть страницы шире экрана: откройте главную страницу на телефоне и проверьте, читается ли она "
    "без горизонтальной прокрутки.",
    "kk": "Мобильді нұсқа автоматты түрде жүктеле ме (16-қосымша, k коэффициенті)? Сайт үлгісі телефонға "
    "бейімделеді, бірақ беттің бір бөлігі экраннан кең: басты бетті телефонда ашып, оның көлденең айналдырусыз "
    "оқылатынын тексеріңіз.",
}


@register(
    "a16.link_to_full_version",
    "3",
    ["A16-2"],
    needs=[("measurements:mobile", "pages")],
    also_applies_to=("subordinate",),
    pages_rule="somewhere",
)
def link_to_full_version(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 16 row 2: no link from the mobile version to the full version (−1 point)."""
    taken, broken = _mobile(artifacts)
    if not taken and not harvested_entries(artifacts):
        return [not_assessed(item, None, _no_measurement(broken))]
    linked = harvested_link(artifacts) is not None
    entries = harvested_entries(artifacts)
    separate = [m for m in taken if _separate_version(m.data, linked)]
    if not entries and (not separate or min(_profile_k(m.data, linked) for m in taken) == 0):  # taken is not empty
        return [
            Result(
                item,
                None,
                "not_applicable",
                {},
                reason=NO_SEPARATE_VERSION,
                evidence=[taken[0].evidence()],
            )
        ]
    lacking = _lacking_link_back(artifacts, taken)
    if lacking:
        return [Result(item, None, "fail", {"without_link": len(lacking)}, lacking, _evidence_of(lacking))]
    if entries:
        pages = version_pages(artifacts)
        back = [(page, links_back(page, pages, artifacts)) for page in entries]
        return [Result(item, None, "pass", {}, [], [page.evidence("a", target) for page, target in back])]
    m = separate[0]
    return [Result(item, None, "pass", {}, [], [m.evidence("a", m.data.get("full_link_url"))])]


def _evidence_of(deficiencies: list[Deficiency]) -> list[EvidenceRef]:
    return [e for d in deficiencies for e in d.references()]
