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
from ashyq.checks.declared import measured
from ashyq.checks.declared.facts import presence_results
from ashyq.checks.registry import register
from ashyq.checks.result import Result

VERSION = "1"
Run = Callable[[BodyArtifacts], Sequence[Result]]


def _presence(item: str, linkless_ok: bool) -> Run:
    def run(artifacts: BodyArtifacts) -> Sequence[Result]:
        form, rows = rows_for(item, artifacts.kind)
        return presence_results(artifacts, item, form, rows, linkless_ok)

    return run


# check id → item, whether rows without links count (Appendix 9 asks only for figures there); the
# form rows are the item's in ashyq.base.form_items, the body kinds the editions'
PRESENCE: dict[str, tuple[str, bool]] = {
    "declared.open_data_on_request": ("T1-2", False),
    "declared.open_data_api": ("T1-6", False),
    "declared.budget_announcements_cgo": ("T2-11", False),
    "declared.budget_announcements_mio": ("T3-7", False),
    "declared.npa_announcements_cgo": ("T4-5", False),
    "declared.npa_announcements_mio": ("T5-4", False),
    "declared.open_meetings_online": ("T6-3", False),
    "declared.meetings_schedule": ("T6-4.1", False),
    "declared.meetings_action_plan": ("T6-4.2", False),
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

for _id, (_item, _linkless) in PRESENCE.items():
    register(_id, VERSION, [_item], needs=["declared"])(_presence(_item, _linkless))
for _id, (_item, _run) in MEASURED.items():
    register(_id, VERSION, [_item], needs=["declared"])(_run)
