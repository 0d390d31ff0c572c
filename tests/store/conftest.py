"""Fixtures for the store: throwaway PostgreSQL and Redis, and fresh databases on both engines.

``pg_url`` and ``redis_url`` start ``scripts/services.sh`` once per session, in a directory the
postgres user can reach, and stop exactly those servers at the end. Tests that use them are
marked ``postgres`` / ``redis`` so ``make test-fast`` can leave them out.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from store_sample import Sample, build_sample
from store_services import Services, pids_in, read_env_file, run_services_script

from ashyq.store.db import dispose_engine, engine_for, upgrade

if TYPE_CHECKING:
    import psycopg


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
    import psycopg  # the `postgres` extra; only PostgreSQL tests need it

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


@pytest.fixture
def sample(session: Session) -> Sample:
    built = build_sample(session)
    session.commit()
    return built
