"""Which methodology item each row of each form substantiates (Appendix 9 row → Appendix 10 item):
the one map the declared checks read their rows by and the reconciliation act names its untrue
facts by.

The 2025 edition's items by body kind; the 2017 edition's (kz-2017, Appendix 12) where a form row
carries what its parameter needs. INTERPRETATION (documented in docs/declared-reports.md): the 2017
"concepts of draft laws" (A12-N-1) are reported in Table 4 row 1, the nearest form row of 2025
("drafts of consultative documents of regulatory policy").
"""

from __future__ import annotations

from ashyq.base.forms import FORM_BY_KEY

# (form key, form row) → {body kind → item}
ROW_ITEMS: dict[tuple[str, str], dict[str, str]] = {
    ("open_data", "1"): {"cgo": "T1-1", "mio": "T1-1"},
    ("open_data", "2"): {"cgo": "T1-2", "mio": "T1-2"},
    ("open_data", "3"): {"cgo": "T1-5", "mio": "T1-5"},
    ("open_data", "4"): {"cgo": "T1-6", "mio": "T1-6"},
    ("budget_cgo", "1"): {"cgo": "T2-1"},
    ("budget_cgo", "2"): {"cgo": "T2-2"},
    ("budget_cgo", "3"): {"cgo": "T2-3"},
    ("budget_cgo", "4"): {"cgo": "T2-4"},
    ("budget_cgo", "5"): {"cgo": "T2-8"},
    ("budget_cgo", "6"): {"cgo": "T2-5"},
    ("budget_cgo", "7"): {"cgo": "T2-10"},
    ("budget_cgo", "8"): {"cgo": "T2-11"},
    ("budget_mio", "1"): {"mio": "T3-1"},
    ("budget_mio", "2"): {"mio": "T3-2"},
    ("budget_mio", "3"): {"mio": "T3-3"},
    ("budget_mio", "4"): {"mio": "T3-4"},
    ("budget_mio", "5"): {"mio": "T3-6"},
    ("budget_mio", "6"): {"mio": "T3-7"},
    ("npa", "1"): {"cgo": "T4-1", "mio": "T4-1"},
    ("npa", "2"): {"cgo": "T4-2", "mio": "T5-1"},
    ("npa", "3"): {"cgo": "T4-4", "mio": "T5-3"},
    ("npa", "4"): {"cgo": "T4-5", "mio": "T5-4"},
    ("npa", "5"): {"cgo": "T4-6"},
    ("dialogue", "1"): {"cgo": "T6-1", "mio": "T6-1"},
    ("dialogue", "2"): {"cgo": "T6-3", "mio": "T6-3"},
    ("dialogue", "3"): {"cgo": "T6-2", "mio": "T6-2"},
    ("dialogue", "4.1"): {"cgo": "T6-4.1", "mio": "T6-4.1"},
    ("dialogue", "4.2"): {"cgo": "T6-4.2", "mio": "T6-4.2"},
    ("dialogue", "4.3"): {"cgo": "T6-4.3", "mio": "T6-4.3"},
    ("dialogue", "4.4"): {"cgo": "T6-4.4"},
    ("media_events", "1"): {"cgo": "T7.1-1", "mio": "T7.1-1"},
    ("media_requests", ""): {"cgo": "T7.1-2", "mio": "T7.1-2"},
    ("subordinates", "1"): {"cgo": "T9-1"},
    ("subordinates", "2"): {"cgo": "T10-1"},
    ("subordinates", "3"): {"cgo": "T11-2"},
    ("general", ""): {"cgo": "A12-OD-1", "mio": "A12-OD-1"},
}

# The kz-2017 parameters read from the same rows (Appendix 12).
ROWS_2017: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "A12-OD-2": [("open_data", ("1",))],
    "A12-B-8": [("budget_cgo", ("4",)), ("budget_mio", ("2",))],
    "A12-N-1": [("npa", ("1",))],
    "A12-N-2": [("npa", ("2",))],
}


def item_of(form: str, row: str, kind: str) -> str:
    """The item a row substantiates for a body of ``kind`` (the form key itself when none does)."""
    return ROW_ITEMS.get((form, row), {}).get(kind) or ROW_ITEMS.get((form, row), {}).get("cgo") or form


def rows_for(item: str, kind: str) -> tuple[str, tuple[str, ...]]:
    """The form a body of ``kind`` reports ``item`` in, and its rows there."""
    found = [(form, row) for (form, row), items in ROW_ITEMS.items() if items.get(kind) == item]
    found += [(form, row) for form, rows in ROWS_2017.get(item, []) for row in rows]
    found = [(form, row) for form, row in found if kind in FORM_BY_KEY[form].kinds]
    forms = list(dict.fromkeys(form for form, _ in found))
    if len(forms) != 1:
        raise KeyError(f"{item}: reported in {forms or 'no form'} by a {kind}, not in one form")
    return forms[0], tuple(row for _, row in found)
