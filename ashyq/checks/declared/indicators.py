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
from ashyq.base.wording import Said
from ashyq.checks.dataegov.records import NO_UNIFIED_DATASETS, no_unified_datasets
from ashyq.checks.declared import measured
from ashyq.checks.declared.facts import presence_results
from ashyq.checks.edition_index import reading
from ashyq.checks.inputs import Requirement
from ashyq.checks.registry import register
from ashyq.checks.result import Result

NONE_LISTED: Said = NO_UNIFIED_DATASETS  # the Unified list names none: the maximum

VERSION = "1"
Run = Callable[[BodyArtifacts, str], Sequence[Result]]
ON_THE_REPORT: list[Requirement] = ["declared"]
WITH_THE_LIST: list[Requirement] = [("declared", "config:unified_list")]  # the list alone can say "not applicable"


def presence(row: str, linkless_ok: bool = False) -> Run:
    """The check of a presence item reported in the form rows of ``ashyq.base.form_items``;
    ``linkless_ok`` where Appendix 9 asks only for figures, so rows without links count."""

    def run(artifacts: BodyArtifacts, item: str) -> Sequence[Result]:
        form, rows = rows_for(item, artifacts.kind)
        return presence_results(artifacts, item, form, rows, linkless_ok)

    run.__doc__ = f"{row}: present in the body's report, its links re-verified."
    return run


def open_data_note(run: Run, starred: bool) -> Run:
    """Table 1 note *: "if the body's information systems hold no datasets of the Unified list, it
    gets the maximum" — for the starred rows (1, 3 and the stimulus 6) always; for rows 2 and 5 only
    under the reading opendata-no-datasets = whole-criterion. Otherwise the declaration decides."""

    def wrapped(artifacts: BodyArtifacts, item: str) -> Sequence[Result]:
        whole = reading(artifacts.config, "opendata-no-datasets") == "whole-criterion"
        if (starred or whole) and no_unified_datasets(artifacts):
            return [Result(item, lang, "not_applicable", reason=NONE_LISTED) for lang in ("kk", "ru")]
        return run(artifacts, item)

    wrapped.__doc__ = f"{run.__doc__} With Table 1 note * ({'always' if starred else 'whole-criterion reading'})."
    return wrapped


# The form rows are the item's in ashyq.base.form_items, the body kinds the editions'. The
# announcements and the action plan are measured on the web (ashyq/checks/announcements.py), the
# open sittings and the meetings with the population too (ashyq/checks/meetings.py).
register("declared.open_data_on_request", VERSION, ["T1-2"], needs=WITH_THE_LIST)(
    open_data_note(presence("Table 1 row 2"), starred=False)
)
register("declared.open_data_api", VERSION, ["T1-6"], needs=WITH_THE_LIST)(
    open_data_note(presence("Table 1 row 6"), starred=True)
)
register("declared.law_concepts_2017", VERSION, ["A12-N-1"], needs=ON_THE_REPORT)(
    presence("Appendix 12, open NPA parameter 1")
)
register("declared.npa_drafts_2017", VERSION, ["A12-N-2"], needs=ON_THE_REPORT)(
    presence("Appendix 12, open NPA parameter 2")
)

register("declared.open_data_needs_events", VERSION, ["T1-5"], needs=WITH_THE_LIST)(
    open_data_note(measured.needs_events, starred=False)
)
register("declared.draft_law_publicity", VERSION, ["T4-6"], needs=ON_THE_REPORT)(measured.publicity_level)
register("declared.media_publicity", VERSION, ["T7.1-1"], needs=ON_THE_REPORT)(measured.media_publicity)
register("declared.media_requests", VERSION, ["T7.1-2"], needs=ON_THE_REPORT)(measured.media_requests)
register("declared.media_survey", VERSION, ["T7.1-3"], needs=ON_THE_REPORT)(measured.media_survey)
register("declared.population_survey", VERSION, ["T7.1-4"], needs=ON_THE_REPORT)(measured.population_survey)
register("declared.open_data_list_2017", VERSION, ["A12-OD-1"], needs=ON_THE_REPORT)(measured.approved_list)
register("declared.open_data_count_2017", VERSION, ["A12-OD-2"], needs=ON_THE_REPORT)(measured.datasets_against_list)
register("declared.audit_results_2017", VERSION, ["A12-B-8"], needs=ON_THE_REPORT)(measured.audit_in_time)
