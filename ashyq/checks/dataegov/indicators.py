"""Open data (2025 Table 1 rows 1, 3, 4; 2017 Appendix 12 open-data parameters 3 and 5): a body's
datasets on data.egov.kz against its entries of the Unified list of open data.

* T1-1 published ÷ required: an entry is published in a language when a set of the body's
  catalogue carries its portal index (or its name) and a name in that language.
* T1-3 on time ÷ required: a published entry is on time when its last update (``modifiedDate``, an
  Almaty day) is no older than its periodicity allows (``ashyq/config/checks/deadlines.yaml``); entries
  never published are not on time either.
* T1-4 correctness and completeness, per language: every published set's passport has its name,
  description and responsible person in that language and a label (``labelKk``/``labelRu``) for
  every field; a set whose rows were counted must have some.
* A12-OD-3 / A12-OD-5 (2017): the same findings as deficiencies, −0.1 each in that edition.

Where the required datasets come from (``measured.source`` says which): the imported Unified list
(``ashyq open-data import-list``); without an import, the datasets the body itself declares as its
Unified-list datasets (Appendix 9, Table 1 row 1), taken as claims and checked against the catalogue.
No entries on the imported list → not_applicable (the edition gives the maximum); neither a list nor a
declaration → not_assessed; the catalogue not fetched or fetched only in part → not_assessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.vocabulary import LANGS
from ashyq.base.wording import Said
from ashyq.checks.dataegov.records import (
    NO_SOURCE,
    NO_UNIFIED_DATASETS,
    CatalogueDataset,
    DataPortal,
    Passport,
    RequiredDatasets,
    UnifiedEntry,
    data_portal,
    match_entry,
    no_unified_datasets,
    required_datasets,
    unified_entries,
)
from ashyq.checks.edition_index import reading
from ashyq.checks.inputs import failure_reason
from ashyq.checks.portals import (
    EVIDENCE_LIMIT,
    deficiency_result,
    failure_evidence,
    per_language,
    result,
    share_result,
)
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings

TITLE_LABEL = {"kk": "Kk", "ru": "Ru"}
NOT_SOURCED: Said = NO_SOURCE  # neither the Unified list nor the body's report: what is due is unknown
NONE_LISTED: Said = NO_UNIFIED_DATASETS  # the Unified list names none (Table 1 note *): the maximum
NONE_NAMED = Said("the Unified list names no dataset of this body", "reason.dataegov.none_named")
FROM_THE_LIST = ["config:unified_list", "declared", "records:data"]  # the list, or else the declared claims


def _catalogue_problem(portal: DataPortal) -> Said | None:
    """Why the body's catalogue cannot be taken as complete, or None."""
    if portal.unmeasurable:
        return portal.unmeasurable
    if portal.catalogue_failures:
        partly = Said("data.egov.kz catalogue not fully fetched", "reason.dataegov.catalogue_partly")
        return failure_reason(portal.catalogue_failures, partly)
    if portal.missing_from_catalogue():
        listed, harvested = portal.listed_count or 0, len(portal.datasets)
        return Said(
            f"data.egov.kz catalogue lists {portal.listed_count} sets, {harvested} were harvested",
            "reason.dataegov.catalogue_incomplete",
            listed=listed,
            harvested=harvested,
        )
    if portal.listed_count is None and not portal.datasets:
        return Said("no records from data.egov.kz for this body", "reason.dataegov.no_records")
    return None


