"""Fixtures for the store: throwaway PostgreSQL and Redis, and fresh databases on both engines.

``pg_url`` and ``redis_url`` start ``scripts/services.sh`` once per session, in a directory the
postgres user can reach, and stop exactly those servers at the end. Tests that use them are
marked ``postgres`` / ``redis`` so ``make test-fast`` can leave them out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from ashyq.store.db import dispose_engine, engine_for, upgrade
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
    Run,
    Score,
)
from ashyq.store.vocabulary import (
    BodyKind,
    EvidenceKind,
    FetchFailureReason,
    FindingStatus,
    Lang,
    Portal,
    RunKind,
    RunStatus,
)

SERVICES_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "services.sh"
SERVICES_TIMEOUT_SECONDS = 180


@dataclass(frozen=True)
class Services:
    directory: Path
    pg_url: str
    redis_url: str


def run_services_script(command: str, directory: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SERVICES_SCRIPT), command, str(directory)],
        capture_output=True,
        text=True,
        timeout=SERVICES_TIMEOUT_SECONDS,
        env={**os.environ, **env},
        check=False,
    )


def read_env_file(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key: value for key, value in pairs}


def pids_in(directory: Path) -> list[int]:
    """PIDs named by the servers' pidfiles in ``directory`` that are still alive."""
    alive = []
    for pidfile in (directory / "pg" / "data" / "postmaster.pid", directory / "redis" / "redis.pid"):
        if pidfile.exists():
            pid = int(pidfile.read_text().split()[0])
            if Path(f"/proc/{pid}").exists():
                alive.append(pid)
    return alive


@pytest.fixture(scope="session")
def services() -> Iterator[Services]:
    # Not tmp_path_factory: pytest makes its base directory 0700, which the postgres user cannot enter.
    directory = Path(tempfile.mkdtemp(prefix="ashyq-services-"))
    directory.chmod(0o755)
    started = run_services_script("start", directory)
    if started.returncode != 0:
        run_services_script("stop", directory)
        shutil.rmtree(directory, ignore_errors=True)
        pytest.fail(f"scripts/services.sh start failed:\n{started.stdout}{started.stderr}")
    env = read_env_file(directory / "env")
    try:
        yield Services(directory, env["ASHYQ_PG_URL"], env["ASHYQ_REDIS_URL"])
    finally:
        stopped = run_services_script("stop", directory)
        left_running = pids_in(directory)
        shutil.rmtree(directory, ignore_errors=True)
        assert stopped.returncode == 0, stopped.stderr
        assert not left_running, f"services.sh stop left PIDs {left_running} running"


@pytest.fixture(scope="session")
def pg_url(services: Services) -> str:
    return services.pg_url


@pytest.fixture(scope="session")
def redis_url(services: Services) -> str:
    return services.redis_url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    """An empty SQLite database file."""
    url = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"
    yield url
    dispose_engine(url)


# ── fresh databases, empty or migrated, on either engine ───────────────────────────────────────


def _admin_connection(pg_url: str) -> psycopg.Connection:
    url = make_url(pg_url)
    return psycopg.connect(host=url.host, port=url.port, user=url.username, dbname="postgres", autocommit=True)


@pytest.fixture(scope="session")
def migrated_pg_template(pg_url: str) -> str:
    """The services' database, migrated once; fresh test databases are copies of it."""
    upgrade(pg_url)
    # CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
    dispose_engine(pg_url)
    return make_url(pg_url).database or "ashyq"


def _new_pg_database(pg_url: str, template: str) -> Iterator[str]:
    name = f"test_{uuid.uuid4().hex[:12]}"
    with _admin_connection(pg_url) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    yield url
    dispose_engine(url)
    with _admin_connection(pg_url) as admin:
        admin.execute(f'DROP DATABASE "{name}"')


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite"
    url = f"sqlite:///{path}"
    upgrade(url)
    dispose_engine(url)
    return path


BOTH_ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BOTH_ENGINES)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no tables) on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
        yield url
        dispose_engine(url)
    else:
        yield from _new_pg_database(request.getfixturevalue("pg_url"), "template0")


@pytest.fixture(params=BOTH_ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database at the newest schema, on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "store.sqlite"
        shutil.copyfile(request.getfixturevalue("migrated_sqlite_template"), path)
        url = f"sqlite:///{path}"
        yield url
        dispose_engine(url)
    else:
        template = request.getfixturevalue("migrated_pg_template")
        yield from _new_pg_database(request.getfixturevalue("pg_url"), template)


@pytest.fixture
def session(store_url: str) -> Iterator[Session]:
    """A session on a migrated database; tests commit or roll back themselves."""
    with Session(engine_for(store_url), expire_on_commit=False) as opened:
        yield opened


# ── one of everything, every column filled, in Kazakh where there is text ─────────────────────

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

    def rows(self) -> list[Base]:
        return [getattr(self, field.name) for field in fields(self)]


def build_sample(session: Session) -> Sample:
    """Adds and flushes one row of every model; nothing is committed."""
    parent = Body(
        id="minjust",
        name_kk="Қазақстан Республикасы Әділет министрлігі",
        name_ru="Министерство юстиции Республики Казахстан",
        name_en="Ministry of Justice",
        kind=BodyKind.CENTRAL,
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
        kind=BodyKind.SUBORDINATE,
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
        lang=Lang.KAZAKH,
        status=FindingStatus.PARTIAL,
        reason="Ағылшын нұсқасы жоқ",
        measured={"pages": 12, "share": 0.75, "мәтін": KAZAKH_LETTERS},
        deficiencies=[
            {
                "message": "Құжаттың қазақша нұсқасы жоқ",
                "url": "https://www.gov.kz/memleket/entities/adilet/documents?lang=kk",
                "selector": "a.doc[href$='.pdf']",
                "evidence_ids": ["ev-warc-0001"],
            }
        ],
        check_id="content.translation",
        check_version="1.2.0",
        created_at=CAPTURED,
        evidence=[evidence],
    )
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
    session.add_all([evidence, finding, score, page, record, failure, declaration])
    session.flush()
    return Sample(
        parent, child, run, evidence, finding, score, page, link, download, record, failure, declaration, entry
    )


@pytest.fixture
def sample(session: Session) -> Sample:
    built = build_sample(session)
    session.commit()
    return built
