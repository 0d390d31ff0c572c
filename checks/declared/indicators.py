"""Checks of the items the methodology takes from the body's own report (``obtained: declared``):
they read ``BodyArtifacts.declared`` — the loaded Appendix 9 report and the verdicts of its
re-verification (``ashyq declare``) — and never the network. The rules are in
:mod:`ashyq.checks.declared.facts` (presence items) and :mod:`ashyq.checks.declared.measured`; the
titles in ``config/checks/declared.yaml``.

An item the body did not report is ``not_assessed`` ("not declared"); a row whose link was found
untrue does not count (and is also a fact of the reconciliation act, penalised by the edition).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ashyq.checks.base import BodyArtifacts, Result, register
from ashyq.checks.dataegov.records import NO_UNIFIED_DATASETS, no_unified_datasets
from ashyq.checks.declared import measured
from ashyq.checks.declared.facts import presence_results
from ashyq.checks.edition_index import reading
from ashyq.declared.verify import declared_config

VERSION = "1"
Run = Callable[[BodyArtifacts], Sequence[Result]]
BOTH = ("cgo", "mio")


def _presence(item: str, form: str, rows: Sequence[str], linkless_ok: bool = False) -> Run:
    def run(artifacts: BodyArtifacts) -> Sequence[Result]:
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


# check id → item, form, the form's rows, body kinds, whether rows without links count (figures only);
# the announcements and the action plan are measured on the web (checks/announcements.py)
PRESENCE: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...], bool]] = {
    "declared.open_data_on_request": ("T1-2", "open_data", ("2",), BOTH, False),
    "declared.open_data_api": ("T1-6", "open_data", ("4",), BOTH, False),
    "declared.open_meetings_online": ("T6-3", "dialogue", ("2",), BOTH, False),
    "declared.meetings_schedule": ("T6-4.1", "dialogue", ("4.1",), BOTH, False),
    # Appendix 9 asks only for figures here (citizens received, issues; participants, NGOs, issues).
    "declared.personal_reception": ("T6-4.3", "dialogue", ("4.3",), BOTH, True),
    "declared.ngo_meeting": ("T6-4.4", "dialogue", ("4.4",), ("cgo",), True),
    "declared.law_concepts_2017": ("A12-N-1", "npa", ("1",), ("cgo",), False),
    "declared.npa_drafts_2017": ("A12-N-2", "npa", ("2",), BOTH, False),
}

# check id → item, rule, body kinds
MEASURED: dict[str, tuple[str, Run, tuple[str, ...]]] = {
    "declared.open_data_needs_events": ("T1-5", measured.needs_events, BOTH),
    "declared.draft_law_publicity": ("T4-6", measured.publicity_level, ("cgo",)),
    "declared.media_publicity": ("T7.1-1", measured.media_publicity, BOTH),
    "declared.media_requests": ("T7.1-2", measured.media_requests, BOTH),
    "declared.media_survey": ("T7.1-3", measured.media_survey, BOTH),
    "declared.population_survey": ("T7.1-4", measured.population_survey, BOTH),
    "declared.open_data_list_2017": ("A12-OD-1", measured.approved_list, BOTH),
    "declared.open_data_count_2017": ("A12-OD-2", measured.datasets_against_list, BOTH),
    "declared.audit_results_2017": ("A12-B-8", measured.audit_in_time, BOTH),
}

_TITLES: dict[str, dict[str, str]] = declared_config()["titles"]

# open-data rows whose note * applies: starred (always) or only under the whole-criterion reading
OPEN_DATA_ROWS = {"T1-6": True, "T1-2": False, "T1-5": False}

for _id, (_item, _form, _rows, _kinds, _linkless) in PRESENCE.items():
    _check = _presence(_item, _form, _rows, _linkless)
    if _item in OPEN_DATA_ROWS:
        _check = _open_data(_item, _check, OPEN_DATA_ROWS[_item])
    register(_id, VERSION, [_item], _TITLES[_id], needs=("declared",), applies_to=_kinds)(_check)
for _id, (_item, _run, _kinds) in MEASURED.items():
    if _item in OPEN_DATA_ROWS:
        _run = _open_data(_item, _run, OPEN_DATA_ROWS[_item])
    register(_id, VERSION, [_item], _TITLES[_id], needs=("declared",), applies_to=_kinds)(_run)
