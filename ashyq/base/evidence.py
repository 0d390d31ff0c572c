"""What a finding shows and cites: :class:`EvidenceRef` (where a reader can see for themselves) and
:class:`Deficiency` (one thing found wrong). Defined once for every stage: the checks build them, the
pipeline stores them (``Finding.deficiencies`` holds :meth:`Deficiency.as_dict` with evidence ids),
the scorer validates them in a findings file (``docs/findings-format.md``), the reports show them.
A deficiency's ``message`` is English; its ``text`` names the catalogue message that says it in kk
and ru (:mod:`ashyq.base.wording`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ashyq.base.wording import Wording, wording_of

DEFICIENCY_FIELDS = ("message", "text", "kind", "count", "url", "selector", "record")


@dataclass(frozen=True)
class EvidenceRef:
    """Where a reader can see for themselves: the archived capture and the exact spot in it."""

    url: str
    kind: str = "page"  # page | portal_record | screenshot | axe_result | measurement:<kind> | declared_document
    warc_record_id: str | None = None
    selector: str | None = None
    snippet: str | None = None
    json_path: str | None = None
    screenshot: str | None = None
    region: tuple[int, int, int, int] | None = None  # x, y, width, height on the screenshot
    captured_at: datetime | None = None
    sha256: str | None = None
    evidence_id: str | None = None  # the store's Evidence id once saved
    # every WARC record of what the browser got while it measured (``warc_record_id`` is the page's
    # own response among them): the subresources, API answers and POSTs the page made
    records: tuple[str, ...] | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if v is not None}
        if self.captured_at is not None:
            out["captured_at"] = self.captured_at.isoformat()
        if self.records is not None:
            out["records"] = list(self.records)
        return out


@dataclass
class Deficiency:
    """One thing found wrong; ``kind`` selects a specific deduction of the edition, ``count``
    multiplies it. ``evidence``: the references a check gives or, once stored, the evidence ids.
    ``pages``: every page the defect was found on (``url`` is the first, shown with the evidence);
    ``criteria``: the WCAG 2 success criteria it breaks, for an accessibility defect. ``text``: the
    catalogue message saying ``message`` in every language, taken off a :class:`~ashyq.base.wording.Said`
    message when the check gives one."""

    message: str
    kind: str | None = None
    count: int = 1
    url: str | None = None
    selector: str | None = None
    record: str | None = None
    evidence: Sequence[EvidenceRef | str] = field(default_factory=list)
    pages: Sequence[str] = ()
    criteria: Sequence[str] = ()
    text: Wording | None = None

    def __post_init__(self) -> None:
        if self.text is None:
            self.text = wording_of(self.message)
        self.message = str(self.message)  # the plain English: stored and compared as it always was
        if self.count < 0:
            raise ValueError(f"a deficiency counts 0 or more occurrences, not {self.count}")

    def references(self) -> list[EvidenceRef]:
        """The evidence still to be stored (a stored id is already where it belongs)."""
        return [e for e in self.evidence if isinstance(e, EvidenceRef)]

    def as_dict(self, evidence_ids: Sequence[str] | None = None) -> dict[str, Any]:
        """The stored and exported form; with ``evidence_ids`` (the stored evidence) in place of the
        references."""
        out: dict[str, Any] = {"message": self.message, "count": self.count}
        if self.text is not None:
            out["text"] = self.text.as_dict()
        for key in ("kind", "url", "selector", "record"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        for key in ("pages", "criteria"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if evidence_ids is not None:
            out["evidence"] = list(evidence_ids)
        else:
            out["evidence"] = [e.as_dict() if isinstance(e, EvidenceRef) else e for e in self.evidence]
        return out
