"""Subordinate organisations of a central state body (2025 Appendix 10, Tables 8-11): penalty items.

Each organisation arrives as a :class:`BodyArtifacts` in the parent's ``subordinates`` (its own
website pages, its data.egov.kz and dialog.egov.kz records, its Unified-list entries in
``config["unified_list"]``). Every item is judged per organisation and language, then joined into
one result per item and language for the parent:

* ``fail`` — the deficiency was found at one organisation or more (the edition takes the points);
  one deficiency per organisation, ``count`` 1, so the per-organisation reading of the
  ``subordinate-once`` interpretation can count them;
* ``not_assessed`` — no deficiency found, but some organisation could not be measured (an unknown
  portal identifier, a failed fetch): a clean result would claim more than was seen;
* ``pass`` — every organisation was measured and none has the deficiency;
* ``not_applicable`` — the registry states the body has no subordinate organisation
  (``config["subordinate_list"] == "known"``);
* ``not_assessed`` — the registry lists none and does not say it has none: unknown is not none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from parsel import Selector

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot, PortalRecord
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.text import normalise
from ashyq.base.vocabulary import LANGS, Lang
from ashyq.base.wording import Param, Said
from ashyq.base.working_days import parse_portal_day
from ashyq.checks.dataegov.records import dataset_index
from ashyq.checks.declared.facts import declared_of, row_support
from ashyq.checks.dialog.indicators import (
    answered_share,
    no_questions_reason,
    questions_of,
    undated_reason,
    unmeasured,
)
from ashyq.checks.inputs import PORTAL_HOSTS, failures_on
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed, percent, percent_text
from ashyq.config.check_settings import check_settings

Verdict = Literal["deficient", "clean", "unknown"]
TITLE_BASE = "Подведомственные организации"


# nothing to say (a clean outcome)
CLEAN = Said("", "clean")


@dataclass
class Outcome:
    """One organisation's state on one item and language. The ``message`` of a deficient or unknown
    one is the English without the organisation, its key the message's variant: :func:`_join` says
    it as ``deficiency.subordinate.<variant>`` or, for the one organisation not measured,
    ``reason.subordinate.not_measured.<variant>``, with the organisation as a parameter. A reason
    of another family taken as it is (``reason.dialog.…``, ``reason.portal.…``) is its own variant
    without ``reason.``."""

    verdict: Verdict
    message: Said
    evidence: list[EvidenceRef] = field(default_factory=list)
    url: str | None = None
    measured: dict[str, Any] = field(default_factory=dict)


UNKNOWN_LIST = Said(
    "the body's list of subordinate organisations is not known: the registry names none and does not "
    "state that it has none",
    "reason.subordinate.list_unknown",
)
NONE_KNOWN = Said("the registry states the body has no subordinate organisation", "reason.subordinate.none_known")
NO_EVIDENCE = Said("no evidence was kept for the organisations", "reason.subordinate.no_evidence")
PER_LANGUAGE = ("dialog.none_harvested",)  # another family's reasons naming a language by its code


def _variant(message: Said) -> tuple[str, dict[str, Param]]:
    """The message's variant (:class:`Outcome`) and parameters."""
    key, params = message.wording.key.removeprefix("reason."), dict(message.wording.params)
    return (f"{key}.{params.get('lang')}" if key in PER_LANGUAGE else key), params


def _deficiency_said(organisation: str, message: Said) -> Said:
    variant, params = _variant(message)
    return Said(f"{organisation}: {message}", f"deficiency.subordinate.{variant}", organisation=organisation, **params)


def _unmeasured_said(unknown: list[tuple[BodyArtifacts, Outcome]]) -> Said:
    joined = "; ".join(f"{sub.body_id}: {o.message}" for sub, o in unknown)
    english = f"not measured at {len(unknown)} organisation(s): {joined}"
    if len(unknown) > 1:
        return Said(english, "reason.subordinate.not_measured.several", count=len(unknown), organisations=joined)
    sub, o = unknown[0]
    variant, params = _variant(o.message)
    return Said(english, f"reason.subordinate.not_measured.{variant}", count=1, organisation=sub.body_id, **params)