class _Entries:
    """The list entries of one language with what the catalogue has for each."""

    def __init__(self, entries: list[UnifiedEntry], portal: DataPortal, lang: str, artifacts: BodyArtifacts):
        self.lang = lang
        self.portal = portal
        self.periods: dict[str, int | None] = check_settings("deadlines", artifacts.config)["open_data"][
            "periodicity_days"
        ]
        self.as_of = artifacts.as_of
        self.rows = [(e, match_entry(e, portal.datasets)) for e in entries]
        self.problem: str | None = None  # the catalogue was read (the per-language portal view)

    def published(self) -> list[tuple[UnifiedEntry, CatalogueDataset]]:
        return [(e, d) for e, d in self.rows if d is not None and d.published_in(self.lang)]

    def missing(self) -> list[Deficiency]:
        url = self.portal.catalogue_url()
        return [
            Deficiency(
                Said(
                    f"Dataset «{e.label(self.lang)}» ({e.code}) of the Unified list is not published",
                    "deficiency.dataegov.missing_dataset",
                    dataset=e.label(self.lang),
                    code=e.code,
                ),
                "missing_dataset",
                url=url,
                record=e.code,
            )
            for e, d in self.rows
            if d is None or not d.published_in(self.lang)
        ]

    def stale(self) -> list[Deficiency]:
        out = []
        for entry, dataset in self.published():
            periodicity = entry.actualize_type or dataset.actualize_type or "AS_NEEDED"
            allowed = self.periods.get(periodicity)
            if allowed is None and periodicity in self.periods:
                continue  # "as needed": never overdue
            evidence = [dataset.record.evidence("$.modifiedDate", f"{dataset.api_uri}: {dataset.modified}")]
            if dataset.modified is None:
                out.append(
                    Deficiency(
                        Said(
                            f"«{entry.label(self.lang)}» shows no date of its last update",
                            "deficiency.dataegov.no_update_date",
                            dataset=entry.label(self.lang),
                        ),
                        "no_update_date",
                        url=dataset.record.source_url,
                        record=dataset.api_uri,
                        evidence=evidence,
                    )
                )
                continue
            age = (self.as_of - dataset.modified).days
            if allowed is not None and age > allowed:
                out.append(
                    Deficiency(
                        Said(
                            f"«{entry.label(self.lang)}» last updated {dataset.modified:%d.%m.%Y}, {age} days ago; "
                            f"its periodicity {periodicity} allows {allowed}",
                            "deficiency.dataegov.stale_dataset",
                            dataset=entry.label(self.lang),
                            updated=f"{dataset.modified:%d.%m.%Y}",
                            age=age,
                            periodicity=periodicity,
                            allowed=allowed,
                        ),
                        "stale_dataset",
                        url=dataset.record.source_url,
                        record=dataset.api_uri,
                        evidence=evidence,
                    )
                )
        return out


def _prepared(
    artifacts: BodyArtifacts, items: Sequence[str]
) -> tuple[list[UnifiedEntry], DataPortal, RequiredDatasets] | list[Result]:
    required = required_datasets(artifacts)
    if required is None:
        return [not_assessed(i, lang, NOT_SOURCED) for i in items for lang in LANGS]
    if not required.entries:
        return [result(i, lang, "not_applicable", reason=NONE_NAMED) for i in items for lang in LANGS]
    portal = data_portal(artifacts)
    problem = _catalogue_problem(portal)
    if problem:
        evidence = failure_evidence(portal.catalogue_failures)
        return [not_assessed(i, lang, problem, evidence) for i in items for lang in LANGS]
    return required.entries, portal, required


def _published_evidence(rows: _Entries) -> list[EvidenceRef]:
    return [
        d.record.evidence("$.apiUri", f"{d.api_uri}: {d.names.get(rows.lang)}")
        for _, d in rows.published()[:EVIDENCE_LIMIT]
    ]


