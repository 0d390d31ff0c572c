"""A synthetic store for the report tests: 3 bodies, 2 complete runs, written as the pipeline
writes a run (check results through ``save_results``, scores of their findings through
``save_scores``) and scored by the real engine.

Each run has, per body, a WARC written with warcio (one archived page), a PNG screenshot with the
element region of a finding, an axe result and, for one body, a declared document and a
reconciliation act. The newest run of ``enbek`` carries hostile crawled text: a page title with a
script and a snippet that tries to break out of an attribute.

Kept out of conftest.py so test modules can import it by a name no other test folder uses.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.checks.result import Result
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.results import findings_document, save_results, save_scores
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store import ensure_schema, session_scope
from ashyq.store import repository as repo
from ashyq.store.models import Body, Declaration, Evidence, Page, ReconciliationEntry, Run
from ashyq.store.vocabulary import EvidenceKind, RunKind, RunStatus

EDITION = "kz-2025"
HOSTILE_TITLE = "<script>window.__pwned=1</script>"
HOSTILE_SNIPPET = '"><img src=x onerror="window.__pwned=1">'
REGION = (40, 60, 300, 80)  # x, y, width, height of the framed element on the screenshot
SHOT_SIZE = (640, 400)

BODIES = [
    Body(
        id="enbek",
        name_kk="Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі",
        name_ru="Министерство труда и социальной защиты населения Республики Казахстан",
        name_en="Ministry of Labour and Social Protection of the Population",
        kind="cgo",
        site_urls=["https://www.gov.kz/memleket/entities/enbek"],
    ),
    Body(
        id="adilet",
        name_kk="Қазақстан Республикасының Әділет министрлігі",
        name_ru="Министерство юстиции Республики Казахстан",
        name_en="Ministry of Justice",
        kind="cgo",
        tags=["justice"],
        site_urls=["https://www.gov.kz/memleket/entities/adilet"],
    ),
    Body(
        id="astana",
        name_kk="Астана қаласының әкімдігі",
        name_ru="Акимат города Астаны",
        name_en="Akimat of Astana",
        kind="mio",
        site_urls=["https://www.gov.kz/memleket/entities/astana"],
    ),
]


@dataclass
class SampleRun:
    id: str
    tag: str  # old | new
    started_at: datetime
    scores: RunScores | None = None
    evidence_ids: dict[str, list[str]] = field(default_factory=dict)  # body → its evidence ids
    record_ids: dict[str, str] = field(default_factory=dict)  # body → WARC-Record-ID of its page


@dataclass
class ReportStore:
    url: str
    out_dir: Path
    old: SampleRun
    new: SampleRun

    def run_record(self, run: SampleRun) -> dict[str, Any]:
        """The run as the store's one writer of run records gives it (``Run.record``)."""
        with session_scope(self.url) as session:
            stored = session.get(Run, run.id)
            assert stored is not None
            return stored.record()

    def body_score(self, run: SampleRun, body_id: str) -> dict[str, Any]:
        assert run.scores is not None
        return next(b.as_dict() for b in run.scores.bodies if b.body == body_id)


def _page_html(body: Body, title: str, hostile: bool) -> bytes:
    # the hostile archived page also tries to reach the dashboard page that shows it
    script = "<script>window.__pwned=1; parent.__pwned=1; top.__pwned=1</script>" if hostile else ""
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{script}</head><body>"
        f"<h1>{body.name_ru}</h1><p class='contacts'>Контакты: тел. 8 (7172) 00-00-00</p>"
        f"<p>Байланыс: мекенжай, телефон</p><img src=x onerror='parent.__pwned=1'></body></html>"
    ).encode()