def _name(sub: BodyArtifacts, lang: str) -> str:
    return sub.names.get(lang) or sub.names.get("ru") or sub.body_id


def _join(
    artifacts: BodyArtifacts,
    item: str,
    judge: Callable[[BodyArtifacts, Lang], Outcome],
    in_scope: Callable[[BodyArtifacts], bool] = lambda sub: True,
) -> list[Result]:
    results: list[Result] = []
    scope: list[BodyArtifacts] = []
    outside: list[str] = []
    for sub in artifacts.subordinates:
        if in_scope(sub):
            scope.append(sub)
        else:
            outside.append(sub.body_id)
    outside.sort()
    for lang in LANGS:
        if not artifacts.subordinates:
            if artifacts.config.get("subordinate_list") == "known":
                results.append(Result(item, lang, "not_applicable", reason=NONE_KNOWN))
            else:  # unknown is not none: Tables 8-11 cannot be judged without the body's list
                results.append(not_assessed(item, lang, UNKNOWN_LIST))
            continue
        if not scope:
            listed = ", ".join(outside)
            why = Said(
                f"no subordinate organisation is within the row ({listed}: {WHOLLY_STATE_OWNED})",
                "reason.subordinate.none_in_row",
                organisations=listed,
            )
            results.append(Result(item, lang, "not_applicable", {"excluded": outside}, reason=why))
            continue
        outcomes = [(sub, judge(sub, lang)) for sub in scope]
        per_org = {sub.body_id: {"verdict": o.verdict, **o.measured} for sub, o in outcomes}
        deficient = [(sub, o) for sub, o in outcomes if o.verdict == "deficient"]
        unknown = [(sub, o) for sub, o in outcomes if o.verdict == "unknown"]
        if deficient:
            deficiencies = [
                Deficiency(
                    _deficiency_said(_name(sub, lang), o.message),
                    kind=item,
                    url=o.url,
                    record=sub.body_id,
                    evidence=o.evidence,
                )
                for sub, o in deficient
            ]
            evidence = [e for _, o in deficient for e in o.evidence][:10]
            measured = {"organisations": len(deficient), "by_organisation": per_org, **_excluded(outside)}
            results.append(Result(item, lang, "fail", measured, deficiencies, evidence))
        elif unknown:
            results.append(not_assessed(item, lang, _unmeasured_said(unknown)))
        else:
            evidence = [e for _, o in outcomes for e in o.evidence][:10]
            if not evidence:
                results.append(not_assessed(item, lang, NO_EVIDENCE))
                continue
            results.append(
                Result(item, lang, "pass", {"by_organisation": per_org, **_excluded(outside)}, evidence=evidence)
            )
    return results


WHOLLY_STATE_OWNED = "wholly state-owned, which Table 11 excludes"


def _excluded(outside: list[str]) -> dict[str, Any]:
    return {"excluded": outside} if outside else {}


def quasi_public(sub: BodyArtifacts) -> bool:
    """Whether Table 11 concerns the organisation: the quasi-public sector «за исключением лиц со
    стопроцентным участием государства» (000, lines 863 and 1880). A registry that states 100 %
    state participation takes it out; one that states nothing leaves it in."""
    share = sub.config.get("state_participation")
    return share is None or float(share) < 100


# ---------------------------------------------------------------------------------------- T9-1
def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(normalise(p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})")


def _labels(page: PageSnapshot) -> list[tuple[str, str]]:
    """(text, selector) of what names a page's content: title, headings, link and download texts."""
    out: list[tuple[str, str]] = []
    if page.title:
        out.append((page.title, "title"))
    if page.html:
        sel = Selector(text=page.html)
        for tag in ("title", "h1", "h2", "h3", "a"):
            for node in sel.css(tag):
                text = " ".join(node.css("::text").getall())
                if text.strip():
                    out.append((text, tag))
    out.extend((link.anchor_text, "a") for link in page.links if link.anchor_text)
    return out


