"""Appendix 14 row 2.1: «корректное отображение информации и структуры интернет-ресурса для браузеров
Firefox, Internet Explorer, Google Chrome, Opera, Safari, а также браузеров основных мобильных платформ
Android, Windows Phone, iOS» (0.25; 0.03 deducted for each browser that displays the site incorrectly).

An outside provider that runs each listed browser (``providers: {cross_browser: …}``) answers the row
browser by browser. Without one, the row is measured with what the auditor runs itself, and says so:

* **the harvested pages as served**, for content that no current browser displays, whichever the
  engine: plugin content (an ``object``, ``embed`` or ``applet`` of Flash, ActiveX, Java or Silverlight
  with no fallback inside it: an empty box since the plugins' end of life), a VBScript script, and
  content that only old Internet Explorer showed (a ``<!--[if IE]>`` conditional comment holding
  text, which IE 10 and later ignore like every other browser). Such content is displayed incorrectly
  in all eight listed browsers: 8 × 0.03 deducted, a measurement that decides the row (certain);
* **Chromium's rendering of the home page with the Android and iPhone profiles** (the gather step's
  ``mobile`` measurement, their user agents and screen widths): a notice that the visitor's browser is
  not supported, shown to that platform, is an incorrect display on it. A page wider than the phone
  is not: the phone shows it whole, zoomed out (row 3.7 and Appendix 16 judge the adaptation).

The engines the auditor cannot run (Internet Explorer, Safari, Windows Phone; Firefox and Opera are
not run either) are not guessed: when nothing decides the row, the verdict is the measured one, with
a doubt that names the engines not seen and the page to open in them.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.text import normalise, squash
from ashyq.base.wording import Said
from ashyq.checks.accessibility.points import judge
from ashyq.checks.accessibility.website import (
    Parsed,
    is_home,
    main_text,
    no_pages,
    parse,
    sample,
    site_pages,
    usable,
)
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import check_settings, labels

LISTED = ("Firefox", "Internet Explorer", "Google Chrome", "Opera", "Safari", "Android", "Windows Phone", "iOS")
PLATFORMS = {"android": "Android", "iphone": "iOS"}  # the gather step's mobile profiles → the row's platforms
NOT_RUN = "Firefox, Internet Explorer, Opera, Safari, Windows Phone"


# --------------------------------------------------------------------------------- what no browser shows
def _fallback(element: Any) -> bool:
    """An ``object`` that holds content of its own for a browser without the plugin (text or an image)."""
    return bool(element.xpath(".//img")) or len(re.findall(r"[^\W\d_]", main_text(element))) >= 3


def _plugin(element: Any, types: list[str]) -> str | None:
    """What plugin an element needs, when it needs one."""
    kind = (element.get("type") or "").lower()
    source = (element.get("data") or element.get("src") or element.get("movie") or "").lower()
    if element.tag == "applet":
        return "Java applet"
    if element.get("classid"):
        return f"ActiveX ({element.get('classid')})"
    if kind in types or source.split("?")[0].endswith((".swf", ".xap")):
        return kind or source.rsplit("/", 1)[-1]
    return None


def plugin_content(p: Parsed, types: list[str]) -> list[str]:
    """The page's plugin content with no fallback: what shows as an empty box in a current browser."""
    out = []
    for element in p.root.iter("object", "embed", "applet"):
        if element.tag == "embed" and any(a.tag == "object" for a in element.iterancestors()):
            continue  # the object around it is the one reported
        what = _plugin(element, types)
        if what and not (element.tag in ("object", "applet") and _fallback(element)):
            out.append(f"<{element.tag}> {what}")
    return out


def vbscript(p: Parsed) -> bool:
    return any(
        "vbscript" in (s.get("type") or "").lower() or "vbscript" in (s.get("language") or "").lower()
        for s in p.root.iter("script")
    )


_IE_ONLY = re.compile(r"^\s*\[if\s+([^\]]*\bIE\b[^\]]*)\]>(.*)<!\[endif\]\s*$", re.S | re.I)


