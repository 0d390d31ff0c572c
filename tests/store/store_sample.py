"""One row of every model, every column filled, in Kazakh where there is text.

Kept out of conftest.py so test modules can import it by a name no other test folder uses.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.orm import Session

from ashyq.store.access import Account, AccountSession, AuditEntry, Publication
from ashyq.store.appeal import CommissionDecision, ConclusionReceipt, Disagreement
from ashyq.store.models import (
    Base,
    Body,
    Declaration,
    Download,
    Evidence,
    FetchFailure,
    Finding,
    Link,
    Page,
    PortalRecord,
    ReconciliationEntry,
    ReviewAnswer,
    Run,
    RunLease,
    Score,
    UnifiedList,
)
from ashyq.store.vocabulary import (
    EvidenceKind,
    FetchFailureReason,
    Portal,
    RunKind,
    RunStatus,
)

KAZAKH_LETTERS = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"
ALMATY = timezone(timedelta(hours=5))  # stored instants must survive a non-UTC offset
CAPTURED = datetime(2026, 11, 20, 2, 30, 15, 123456, tzinfo=ALMATY)


@dataclass
class Sample:
    parent: Body
    child: Body
    run: Run
    evidence: Evidence
    finding: Finding
    score: Score
    page: Page
    link: Link
    download: Download
    record: PortalRecord
    failure: FetchFailure
    declaration: Declaration
    entry: ReconciliationEntry
    unified_list: UnifiedList
    lease: RunLease
    account: Account
    account_session: AccountSession
    publication: Publication
    audit_entry: AuditEntry
    conclusion_receipt: ConclusionReceipt
    disagreement: Disagreement
    commission_decision: CommissionDecision
    review_answer: ReviewAnswer

    def rows(self) -> list[Base]:
        return [getattr(self, field.name) for field in fields(self)]


def build_sample(session: Session) -> Sample:
    """Adds and flushes one row of every model; nothing is committed."""
    parent = Body(
        id="minjust",
        name_kk="Қазақстан Республикасы Әділет министрлігі",
        name_ru="Министерство юстиции Республики Казахстан",
        name_en="Ministry of Justice",
        kind="cgo",
        site_urls=["https://www.gov.kz/memleket/entities/adilet?lang=kk"],
        govkz_slug="adilet",
        data_gov_agency_id="11784",
        legalacts_government_id="17",
        budget_gov_agency_id="221",
        dialog_blog_id="94",
        tags=["министрлік", "cgo"],
        exemptions=["ұлттық қауіпсіздік"],
    )
    child = Body(
        id="minjust-tirkeu",
        name_kk="Тіркеу қызметі комитеті",
        name_ru="Комитет регистрационной службы",
        name_en="Registration Service Committee",
        kind="subordinate",
        site_urls=["https://tirkeu.example.kz/", "https://www.gov.kz/memleket/entities/tirkeu"],
        govkz_slug="tirkeu",
        data_gov_agency_id="11785",
        legalacts_government_id="18",
        budget_gov_agency_id="222",
        dialog_blog_id="95",
        tags=["комитет"],
        exemptions=[],
        parent_id="minjust",
    )
    run = Run(
        id="20261120T020000Z-nightly-sample",
        kind=RunKind.NIGHTLY,
        status=RunStatus.COMPLETE,
        started_at=CAPTURED,
        finished_at=CAPTURED + timedelta(hours=3),
        edition="kz-2025",
        as_of=date(2026, 11, 20),
        settings={"depth": 3, "langs": ["kk", "ru"], "ескерту": KAZAKH_LETTERS},
        tool_version="0.1.0",
        body_ids=["minjust", "minjust-tirkeu"],
    )
    session.add_all([parent, child, run])
    session.flush()
    evidence = Evidence(
        id="ev-warc-0001",
        run_id=run.id,
        body_id=parent.id,
        kind=EvidenceKind.WARC_RECORD,
        url="https://www.gov.kz/memleket/entities/adilet/about?lang=kk",
        captured_at=CAPTURED,
        sha256="a" * 64,
        warc_file="warc/minjust-00001.warc.gz",
        warc_record_id="<urn:uuid:0b5e7a8e-1111-4c3c-9f00-000000000001>",
        warc_offset=2**40,
        path="screenshots/minjust/about-kk.png",
        selector="main > h1",
        snippet=f"<h1>Біз туралы — {KAZAKH_LETTERS}</h1>",
        metadata_={"viewport": [1280, 800], "тіл": "kk"},
    )
    finding = Finding(
        run_id=run.id,
        body_id=parent.id,
        item="A14-2.3",
        lang="kk",
        status="partial",
        reason="Ағылшын нұсқасы жоқ",
        reason_text={"key": "reason.sample.no_english", "params": {"мәтін": KAZAKH_LETTERS, "count": 3}},
        measured={"pages": 12, "share": 0.75, "мәтін": KAZAKH_LETTERS},
        deficiencies=[
            {
                "message": "Құжаттың қазақша нұсқасы жоқ",
                "text": {"key": "deficiency.sample.no_kazakh", "params": {"url": "https://www.gov.kz/"}},
                "url": "https://www.gov.kz/memleket/entities/adilet/documents?lang=kk",
                "selector": "a.doc[href$='.pdf']",
                "evidence": ["ev-warc-0001"],
            }
        ],
        check_id="content.translation",
        check_version="1.2.0",
        created_at=CAPTURED,
        carried_from="20260101T000000Z-nightly-00000000",
        evidence=[evidence],
        # decided by an assessor (ashyq review): certain now, the doubt it was asked on kept
        certainty="certain",
        doubt={
            "reason": "label_only",
            "quote": "Құжаттар",
            "question": {"kk": "Құжаттар бөлімі бар ма?", "ru": "Есть ли раздел?"},
        },
    )
    # the assessor's answer to the finding's question, given on the capture it names
    review_answer = ReviewAnswer(
        run_id=run.id,
        body_id=parent.id,
        item="A14-2.3",
        lang="kk",
        verdict="pass",
        reason="Бөлімде құжаттар бар, тек мәзірде емес",
        assessor="Әсел Нұрланқызы",
        answered_at=CAPTURED + timedelta(days=2),
        revision=2,
        url="https://www.gov.kz/memleket/entities/adilet/documents?lang=kk",
        capture_sha256="c" * 64,
        source="spreadsheet",
    )
    finding.answer = review_answer
    score = Score(
        run_id=run.id,
        body_id=parent.id,
        edition="kz-2025",
        points=61.25,
        max_points=100.0,
        max_assessed=92.5,
        max_not_assessed=7.5,
        penalty=3.0,
        total=58.25,
        final=62.97,
        level="орташа",
        breakdown={"T1": {"points": 8.5, "max": 10}, "T7": {"points": 12.0, "max": 15}},
        interpretations_applied=[{"name": "news-window-30-days", "source": "п. 7.1"}],
        averages_borrowed=[{"item": "T9-2", "average": 3.4}],
    )
    page = Page(
        run_id=run.id,
        body_id=parent.id,
        url="https://www.gov.kz/memleket/entities/adilet/about?lang=kk",
        final_url="https://www.gov.kz/memleket/entities/adilet/about?lang=kk#top",
        lang="kk",
        status=200,
        headers={"content-type": "text/html; charset=utf-8", "set-cookie": ["a=1", "b=2"]},
        depth=1,
        counterpart_url="https://www.gov.kz/memleket/entities/adilet/about?lang=ru",
        content_sha256="b" * 64,
        fetched_at=CAPTURED,
        content_type="text/html",
        title="Біз туралы | Әділет министрлігі",
        rendered=True,
        warc_file="warc/minjust-00001.warc.gz",
        warc_record_id="<urn:uuid:0b5e7a8e-1111-4c3c-9f00-000000000002>",
        screenshot_evidence_ids=["ev-warc-0001"],
        source="govkz-api",
    )
    link = Link(
        page=page,
        target_url="https://adilet.zan.kz/kaz/docs/K950001000_",
        anchor_text="Қазақстан Республикасының Конституциясы",
        is_internal=False,
        rel="noopener",
        target="_blank",
        target_status=404,
    )
    download = Download(
        page=page,
        url="https://www.gov.kz/uploads/2026/11/есеп.pdf",
        format="pdf",
        declared_size_text="1,2 МБ",
        size_bytes=1_258_291,
        content_type="application/pdf",
        status=200,
        text_layer=False,  # a scan
    )
    record = PortalRecord(
        run_id=run.id,
        body_id=parent.id,
        portal=Portal.LEGALACTS,
        record_kind="draft",
        external_id="14523",
        lang="kk",
        payload={"title": "Нормативтік құқықтық акт жобасы", "comments": 3, "accepted": None},
        source_url="https://legalacts.egov.kz/list?governmentId=17",
        warc_record_id="<urn:uuid:0b5e7a8e-1111-4c3c-9f00-000000000003>",
        fetched_at=CAPTURED,
    )
    failure = FetchFailure(
        run_id=run.id,
        body_id=child.id,
        url="https://www.gov.kz/api/v1/public/content-manager/news?projects=eq.tirkeu",
        reason=FetchFailureReason.ANTIBOT,
        detail="400 browserTicketMissing — жауап JSON емес",
        status_code=400,
        failed_at=CAPTURED,
    )
    declaration = Declaration(
        run_id=run.id,
        body_id=parent.id,
        period="2025",
        payload={"қоғамдық кеңес": {"отырыстар": 4}},
        source_sha256="c" * 64,
        loaded_at=CAPTURED,
    )
    entry = ReconciliationEntry(
        declaration=declaration,
        run_id=run.id,
        item="T10-1",
        claim="Қоғамдық кеңестің 4 отырысы өткізілді",
        verdict="confirmed",
        evidence_ids=["ev-warc-0001"],
    )
    unified_list = UnifiedList(
        source="Бірыңғай тізбе 2026.xlsx",
        source_sha256="d" * 64,
        imported_at=CAPTURED,
        entries=[{"row": 4, "code": "ҚР-ӘМ-01", "name_ru": "Реестр", "body": "Министерство юстиции"}],
    )
    # who works on the run: its coordinator's host, process and last heartbeat
    lease = RunLease(run_id=run.id, host="audit-01.ашық.kz", pid=4242, heartbeat_at=CAPTURED + timedelta(hours=1))
    session.add_all([evidence, finding, score, page, record, failure, declaration, unified_list, lease])
    session.flush()
    access = _access_rows(session, parent, run)
    appeal = _appeal_rows(session, access[2], access[0])
    return Sample(
        parent, child, run, evidence, finding, score, page, link, download, record, failure, declaration, entry,
        unified_list, lease, *access, *appeal, review_answer=review_answer,
    )  # fmt: skip


def _access_rows(session: Session, parent: Body, run: Run) -> tuple[Account, AccountSession, Publication, AuditEntry]:
    """The served application's rows: a body's account (bound to the ministry and its subordinates),
    its session, a publication of the run's conclusion and the audit log's line for it."""
    account = Account(
        username="әділет-жауапты",
        display_name="Әділет министрлігінің жауапты қызметкері",
        password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        role="body",
        body_id=parent.id,
        include_subordinates=True,
        language="kk",
        oidc_subject="kz-idp|000000000042",
        created_at=CAPTURED,
        disabled_at=CAPTURED + timedelta(days=30),
    )
    session.add(account)
    session.flush()
    signed_in = AccountSession(
        id="e" * 64,
        account_id=account.id,
        csrf_token="f" * 43,
        created_at=CAPTURED,
        last_seen_at=CAPTURED + timedelta(minutes=5),
        ended_at=CAPTURED + timedelta(minutes=6),
        address="2001:db8::42",
    )
    publication = Publication(
        run_id=run.id, body_id=parent.id, revision=1, published_by=account.id, published_at=CAPTURED
    )
    entry = AuditEntry(
        at=CAPTURED,
        account_id=account.id,
        username=account.username,
        action="publish",
        target=f"{run.id}/{parent.id}",
        address="192.0.2.7",
        detail={"түсініктеме": KAZAKH_LETTERS},
    )
    session.add_all([signed_in, publication, entry])
    session.flush()
    return account, signed_in, publication, entry


def _appeal_rows(
    session: Session, publication: Publication, account: Account
) -> tuple[ConclusionReceipt, Disagreement, CommissionDecision]:
    """The appeal of the publication: its receipt, a disagreement from the uploaded table and the
    commission's decision upholding it (which made revision 2)."""
    receipt = ConclusionReceipt(
        publication_id=publication.id,
        received_on=date(2026, 11, 23),
        deadline=date(2026, 11, 30),
        how="recorded",
        recorded_by=account.id,
        recorded_at=CAPTURED + timedelta(days=3),
    )
    disagreement = Disagreement(
        publication_id=publication.id,
        item="A14-2.3",
        lang="kk",
        position="Құжаттар бөлімі «Қызмет» мәзірінде бар",
        documents=[{"name": "Бұйрық №12", "link": "https://www.gov.kz/memleket/entities/adilet/documents/12"}],
        filed_by=account.id,
        filed_at=CAPTURED + timedelta(days=4),
        source="table",
        table_sha256="a" * 64,
        table_row=5,
    )
    session.add_all([receipt, disagreement])
    session.flush()
    decision = CommissionDecision(
        disagreement_id=disagreement.id,
        outcome="upheld",
        reasons="Бөлім бар, сілтеме мәзірде",
        decided_by=account.id,
        decided_at=CAPTURED + timedelta(days=8),
        revision=2,
    )
    session.add(decision)
    session.flush()
    return receipt, disagreement, decision