def _site_failures(sub: BodyArtifacts) -> list[str]:
    """Pages of the organisation's site that could not be read. A 4xx answer is not one of them: the
    page does not exist (a dead link, itself a finding elsewhere), so it cannot hold what is missing."""
    hosts = [re.sub(r"^https?://", "", u).split("/")[0] for u in sub.site_urls]
    return [
        f"{f.url} ({f.reason})"
        for f in sub.failures
        if any(h and h in f.url for h in hosts)
        and not (f.reason == "http_status" and f.status_code is not None and 400 <= f.status_code < 500)
    ]


def _art16(sub: BodyArtifacts, lang: Lang, cfg: dict[str, Any]) -> Outcome:
    pages = sub.pages_in(lang)
    failures = _site_failures(sub)
    if not pages:
        if sub.pages and not failures:
            other = sub.pages[0]
            no_version = Said(f"the website has no {lang} version", f"no_version.{lang}", lang=lang)
            return Outcome("deficient", no_version, [other.evidence("html", "")], other.url)
        if failures:
            listed = ", ".join(failures[:3])
            english = f"website not measured in {lang} (fetch failures: {listed})"
            return Outcome("unknown", Said(english, f"site.failed.{lang}", lang=lang, failures=listed))
        english = f"website not measured in {lang} (no page of the website was harvested)"
        return Outcome("unknown", Said(english, f"site.none.{lang}", lang=lang))
    kinds: dict[str, Any] = cfg["art16"]["kinds"]
    found: dict[str, EvidenceRef] = {}
    for page in pages:
        labels = [(normalise(text), selector, text) for text, selector in _labels(page)]
        for kind, spec in kinds.items():
            if kind in found:
                continue
            pattern = _phrase_pattern(list(spec.get(lang) or []))
            hit = next(((sel, raw) for text, sel, raw in labels if pattern.search(text)), None)
            if hit:
                found[kind] = page.evidence(hit[0], hit[1])
    missing = [k for k in kinds if k not in found]
    measured = {"found": sorted(found), "missing": missing}
    if len(missing) >= int(cfg["art16"]["missing_for_penalty"]):
        if failures:
            kinds_missing, listed = ", ".join(missing), ", ".join(failures[:3])
            english = f"{kinds_missing} not found, but pages failed: {listed}"
            return Outcome("unknown", Said(english, "art16_failed", missing=kinds_missing, failures=listed))
        titles = ", ".join(str(kinds[k]["title"].get(lang) or k) for k in missing)
        home = min(pages, key=lambda p: p.depth if p.depth is not None else 99)
        evidence = [home.evidence("nav a", " · ".join(t for t, _ in _labels(home) if t.strip())[:240])]
        english = f"no Art. 16 information in {lang}: {titles}"
        return Outcome(
            "deficient", Said(english, f"no_art16.{lang}", lang=lang, titles=titles), evidence, home.url, measured
        )
    return Outcome("clean", CLEAN, list(found.values()), measured=measured)