def write_warc(path: Path, url: str, html: bytes) -> str:
    """One response record (and its warcinfo); returns the response's WARC-Record-ID."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "ashyq-tests"}))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=BytesIO(html), length=len(html), http_headers=http)
        writer.write_record(record)
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        # a second page in the same file that no finding cites: the bundle must leave it out
        other = b"<html><body>not cited</body></html>"
        writer.write_record(
            writer.create_warc_record(
                url + "/other", "response", payload=BytesIO(other), length=len(other), http_headers=http
            )
        )
    return str(record_id)


def write_screenshot(path: Path, label: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", SHOT_SIZE, (250, 250, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SHOT_SIZE[0], 40), fill=(20, 80, 150))
    x, y, w, h = REGION
    draw.rectangle((x, y, x + w, y + h), outline=(90, 90, 90), width=2)
    draw.text((x + 8, y + 8), label, fill=(0, 0, 0))
    image.save(path, format="PNG")


SUBORDINATE_ITEMS = ("T9-1", "T10-1", "T10-2", "T10-3", "T11-1", "T11-2")


def _overrides(run_tag: str) -> dict[tuple[str, str, str | None], dict[str, Any]]:
    """The findings that are not a plain pass. The new run is worse for enbek, better for astana."""
    out: dict[tuple[str, str, str | None], dict[str, Any]] = {
        ("adilet", "T4-4", "ru"): {"status": "fail", "message": "Комментарии к проектам НПА не рассмотрены"},
        ("adilet", "T6-2", "kk"): {"status": "partial", "measured": {"value": 30}, "message": "Блогта 30 жазба"},
        ("astana", "T3-3", "kk"): {"status": "fail", "message": "Азаматтық бюджет жарияланбаған"},
        ("astana", "T7-6", "ru"): {
            "status": "partial",
            "measured": {"numerator": 45, "denominator": 50},
            "message": "5 вопросов без ответа",
        },
    }
    if run_tag == "new":
        out.update(
            {
                ("enbek", "T7-1", "kk"): {
                    "status": "fail",
                    "message": "Байланыс бетінде баспасөз қызметінің телефоны жоқ",
                    "hostile": True,
                },
                ("enbek", "T1-1", "ru"): {
                    "status": "partial",
                    "measured": {"numerator": 7, "denominator": 10},
                    "message": "Набор «Вакансии» Единого перечня не опубликован",
                },
                ("enbek", "T2-5", "kk"): {"status": "not_assessed", "reason": "timeout: budget.egov.kz"},
                ("enbek", "T9-1", "kk"): {"status": "fail", "message": "Ведомстволық ұйымның сайтында ақпарат жоқ"},
            }
        )
    else:
        out[("astana", "T7-1", "ru")] = {"status": "fail", "message": "Нет телефона приемной"}
    # adilet's subordinate organisations are unknown in both runs: its T9–T11 not assessed (up to −9)
    for item in SUBORDINATE_ITEMS:
        for lang in ("kk", "ru"):
            out[("adilet", item, lang)] = {"status": "not_assessed", "reason": "no subordinate organisation known"}
    return out


def _page_ref(sample: SampleRun, body_id: str, kind: str = "page") -> EvidenceRef:
    """A reference to evidence the harvest stored (the page's WARC record, its screenshot …)."""
    return EvidenceRef(
        url=f"https://www.gov.kz/memleket/entities/{body_id}/contacts", evidence_id=f"{sample.tag}-{body_id}-{kind}"
    )


def _results(sample: SampleRun, body: Body) -> list[Result]:
    """What the checks would have said about the body: a plain pass unless overridden, each citing
    the archived page; a deficiency cites the page and its screenshot."""
    edition = load_edition(edition_path(EDITION))
    overrides = _overrides(sample.tag)
    out = []
    for item in edition.items():
        if item.applies_to is not None and body.kind not in item.applies_to:
            continue
        for lang in ("kk", "ru") if item.per_language else (None,):
            spec = overrides.get((body.id, item.id, lang), {"status": "pass"})
            deficiencies = []
            if "message" in spec:
                deficiencies.append(
                    Deficiency(
                        spec["message"],
                        url=f"https://www.gov.kz/memleket/entities/{body.id}/contacts",
                        selector='p[data-x="1"]' if spec.get("hostile") else "p.contacts",
                        evidence=[_page_ref(sample, body.id), _page_ref(sample, body.id, "shot")],
                    )
                )
            assessed = spec["status"] in ("pass", "fail", "partial")
            result = Result(
                item.id,
                lang,
                spec["status"],
                dict(spec.get("measured", {})),
                deficiencies,
                [_page_ref(sample, body.id)] if assessed else [],
                spec.get("reason"),
            )
            result.check = "sample.check@1"
            out.append(result)
    return out


def _add_run(session: Any, out_dir: Path, run_tag: str, started_at: datetime) -> SampleRun:
    """One run written as the pipeline writes it: the harvest's evidence, then the check results
    (``save_results``), then the scores of their findings (``findings_document`` → ``save_scores``)."""
    run_id = f"{started_at:%Y%m%dT%H%M%SZ}-nightly-{run_tag}"
    run = repo.start_run(
        session,
        RunKind.NIGHTLY,
        body_ids=[b.id for b in BODIES],
        edition=EDITION,
        as_of=started_at.date(),
        settings={"period": {"label": "2026", "start": "2026-01-01", "end": "2026-12-31"}, "max_pages": 50},
        started_at=started_at,
        run_id=run_id,
    )
    sample = SampleRun(run_id, run_tag, started_at)
    for body in BODIES:
        _add_body_artifacts(session, out_dir, sample, body)
    for body in BODIES:
        save_results(session, run, body.id, _results(sample, body))
    document = findings_document(session, run, [b.id for b in BODIES])
    sample.scores = score_run(FindingsFile.model_validate(document), load_edition(edition_path(EDITION)))
    save_scores(session, run, sample.scores)
    repo.finish_run(session, run_id, RunStatus.COMPLETE, finished_at=started_at.replace(hour=5))
    return sample


def _add_body_artifacts(session: Any, out_dir: Path, sample: SampleRun, body: Body) -> None:
    hostile = sample.tag == "new" and body.id == "enbek"
    url = f"https://www.gov.kz/memleket/entities/{body.id}/contacts"
    title = HOSTILE_TITLE if hostile else f"Байланыс — {body.name_kk}"
    html = _page_html(body, title, hostile)
    run_dir = out_dir / "runs" / sample.id
    warc = run_dir / "warc" / f"{body.id}.warc.gz"
    record_id = write_warc(warc, url, html)
    sample.record_ids[body.id] = record_id
    shot = run_dir / "shots" / f"{body.id}-desktop.png"
    write_screenshot(shot, body.id)
    axe = run_dir / "axe" / f"{body.id}.json"
    axe.parent.mkdir(parents=True, exist_ok=True)
    axe.write_text(json.dumps({"violations": [{"id": "color-contrast", "nodes": 2}], "axe": "4.14.1"}))
    rel = lambda p: str(p.relative_to(out_dir))  # noqa: E731 - stored paths are relative to the output folder
    prefix = f"{sample.tag}-{body.id}"
    evidence = [
        Evidence(
            id=f"{prefix}-page",
            run_id=sample.id,
            body_id=body.id,
            kind=EvidenceKind.WARC_RECORD,
            url=url,
            sha256=hashlib.sha256(html).hexdigest(),
            warc_file=rel(warc),
            warc_record_id=record_id,
            selector="p.contacts",
            snippet=HOSTILE_SNIPPET if hostile else "Контакты: тел. 8 (7172) 00-00-00",
        ),
        Evidence(
            id=f"{prefix}-shot",
            run_id=sample.id,
            body_id=body.id,
            kind=EvidenceKind.SCREENSHOT,
            url=url,
            sha256=hashlib.sha256(shot.read_bytes()).hexdigest(),
            path=rel(shot),
            warc_file=rel(warc),
            warc_record_id=record_id,
            metadata_={"region": list(REGION), "viewport": "desktop"},
        ),
        Evidence(
            id=f"{prefix}-axe",
            run_id=sample.id,
            body_id=body.id,
            kind=EvidenceKind.AXE_RESULT,
            url=url,
            path=rel(axe),
            sha256=hashlib.sha256(axe.read_bytes()).hexdigest(),
        ),
    ]
    if body.id == "enbek":
        declared = run_dir / "declared" / "enbek-report.txt"
        declared.parent.mkdir(parents=True, exist_ok=True)
        declared.write_text("Есеп: 2026 жыл, ашық отырыстар — 4", encoding="utf-8")
        evidence.append(
            Evidence(
                id=f"{prefix}-declared",
                run_id=sample.id,
                body_id=body.id,
                kind=EvidenceKind.DECLARED_DOCUMENT,
                path=rel(declared),
                sha256=hashlib.sha256(declared.read_bytes()).hexdigest(),
            )
        )
    repo.add_evidence(session, evidence)
    sample.evidence_ids[body.id] = [e.id for e in evidence]
    repo.add_pages(
        session,
        [
            Page(
                run_id=sample.id,
                body_id=body.id,
                url=url,
                lang="kk",
                status=200,
                title=title,
                warc_file=rel(warc),
                warc_record_id=record_id,
                screenshot_evidence_ids=[f"{prefix}-shot"],
            )
        ],
    )
    if body.id == "enbek":
        declaration = Declaration(run_id=sample.id, body_id=body.id, period="2026", payload={"T6-3": {"meetings": 4}})
        # the new run's act finds two untrue facts (0.2 each off enbek's score), the old run's none
        verdict = "contradicted" if sample.tag == "new" else "confirmed"
        claims = [("T6-3", "4 открытых заседания с онлайн-трансляцией"), ("T6-4.1", "График встреч опубликован")]
        declaration.entries = [
            ReconciliationEntry(
                run_id=sample.id, item=item, claim=claim, verdict=verdict, evidence_ids=[f"{prefix}-declared"]
            )
            for item, claim in claims
        ]
        repo.add_declarations(session, [declaration])


def build_report_store(root: Path) -> ReportStore:
    url = f"sqlite:///{root / 'ashyq.sqlite'}"
    out_dir = root / "out"
    ensure_schema(url)
    with session_scope(url) as session:
        repo.upsert_bodies(session, [Body(**{k: getattr(b, k) for k in _body_fields()}) for b in BODIES])
        old = _add_run(session, out_dir, "old", datetime(2026, 10, 20, 2, 0, tzinfo=UTC))
        new = _add_run(session, out_dir, "new", datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    return ReportStore(url, out_dir, old, new)


def _body_fields() -> list[str]:
    return ["id", "name_kk", "name_ru", "name_en", "kind", "site_urls", "tags"]


__all__ = ["EDITION", "HOSTILE_SNIPPET", "HOSTILE_TITLE", "REGION", "ReportStore", "build_report_store", "date"]