def ie_only_content(p: Parsed) -> list[str]:
    """Text that only old Internet Explorer showed: a downlevel-hidden conditional comment holding
    readable content (not the usual style sheets and scripts for IE)."""
    out = []
    for comment in p.root.iter(lxml.etree.Comment):
        found = _IE_ONLY.match(comment.text or "")
        if not found or found.group(1).strip().startswith("!"):
            continue
        try:
            inner = lxml.html.fragment_fromstring(found.group(2), create_parent="div")
        except (ValueError, lxml.etree.ParserError):
            continue
        text = main_text(inner)
        if len(re.findall(r"[^\W\d_]", text)) >= 20:
            out.append(f"[if {found.group(1).strip()}] {text[:80]}")
    return out


def _shown_text(html: str) -> str:
    """The text a rendered DOM shows: what the phone's styles hide (marked by the gather step), scripts,
    and ``noscript`` left out."""
    try:
        root = lxml.html.fromstring(html or "<html/>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for hidden in root.xpath("//*[@data-ashyq-phone-hidden] | //noscript"):
        hidden.drop_tree()
    return main_text(root)


def _notice(text: str, phrases: list[str]) -> str | None:
    said = normalise(text)
    for phrase in phrases:
        at = said.find(normalise(phrase))
        if at >= 0:
            return squash(text[max(0, at - 20) : at + len(phrase) + 60])
    return None


# ------------------------------------------------------------------------------------------ the row
def _page_defects(pages: list[Parsed], types: list[str]) -> list[Deficiency]:
    plugins = {p.page.url: (p, found) for p in pages if (found := plugin_content(p, types))}
    scripts = [p for p in pages if vbscript(p)]
    old_ie = {p.page.url: (p, found) for p in pages if (found := ie_only_content(p))}
    out: list[Deficiency] = []
    if plugins:
        p, found = next(iter(plugins.values()))
        out.append(
            Deficiency(
                Said(
                    f"plugin content no current browser displays (it shows as an empty box in all {len(LISTED)} "
                    f"listed browsers): {found[0]} on {sample(plugins)}",
                    "deficiency.a14.plugin_content",
                    browsers=len(LISTED),
                    what=found[0],
                    urls=sample(plugins),
                ),
                kind="incorrect_display",
                count=len(LISTED),
                url=p.page.url,
                evidence=[p.page.evidence("object, embed, applet", found[0])],
                pages=list(plugins),
            )
        )
    if scripts and not plugins:
        out.append(
            Deficiency(
                Said(
                    f"a VBScript script, which no current browser runs (all {len(LISTED)} listed browsers): "
                    f"{sample(p.page.url for p in scripts)}",
                    "deficiency.a14.vbscript",
                    browsers=len(LISTED),
                    urls=sample(p.page.url for p in scripts),
                ),
                kind="incorrect_display",
                count=len(LISTED),
                url=scripts[0].page.url,
                evidence=[scripts[0].page.evidence("script[type*=vbscript], script[language*=vbscript]")],
                pages=[p.page.url for p in scripts],
            )
        )
    if old_ie and not plugins and not scripts:
        p, found = next(iter(old_ie.values()))
        out.append(
            Deficiency(
                Said(
                    f"content only old Internet Explorer showed, hidden in every current browser: {found[0]} "
                    f"on {sample(old_ie)}",
                    "deficiency.a14.ie_only_content",
                    what=found[0],
                    urls=sample(old_ie),
                ),
                kind="incorrect_display",
                count=len(LISTED),
                url=p.page.url,
                evidence=[p.page.evidence(None, found[0])],
                pages=list(old_ie),
            )
        )
    return out


def _phone_defects(phones: list[Measurement], phrases: list[str]) -> list[Deficiency]:
    out = []
    for m in phones:
        platform = PLATFORMS.get(str(m.data.get("profile")), str(m.data.get("profile")))
        quote = _notice(_shown_text(str(m.data.get("html") or "")), phrases)
        if quote is None:
            continue
        out.append(
            Deficiency(
                Said(
                    f"{platform}: the page tells the visitor the browser is not supported: «{quote}»",
                    "deficiency.a14.unsupported_browser",
                    browser=platform,
                    quote=quote,
                ),
                kind="incorrect_display",
                url=m.url,
                evidence=[m.evidence(None, quote)],
            )
        )
    return out


def _measured_here(artifacts: BodyArtifacts, item: str) -> Result:
    """The row measured with the auditor's own means (the module's notes)."""
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    phones, _ = usable(artifacts.measurements_of("mobile"))
    if not pages and not phones:
        return no_pages(artifacts, [item])[0]
    phrases = labels(config, "unsupported_browser")
    deficiencies = _page_defects(pages, [t.lower() for t in config["plugin_types"]])
    deficiencies += _phone_defects(phones, phrases)
    measured: dict[str, Any] = {
        "engine": "chromium",
        "pages": len(pages),
        "phone_profiles": sorted(PLATFORMS.get(str(m.data.get("profile")), "?") for m in phones),
        "not_run": NOT_RUN,
    }
    points = judge(item, deficiencies, measured, artifacts.config)
    home = next((p for p in pages if is_home(p.page)), pages[0] if pages else None)
    evidence: list[EvidenceRef] = [home.page.evidence(None, home.page.title)] if home else []
    evidence += [m.evidence(None, str(m.data.get("profile"))) for m in phones[:2]]
    result = Result(item, None, points.status, measured, deficiencies, evidence, reason=points.note)
    if any(d.count == len(LISTED) for d in deficiencies):
        return result  # content that no browser displays: the engines not run would show it no better
    notice = next(((p, q) for p in pages if (q := _notice(p.text(), phrases))), None)
    detail = (
        f"measured in Chromium only (the pages as served, and the home page with the Android and iPhone "
        f"profiles); {NOT_RUN} were not run: open the home page in them and see whether the text, menus "
        f"and structure show as in Chromium"
    )
    if notice is not None:
        detail += f"; a page says «{notice[1]}»: to which browsers is it shown?"
    return result.uncertain(
        "other_reading",
        look_at=notice[0].page.evidence(None, notice[1]) if notice else (evidence[0] if evidence else None),
        quote=notice[1] if notice else None,
        detail=detail,
        question=QUESTION,
    )


QUESTION = {
    "ru": "Корректно ли отображаются информация и структура интернет-ресурса в браузерах Firefox, Internet Explorer, "
    "Opera, Safari и Windows Phone (п. 2.1 приложения 14)? Проверка выполнена только в Chromium (страницы сайта и "
    "главная страница в профилях Android и iPhone): откройте главную страницу в этих браузерах.",
    "kk": "Интернет-ресурс ақпараты мен құрылымы Firefox, Internet Explorer, Opera, Safari және Windows Phone "
    "браузерлерінде дұрыс көрсетіле ме (14-қосымшаның 2.1-тармағы)? Тексеру тек Chromium-да жүргізілді (сайт беттері "
    "және Android пен iPhone профильдеріндегі басты бет): басты бетті осы браузерлерде ашыңыз.",
}


def _by_provider(artifacts: BodyArtifacts, item: str, taken: list[Measurement]) -> Result:
    wrong = [m for m in taken if not m.data.get("displays_correctly")]
    deficiencies = [
        Deficiency(
            Said(
                f"{m.data.get('browser')}: {m.data.get('detail')}",
                "deficiency.a14.incorrect_display",
                browser=str(m.data.get("browser")),
                detail=str(m.data.get("detail")),
            )
            if m.data.get("detail")
            else Said(
                f"{m.data.get('browser')}: incorrect display",
                "deficiency.a14.incorrect_display.unspecified",
                browser=str(m.data.get("browser")),
            ),
            kind="incorrect_display",
            url=m.url,
            evidence=[m.evidence(None, str(m.data.get("browser")))],
        )
        for m in wrong
    ]
    measured = {"browsers": len(taken), "incorrect": len(wrong)}
    points = judge(item, deficiencies, measured, artifacts.config)
    evidence = [m.evidence(None, str(m.data.get("browser"))) for m in taken[:3]]
    return Result(item, None, points.status, measured, deficiencies, evidence, reason=points.note)


@register(
    "a14.cross_browser",
    "4",
    ["A14-2.1"],
    needs=[("provider:cross_browser", "pages", "measurements:mobile")],
    also_applies_to=("subordinate",),
    pages_rule="somewhere",  # the site's display: a page not read does not open a verdict already doubted
)
def cross_browser(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 2.1: correct display in Firefox, Internet Explorer, Google Chrome, Opera, Safari and the
    Android, Windows Phone and iOS browsers (a provider's answer per browser, or the module's measurement)."""
    taken, _ = usable(artifacts.measurements_of("cross_browser"))
    if taken:
        return [_by_provider(artifacts, item, taken)]
    return [_measured_here(artifacts, item)]