@register("open_data.published", "1", ["T1-1"], uses=FROM_THE_LIST)
def published(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 1 row 1: the share of the Unified list's datasets of the body published in the language."""
    return _list_share(artifacts, item, stale_too=False)


@register("open_data.on_time", "1", ["T1-3"], uses=FROM_THE_LIST)
def on_time(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 1 row 3: the share of the list's datasets published and updated within their periodicity."""
    return _list_share(artifacts, item, stale_too=True)


def _list_share(artifacts: BodyArtifacts, item: str, stale_too: bool) -> list[Result]:
    """The share of the list's entries published in each language (and current, ``stale_too``)."""
    prepared = _prepared(artifacts, [item])
    if isinstance(prepared, list):
        return prepared
    entries, portal, required = prepared

    def evaluate(rows: _Entries) -> Result:
        stale, missing = (rows.stale() if stale_too else []), rows.missing()
        good, total = len(rows.published()) - len(stale), len(entries)
        evidence = [required.evidence(), *(_published_evidence(rows) or _catalogue_evidence(portal))]
        status = "pass" if good == total else "fail" if good == 0 else "partial"
        measured: dict[str, Any] = {"numerator": good, "denominator": total}
        if stale_too:
            measured["stale"] = [d.record for d in stale]
        measured.update(missing=[d.record for d in missing], source=required.source)
        return result(item, rows.lang, status, measured, stale + missing, evidence)

    return per_language(artifacts, item, lambda data, lang: _Entries(entries, portal, lang, data), evaluate)


def _catalogue_evidence(portal: DataPortal) -> list[EvidenceRef]:
    url = portal.catalogue_url()
    return [
        EvidenceRef(
            url=url or "https://data.egov.kz/",
            kind="portal_record",
            snippet=f"{len(portal.datasets)} datasets in the body's catalogue",
        )
    ]


# ------------------------------------------------------------------------------ passports (T1-4)
def passport_gaps(p: Passport, dataset: CatalogueDataset, lang: str) -> list[str]:
    """What the passport of one set lacks in ``lang`` (empty when it is complete)."""
    suffix = TITLE_LABEL[lang]
    gaps = []
    if not (p.names.get(lang) or dataset.names.get(lang)):
        gaps.append("name")
    if not (p.descriptions.get(lang) or dataset.descriptions.get(lang)):
        gaps.append("description")
    if not p.responsible.get(lang):
        gaps.append("responsible person")
    if not p.fields:
        gaps.append("field descriptions")
    unlabeled = [name for name, spec in p.fields.items() if not str(spec.get(f"label{suffix}") or "").strip()]
    if unlabeled:
        gaps.append(f"label{suffix} of {', '.join(unlabeled)}")
    if p.records_total == 0:
        gaps.append("records (the set is empty)")
    return gaps


def _passport_findings(artifacts: BodyArtifacts, item: str, as_share: bool) -> list[Result]:
    """The passports of the body's datasets judged in each language: as a share of complete
    passports (2025 Table 1 row 4, ``as_share``) or as one deficiency each (2017 Appendix 12)."""
    # Table 1 note *: under the whole-criterion reading the maximum covers row 4 as well
    whole = reading(artifacts.config, "opendata-no-datasets") == "whole-criterion"
    if as_share and whole and no_unified_datasets(artifacts):
        return [result(item, lang, "not_applicable", reason=NONE_LISTED) for lang in LANGS]
    entries = unified_entries(artifacts)
    portal = data_portal(artifacts)
    problem = _catalogue_problem(portal)
    if problem:
        return [not_assessed(item, lang, problem, failure_evidence(portal.catalogue_failures)) for lang in LANGS]
    if not portal.datasets:
        return _no_datasets(item, entries, portal)
    checked = {api: d for api, d in portal.datasets.items() if api in portal.passports}
    if not checked:
        reason = Said("no passport of the body's datasets was fetched", "reason.dataegov.no_passport")
        if portal.passport_failures:
            reason = failure_reason(portal.passport_failures, reason)
        return [not_assessed(item, lang, reason, failure_evidence(portal.passport_failures)) for lang in LANGS]
    return [_passports_in(item, lang, portal, checked, as_share) for lang in LANGS]


def _no_datasets(item: str, entries: list[UnifiedEntry] | None, portal: DataPortal) -> list[Result]:
    """No dataset of the body on the portal: nothing correct when sets are due, else nothing to judge."""
    if entries:  # sets are due and none is published: nothing is correct
        missing = [
            Deficiency(
                Said(
                    f"No dataset of the body is published ({len(entries)} due)",
                    "deficiency.dataegov.no_datasets",
                    due=len(entries),
                ),
                "no_datasets",
                url=portal.catalogue_url(),
            )
        ]
        return [
            result(
                item,
                lang,
                "fail",
                {"numerator": 0, "denominator": 0},
                missing,
                _catalogue_evidence(portal),
            )
            for lang in LANGS
        ]
    reason = Said("no dataset is published and none is due", "reason.dataegov.none_due")
    if entries is None:
        unknown = Said(f"{reason} (Unified list unknown)", "reason.dataegov.none_due.list_unknown")
        return [not_assessed(item, lang, unknown) for lang in LANGS]
    return [result(item, lang, "not_applicable", reason=reason) for lang in LANGS]


def _passports_in(
    item: str, lang: str, portal: DataPortal, checked: dict[str, CatalogueDataset], as_share: bool
) -> Result:
    """The passports fetched, judged in one language."""
    deficiencies: list[Deficiency] = []
    evidence: list[EvidenceRef] = []
    for api_uri, dataset in sorted(checked.items()):
        p = portal.passports[api_uri]
        gaps = passport_gaps(p, dataset, lang)
        if gaps:
            snippet = f"{api_uri}: {'; '.join(gaps)}"
            deficiencies.append(
                Deficiency(
                    Said(
                        f"Passport of «{dataset.names.get(lang) or api_uri}» lacks in {lang}: {'; '.join(gaps)}",
                        f"deficiency.dataegov.incomplete_passport.{lang}",
                        dataset=dataset.names.get(lang) or api_uri,
                        gaps="; ".join(gaps),
                    ),
                    "incomplete_passport",
                    url=p.record.source_url,
                    record=api_uri,
                    evidence=[p.record.evidence("$.fields", snippet)],
                )
            )
        elif len(evidence) < EVIDENCE_LIMIT:
            evidence.append(p.record.evidence("$.fields", f"{api_uri}: complete in {lang}"))
    unchecked = sorted(set(portal.datasets) - set(checked))
    good, total = len(checked) - len(deficiencies), len(checked)
    if as_share:
        return share_result(
            item,
            lang,
            good,
            total,
            deficiencies,
            evidence,
            incomplete=[d.record for d in deficiencies],
            not_checked=unchecked,
        )
    return deficiency_result(
        item, lang, deficiencies, evidence, numerator=good, denominator=total, not_checked=unchecked
    )


@register("open_data.passports", "1", ["T1-4"], needs=["records:data"], uses=["config:unified_list"])
def passports(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 1 row 4: correctness and completeness of filling of datasets."""
    return _passport_findings(artifacts, item, as_share=True)


# ------------------------------------------------------------------------------ 2017 Appendix 12
@register("open_data.a12_schedule", "1", ["A12-OD-3"], uses=FROM_THE_LIST)
def a12_schedule(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open data parameter 3: publication of data on its update schedule."""
    prepared = _prepared(artifacts, [item])
    if isinstance(prepared, list):
        return prepared
    entries, portal, _ = prepared
    results = []
    for lang in LANGS:
        rows = _Entries(entries, portal, lang, artifacts)
        # every list entry not published, or published but overdue, is one deficiency (−0.1)
        deficiencies = rows.stale() + rows.missing()
        evidence = _published_evidence(rows) or _catalogue_evidence(portal)
        found = deficiency_result(
            item,
            lang,
            deficiencies,
            evidence,
            numerator=len(entries) - len(deficiencies),
            denominator=len(entries),
        )
        # a12-parameter-floor = zero-when-absent: nothing of the list published in the language fails
        if not rows.published() and reading(artifacts.config, "a12-parameter-floor") == "zero-when-absent":
            found.status = "fail"
        results.append(found)
    return results


@register("open_data.a12_passports", "1", ["A12-OD-5"], needs=["records:data"], uses=["config:unified_list"])
def a12_passports(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open data parameter 5: quality of content: correctness of the data passport."""
    return _passport_findings(artifacts, item, as_share=False)
