"""A synthetic store for the report tests: 3 bodies, 2 complete runs, scored by the real engine.

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

from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store import ensure_schema, session_scope
from ashyq.store import repository as repo
from ashyq.store.models import Body, Declaration, Evidence, Finding, Page, ReconciliationEntry, Score
from ashyq.store.vocabulary import BodyKind, EvidenceKind, FindingStatus, Lang, RunKind, RunStatus

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
        kind=BodyKind.CENTRAL,
        site_urls=["https://www.gov.kz/memleket/entities/enbek"],
    ),
    Body(
        id="adilet",
        name_kk="Қазақстан Республикасының Әділет министрлігі",
        name_ru="Министерство юстиции Республики Казахстан",
        name_en="Ministry of Justice",
        kind=BodyKind.CENTRAL,
        tags=["justice"],
        site_urls=["https://www.gov.kz/memleket/entities/adilet"],
    ),
    Body(
        id="astana",
        name_kk="Астана қаласының әкімдігі",
        name_ru="Акимат города Астаны",
        name_en="Akimat of Astana",
        kind=BodyKind.LOCAL,
        site_urls=["https://www.gov.kz/memleket/entities/astana"],
    ),
]


@dataclass
class SampleRun:
    id: str
    started_at: datetime
    scores: RunScores
    evidence_ids: dict[str, list[str]] = field(default_factory=dict)  # body → its evidence ids
    record_ids: dict[str, str] = field(default_factory=dict)  # body → WARC-Record-ID of its page


@dataclass
class ReportStore:
    url: str
    out_dir: Path
    old: SampleRun
    new: SampleRun

    def body_score(self, run: SampleRun, body_id: str) -> dict[str, Any]:
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
    return out


def _findings_file(run_tag: str) -> FindingsFile:
    edition = load_edition(edition_path(EDITION))
    overrides = _overrides(run_tag)
    findings = []
    for body in BODIES:
        for item in edition.items():
            if item.applies_to is not None and body.kind.value not in item.applies_to:
                continue
            for lang in ("kk", "ru") if item.per_language else (None,):
                spec = overrides.get((body.id, item.id, lang), {"status": "pass"})
                finding: dict[str, Any] = {"body": body.id, "item": item.id, "lang": lang, "status": spec["status"]}
                if "measured" in spec:
                    finding["measured"] = spec["measured"]
                if "reason" in spec:
                    finding["reason"] = spec["reason"]
                if "message" in spec:
                    finding["deficiencies"] = [{"message": spec["message"]}]
                findings.append(finding)
    return FindingsFile.model_validate(
        {
            "bodies": [{"id": b.id, "kind": b.kind.value, "tags": b.tags or []} for b in BODIES],
            "findings": findings,
            "reporting_facts": {"enbek": 2} if run_tag == "new" else {},
        }
    )


def _add_run(session: Any, out_dir: Path, run_tag: str, started_at: datetime) -> SampleRun:
    run_id = f"{started_at:%Y%m%dT%H%M%SZ}-nightly-{run_tag}"
    repo.start_run(
        session,
        RunKind.NIGHTLY,
        body_ids=[b.id for b in BODIES],
        edition=EDITION,
        as_of=started_at.date(),
        settings={"period": {"label": "2026", "start": "2026-01-01", "end": "2026-12-31"}, "max_pages": 50},
        started_at=started_at,
        run_id=run_id,
    )
    findings_file = _findings_file(run_tag)
    scores = score_run(findings_file, load_edition(edition_path(EDITION)))
    sample = SampleRun(run_id, started_at, scores)
    overrides = _overrides(run_tag)
    for body in BODIES:
        _add_body_artifacts(session, out_dir, sample, body, run_tag)
    ev = sample.evidence_ids
    rows = []
    for f in findings_file.findings:
        spec = overrides.get((f.body, f.item, f.lang), {})
        deficiencies: list[dict[str, Any]] = []
        for d in f.deficiencies:
            entry: dict[str, Any] = {
                "message": d.message,
                "url": f"https://www.gov.kz/memleket/entities/{f.body}/contacts",
            }
            entry["selector"] = "p.contacts"
            entry["evidence_ids"] = ev[f.body][:2]
            deficiencies.append(entry)
        row = Finding(
            run_id=run_id,
            body_id=f.body,
            item=f.item,
            lang=Lang(f.lang) if f.lang else None,
            status=FindingStatus(f.status),
            reason=f.reason,
            measured=f.measured,
            deficiencies=deficiencies,
            check_id="sample.check",
            check_version="1",
        )
        if spec.get("hostile"):
            row.deficiencies = [{**deficiencies[0], "selector": 'p[data-x="1"]'}]
        rows.append(row)
    repo.add_findings(session, rows)
    repo.add_scores(
        session,
        [
            Score(
                run_id=run_id,
                body_id=b.body,
                edition=b.edition,
                points=b.total,
                max_points=b.max,
                max_assessed=b.max - b.not_assessed_points,
                max_not_assessed=b.not_assessed_points,
                penalty=b.penalty,
                total=b.total,
                final=b.final,
                level=b.level,
                breakdown=b.as_dict(),
                interpretations_applied=[f"{k}={v}" for k, v in b.interpretations.items()],
                averages_borrowed=b.averages_borrowed,
            )
            for b in scores.bodies
        ],
    )
    repo.finish_run(session, run_id, RunStatus.COMPLETE, finished_at=started_at.replace(hour=5))
    return sample


def _add_body_artifacts(session: Any, out_dir: Path, sample: SampleRun, body: Body, run_tag: str) -> None:
    hostile = run_tag == "new" and body.id == "enbek"
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
    prefix = f"{run_tag}-{body.id}"
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
        declaration.entries = [
            ReconciliationEntry(
                run_id=sample.id,
                item="T6-3",
                claim="4 открытых заседания с онлайн-трансляцией",
                verdict="contradicted",
                evidence_ids=[f"{prefix}-declared"],
            )
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
