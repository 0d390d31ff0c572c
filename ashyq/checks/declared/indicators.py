"""Checks of the items the methodology takes from the body's own report (``obtained: declared``):
they read ``BodyArtifacts.declared`` — the loaded Appendix 9 report and the verdicts of its
re-verification (``ashyq declare``) — and never the network. The rules are in
:mod:`ashyq.checks.declared.facts` (presence items) and :mod:`ashyq.checks.declared.measured`; the
form rows each item is reported in, in :mod:`ashyq.base.form_items`.

An item the body did not report is ``not_assessed`` ("not declared"); a row whose link was found
untrue does not count (and is also a fact of the reconciliation act, penalised by the edition).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.form_items import rows_for
from ashyq.checks.dataegov.records import NO_UNIFIED_DATASETS, no_unified_datasets
from ashyq.checks.declared import measured
from ashyq.checks.declared.facts import presence_results
from ashyq.checks.edition_index import reading
from ashyq.checks.inputs import Requirement
from ashyq.checks.registry import register
from ashyq.checks.result import Result

VERSION = "1"
Run = Callable[[BodyArtifacts], Sequence[Result]]


def _presence(item: str, linkless_ok: bool) -> Run:
    def run(artifacts: BodyArtifacts) -> Sequence[Result]:
        form, rows = rows_for(item, artifacts.kind)
        return presence_results(artifacts, item, form, rows, linkless_ok)

    return run


def _open_data(item: str, run: Run, starred: bool) -> Run:
    """Table 1 note *: "if the body's information systems hold no datasets of the Unified list, it
    gets the maximum" — for the starred rows (1, 3 and the stimulus 6) always; for rows 2 and 5 only
    under the reading opendata-no-datasets = whole-criterion. Otherwise the declaration decides."""

    def wrapped(artifacts: BodyArtifacts) -> Sequence[Result]:
        whole = reading(artifacts.config, "opendata-no-datasets") == "whole-criterion"
        if (starred or whole) and no_unified_datasets(artifacts):
            return [Result(item, lang, "not_applicable", reason=NO_UNIFIED_DATASETS) for lang in ("kk", "ru")]
        return run(artifacts)

    return wrapped


# check id → item, whether rows without links count (Appendix 9 asks only for figures there); the
# form rows are the item's in ashyq.base.form_items, the body kinds the editions'. The announcements
# and the action plan are measured on the web (ashyq/checks/announcements.py).
PRESENCE: dict[str, tuple[str, bool]] = {
    "declared.open_data_on_request": ("T1-2", False),
    "declared.open_data_api": ("T1-6", False),
    "declared.open_meetings_online": ("T6-3", False),
    "declared.meetings_schedule": ("T6-4.1", False),
    "declared.personal_reception": ("T6-4.3", True),  # citizens received, issues raised
    "declared.ngo_meeting": ("T6-4.4", True),  # participants, NGOs, issues
    "declared.law_concepts_2017": ("A12-N-1", False),
    "declared.npa_drafts_2017": ("A12-N-2", False),
}

# check id → item, rule
MEASURED: dict[str, tuple[str, Run]] = {
    "declared.open_data_needs_events": ("T1-5", measured.needs_events),
    "declared.draft_law_publicity": ("T4-6", measured.publicity_level),
    "declared.media_publicity": ("T7.1-1", measured.media_publicity),
    "declared.media_requests": ("T7.1-2", measured.media_requests),
    "declared.media_survey": ("T7.1-3", measured.media_survey),
    "declared.population_survey": ("T7.1-4", measured.population_survey),
    "declared.open_data_list_2017": ("A12-OD-1", measured.approved_list),
    "declared.open_data_count_2017": ("A12-OD-2", measured.datasets_against_list),
    "declared.audit_results_2017": ("A12-B-8", measured.audit_in_time),
}

# open-data rows whose note * applies: starred (always) or only under the whole-criterion reading
OPEN_DATA_ROWS = {"T1-6": True, "T1-2": False, "T1-5": False}


def _registered(item: str, run: Run) -> tuple[Run, list[Requirement]]:
    """The check of ``item``, wrapped by the open-data note where it applies, and what it needs."""
    if item in OPEN_DATA_ROWS:  # the Unified list alone can say "not applicable"
        return _open_data(item, run, OPEN_DATA_ROWS[item]), [("declared", "config:unified_list")]
    return run, ["declared"]


for _id, (_item, _linkless) in PRESENCE.items():
    _check, _needs = _registered(_item, _presence(_item, _linkless))
    register(_id, VERSION, [_item], needs=_needs)(_check)
for _id, (_item, _run) in MEASURED.items():
    _check, _needs = _registered(_item, _run)
    register(_id, VERSION, [_item], needs=_needs)(_check)