@register("subordinate.art16_information", "1", ["T9-1"], uses=["subordinates:pages", "config:subordinate_list"])
def art16_information(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 9 row 1: no information on the organisation's website per Article 16 of the Law "On access to
    information"."""
    cfg = check_settings("subordinate", artifacts.config)
    return _join(artifacts, item, lambda sub, lang: _art16(sub, lang, cfg))


# ---------------------------------------------------------------------------------------- T10
@dataclass(frozen=True)
class Dataset:
    api_uri: str
    record: PortalRecord

    def text(self, key: str) -> str:
        return str(self.record.payload.get(key) or "").strip()


def _datasets(sub: BodyArtifacts) -> list[Dataset]:
    seen: dict[str, Dataset] = {}
    for r in sub.records_of("data", "dataset"):
        uri = str(r.payload.get("apiUri") or r.external_id or "")
        if uri:
            seen.setdefault(uri, Dataset(uri, r))
    return list(seen.values())


def _passports(sub: BodyArtifacts) -> dict[str, PortalRecord]:
    out: dict[str, PortalRecord] = {}
    for r in sub.records_of("data", "passport"):
        uri = str(r.payload.get("apiUri") or (r.external_id or "").split("/")[0])
        out[uri] = r
    return out


def _data_unmeasured(sub: BodyArtifacts) -> Said | None:
    for r in sub.records_of("data", "coverage"):
        if r.payload.get("measurable") is False:
            why = r.payload.get("reason")
            if why:
                return Said(f"data.egov.kz: {why}", "data.not_measurable_because", why=str(why))
            return Said("data.egov.kz: not measurable", "data.not_measurable")
    failures = failures_on(sub, PORTAL_HOSTS["data"])
    if failures:
        f = failures[0]
        return Said(
            f"data.egov.kz could not be fetched ({f.reason}): {f.url}", "data.not_fetched", why=f.reason, url=f.url
        )
    if not sub.records_of("data"):
        return Said("no data.egov.kz record was harvested", "data.none")
    return None


def _entry_names(entry: dict[str, Any]) -> set[str]:
    names = entry.get("name") if isinstance(entry.get("name"), dict) else {}
    values = [*(names or {}).values(), entry.get("name_ru"), entry.get("name_kk")]
    return {normalise(str(v)) for v in values if v}


def _match(entry: dict[str, Any], datasets: list[Dataset]) -> Dataset | None:
    uri = entry.get("api_uri")
    names = _entry_names(entry)
    for d in datasets:
        if (uri and d.api_uri == uri) or names & {normalise(d.text("nameRu")), normalise(d.text("nameKk"))} - {""}:
            return d
    return None


def _catalogue_evidence(sub: BodyArtifacts) -> list[EvidenceRef]:
    coverage = [
        r.evidence("$.count", f"datasets: {r.payload.get('count')}") for r in sub.records_of("data", "coverage")
    ]
    return coverage or [d.record.evidence("$.apiUri", d.api_uri) for d in _datasets(sub)[:3]]


def _declared_datasets(sub: BodyArtifacts, parent: BodyArtifacts) -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
    """Without an imported Unified list: the organisation's datasets the parent's report lists
    (Appendix 9, Table 6 row 2: links to every published dataset of its subordinate organisations)."""
    declared = declared_of(parent)
    if declared is None:
        return None
    names = {normalise(n) for n in sub.names.values() if n}
    rows = [r for r in declared.report.subordinates if r.row == "2" and normalise(r.organisation) in names and r.link]
    if not rows:
        return None
    entries = [{"code": dataset_index(str(r.link)) or str(r.link), "api_uri": dataset_index(str(r.link))} for r in rows]
    return entries, {"kind": "declared", "file": declared.source, "rows": len(rows), "form": "Таблица 6, строка 2"}


NO_UNIFIED_LIST = Said(
    "no Unified list imported (ashyq open-data import-list), and the body's report lists no dataset "
    "of the organisation (Appendix 9, Table 6 row 2)",
    "no_unified_list",
)


def _not_published(sub: BodyArtifacts, lang: Lang, parent: BodyArtifacts) -> Outcome:
    reason = _data_unmeasured(sub)
    entries = sub.config.get("unified_list")
    source: dict[str, Any] = {"kind": "unified_list", "list": sub.config.get("unified_list_source")}
    if not isinstance(entries, list):
        claimed = _declared_datasets(sub, parent)
        if claimed is None:
            reason = reason or NO_UNIFIED_LIST
        else:
            entries, source = claimed
    if reason or not isinstance(entries, list):
        return Outcome("unknown", reason or Said("no Unified list", "no_unified_list.bare"))
    datasets = _datasets(sub)
    missing = [e for e in entries if _match(e, datasets) is None]
    measured = {"numerator": len(entries) - len(missing), "denominator": len(entries), "source": source}
    evidence = _catalogue_evidence(sub)
    if missing:
        codes = ", ".join(str(e.get("code") or next(iter(_entry_names(e)), "?")) for e in missing)
        url = next((d.record.source_url for d in datasets), None)
        what = "Unified-list datasets" if source["kind"] == "unified_list" else "datasets the body's report declares"
        english = f"{what} not published: {codes}"
        said = Said(
            english,
            f"not_published.{'unified_list' if source['kind'] == 'unified_list' else 'declared'}",
            datasets=codes,
        )
        return Outcome("deficient", said, evidence, url, measured)
    return Outcome("clean", CLEAN, evidence, measured=measured)


def _stale(sub: BodyArtifacts, lang: Lang, cfg: dict[str, Any]) -> Outcome:
    reason = _data_unmeasured(sub)
    if reason:
        return Outcome("unknown", reason)
    days: dict[str, int] = cfg["open_data"]["periodicity_days"]
    listed = sub.config.get("unified_list")
    entries: list[dict[str, Any]] = listed if isinstance(listed, list) else []
    periodicity = {}
    for entry in entries:
        matched = _match(entry, _datasets(sub))
        declared = entry.get("actualize_type") or entry.get("periodicity")  # the imported Unified list
        if matched and declared:
            periodicity[matched.api_uri] = str(declared)
    stale, undated, evidence = [], [], []
    for d in _datasets(sub):
        period = days.get(periodicity.get(d.api_uri) or d.text("actualizeType"))
        modified = parse_portal_day(d.record.payload.get("modifiedDate"))
        if period is None:
            continue
        if modified is None:
            undated.append(d.api_uri)
            continue
        age = (sub.as_of - modified).days
        ref = d.record.evidence("$.modifiedDate", f"{d.api_uri}: updated {modified:%d.%m.%Y}, every {period} days")
        if age > period:
            stale.append(f"{d.api_uri} ({age} days, allowed {period})")
            evidence.append(ref)
        elif len(evidence) < 3:
            evidence.append(ref)
    measured = {"stale": len(stale), "datasets": len(_datasets(sub))}
    if stale:
        url = _datasets(sub)[0].record.source_url
        listed = ", ".join(stale)
        said = Said(f"datasets not updated on time: {listed}", "stale", datasets=listed)
        return Outcome("deficient", said, evidence, url, measured)
    if undated:
        listed = ", ".join(undated)
        return Outcome("unknown", Said(f"no update date for {listed}", "undated_datasets", datasets=listed))
    return Outcome("clean", CLEAN, evidence or _catalogue_evidence(sub), measured=measured)


def _filling(sub: BodyArtifacts, lang: Lang, cfg: dict[str, Any]) -> Outcome:
    reason = _data_unmeasured(sub)
    if reason:
        return Outcome("unknown", reason)
    required: list[str] = cfg["open_data"]["required_text"][lang]
    label_key: str = cfg["open_data"]["field_label"][lang]
    passports = _passports(sub)
    wrong, unchecked, evidence = [], [], []
    for d in _datasets(sub):
        passport = passports.get(d.api_uri)
        if passport is None:
            unchecked.append(d.api_uri)
            continue
        empty = [k for k in required if not (d.text(k) or str(passport.payload.get(k) or "").strip())]
        fields = passport.payload.get("fields") or {}
        unlabelled = [n for n, f in fields.items() if isinstance(f, dict) and not str(f.get(label_key) or "").strip()]
        if empty or unlabelled:
            what = ", ".join(empty + ([f"{label_key} of {', '.join(unlabelled)}"] if unlabelled else []))
            wrong.append(f"{d.api_uri} ({what})")
            evidence.append(passport.evidence(f"$.fields.*.{label_key}", f"{d.api_uri}: empty {what}"))
        elif len(evidence) < 3:
            evidence.append(passport.evidence("$.apiUri", d.api_uri))
    measured = {"incorrect": len(wrong), "checked": len(_datasets(sub)) - len(unchecked)}
    if wrong:
        url = next(iter(passports.values())).source_url
        listed = "; ".join(wrong)
        english = f"datasets filled incorrectly in {lang}: {listed}"
        return Outcome(
            "deficient",
            Said(english, f"filled_incorrectly.{lang}", lang=lang, datasets=listed),
            evidence,
            url,
            measured,
        )
    if unchecked:
        listed = ", ".join(unchecked)
        return Outcome("unknown", Said(f"no passport fetched for {listed}", "no_passport", datasets=listed))
    return Outcome("clean", CLEAN, evidence or _catalogue_evidence(sub), measured=measured)


@register(
    "subordinate.open_data",
    "1",
    {"published": "T10-1", "current": "T10-2", "filled": "T10-3"},
    uses=["subordinates:records:data", "subordinates:config:unified_list", "config:subordinate_list", "declared"],
)
def open_data(artifacts: BodyArtifacts, items: Mapping[str, str]) -> list[Result]:
    """Table 10 rows 1-3 (CGO/MIO): the subordinate organisations' open data is published, current
    and correctly filled."""
    cfg = check_settings("subordinate", artifacts.config)
    return [
        *_join(artifacts, items["published"], lambda sub, lang: _not_published(sub, lang, artifacts)),
        *_join(artifacts, items["current"], lambda sub, lang: _stale(sub, lang, cfg)),
        *_join(artifacts, items["filled"], lambda sub, lang: _filling(sub, lang, cfg)),
    ]


# ---------------------------------------------------------------------------------------- T11
def _declared_evidence(sub: BodyArtifacts, key: str) -> EvidenceRef:
    source = str(sub.declared.get("source") or f"declared:{sub.body_id}")
    return EvidenceRef(url=source, kind="declared_document", json_path=f"$.{key}", snippet=str(sub.declared.get(key)))


GONE = ("http_404", "http_410")  # the portal answers that the blog is not there


def _blog_gone(sub: BodyArtifacts, lang: Lang) -> PortalRecord | None:
    """The coverage record of the blog's list page when dialog.egov.kz answered that it does not
    exist (the registry's blog id leads nowhere): the portal shows no blog."""
    for r in sub.records_of("dialog", "coverage", lang):
        if r.payload.get("content") in ("blog_posts", "all") and r.payload.get("reason") in GONE:
            return r
    return None


def _blog_declared(sub: BodyArtifacts, parent: BodyArtifacts) -> Outcome | None:
    """What the body's report says of the organisation's blog: the parent's report (Appendix 9,
    Table 6 row 3: the questions received through the blog platform of the organisation's first
    head, with their registration numbers, 000 line 863) shows it exists; a statement that the
    organisation keeps no blog shows it does not. None when the report says nothing of it."""
    if sub.declared.get("blog") is False:  # the report states that the organisation keeps no blog
        said = Said("no first-head blog (reported by the body)", "no_blog.declared")
        return Outcome("deficient", said, [_declared_evidence(sub, "blog")])
    declared = declared_of(parent)
    if declared is None:
        return None
    names = {normalise(n) for n in sub.names.values() if n}
    for row in declared.report.subordinates:
        if row.row != "3" or normalise(row.organisation) not in names or not (row.link or row.registration_no):
            continue
        support = row_support(declared, "subordinates", row, None, linkless_ok=True)
        if support.ok:
            measured = {"basis": "declared", "registration_no": row.registration_no}
            return Outcome("clean", CLEAN, support.evidence, measured=measured)
    return None


def _blog(sub: BodyArtifacts, lang: Lang, parent: BodyArtifacts) -> Outcome:
    """Table 11 row 1, «Отсутствие блога первого руководителя» (000 line 1871), whether or not the
    portal shows the blog: dialog.egov.kz showing it → clean; answering that it is not there →
    deficient; not telling (no blog id in the registry, a failed fetch) → the body's report decides
    (:func:`_blog_declared`), else unknown."""
    gone = _blog_gone(sub, lang)
    if gone is not None:
        answer = str(gone.payload.get("reason"))
        message = Said(
            f"no first-head blog on dialog.egov.kz: {gone.source_url} answers {answer}",
            f"no_blog.portal.{answer}",  # one of GONE
            url=gone.source_url,
            answer=answer,
        )
        evidence = [gone.evidence("$.reason", str(gone.payload.get("reason")))]
        return Outcome("deficient", message, evidence, gone.source_url, {"basis": "portal"})
    reason = unmeasured(sub, lang, ("blog_posts",))
    if reason:
        declared = _blog_declared(sub, parent)
        return declared if declared is not None else Outcome("unknown", reason)
    posts = sub.records_of("dialog", "blog_post", lang)
    coverage = [r for r in sub.records_of("dialog", "coverage", lang) if r.payload.get("measurable")]
    evidence = [r.evidence("$.title", str(r.payload.get("title") or "")) for r in posts[:2]]
    evidence += [r.evidence("$.content", str(r.payload.get("content"))) for r in coverage[:1]]
    return Outcome("clean", CLEAN, evidence, measured={"posts": len(posts), "basis": "portal"})


def _answers(sub: BodyArtifacts, lang: Lang, cfg: dict[str, Any]) -> Outcome:
    reason = unmeasured(sub, lang, ("questions",))
    if reason:
        return Outcome("unknown", reason)
    count = answered_share(questions_of(sub, lang, cfg), sub.reporting_period(), sub.as_of)
    scope, answered = count.scope, count.answered
    coverage = [r.evidence("$.content", "questions") for r in sub.records_of("dialog", "coverage", lang)]
    if not scope and count.undated:
        return Outcome("unknown", undated_reason(count))
    if not scope:
        measured = {"denominator": 0, "note": no_questions_reason(cfg, count), **count.measured()}
        return Outcome("clean", CLEAN, coverage, measured=measured)
    share = percent(answered, len(scope))
    measured = {"numerator": answered, "denominator": len(scope), "percent": share, **count.measured()}
    threshold = float(cfg["blog"]["subordinate_min_answered_percent"])
    unanswered = [q for q in scope if not q.answered]
    evidence = [q.record.evidence("$.answered", f"№ {q.number}: {q.answered}") for q in (unanswered or scope)[:5]]
    if share < threshold:
        url = unanswered[0].record.source_url
        shown, least = percent_text(share), f"{threshold:g}"
        message = Said(
            f"{answered} of {len(scope)} blog questions answered ({shown} % < {least} %)",
            "few_answers",
            answered=answered,
            questions=len(scope),
            percent=shown,
            threshold=least,
        )
        return Outcome("deficient", message, evidence, url, measured)
    return Outcome("clean", CLEAN, evidence, measured=measured)


@register(
    "subordinate.dialogue",
    "3",
    {"blog": "T11-1", "answers": "T11-2"},
    uses=[
        "subordinates:records:dialog",
        "subordinates:declared",
        "declared",
        "subordinates:config:state_participation",
        "config:subordinate_list",
    ],
)
def dialogue(artifacts: BodyArtifacts, items: Mapping[str, str]) -> list[Result]:
    """Table 11 rows 1-2 (CGO/MIO): the quasi-public subordinate organisations' first heads keep a
    blog and answer its questions."""
    cfg = check_settings("dialog", artifacts.config)
    return [
        *_join(artifacts, items["blog"], lambda sub, lang: _blog(sub, lang, artifacts), quasi_public),
        *_join(artifacts, items["answers"], lambda sub, lang: _answers(sub, lang, cfg), quasi_public),
    ]
