"""Where the store lives and how to open it.

The URL comes from ``ASHYQ_DB_URL`` (default: an SQLite file under ``./out``). The schema is owned
by the Alembic migrations shipped inside this package; :func:`upgrade` applies them without the
``alembic`` command, so an installed wheel can migrate its own database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DB_URL_VARIABLE = "ASHYQ_DB_URL"
DEFAULT_DB_URL = "sqlite:///./out/ashyq.sqlite"
if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported where a schema is read or changed, not with the store: a crawl process or a
# worker that only reads and writes rows would pay a quarter of a second of CPU to import it.
ALEMBIC_INI = Path(__file__).with_name("alembic.ini")

# One pool per URL per process: opening an engine per session would open a pool per session.
_engines: dict[str, Engine] = {}


def database_url() -> str:
    return os.environ.get(DB_URL_VARIABLE) or DEFAULT_DB_URL


def engine_for(url: str | None = None) -> Engine:
    """The process's engine for ``url`` (default :func:`database_url`), created on first use."""
    url = url or database_url()
    engine = _engines.get(url)
    if engine is None:
        engine = _create_engine(url)
        _engines[url] = engine
    return engine


def dispose_engine(url: str | None = None) -> None:
    """Close the pooled connections to ``url`` (tests, forked workers, dropping a database)."""
    engine = _engines.pop(url or database_url(), None)
    if engine is not None:
        engine.dispose()


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # a second writer (a report while an audit runs, two audits) waits for the lock instead of
    # failing at once with "database is locked"
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
    # SQLite ignores foreign keys unless asked on every connection; the cascades the stages rely
    # on (delete a run, lose its artefacts) must behave as on PostgreSQL.
    event.listen(engine, "connect", _configure_sqlite)
    return engine


SQLITE_BUSY_SECONDS = 60


def _configure_sqlite(dbapi_connection: Any, _connection_record: Any) -> None:
    """Foreign keys on; write-ahead logging, so readers never block the writer (nor it them); a busy
    timeout, so a writer waits for another's commit."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()
    if mode is not None and str(mode[0]).lower() not in ("wal", "memory"):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises.

    Objects stay readable after the block (``expire_on_commit=False``): reports load, then render.
    """
    factory = sessionmaker(bind=engine_for(url), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config(str(ALEMBIC_INI))
    # Passed as an attribute, not through the ini: ConfigParser would choke on "%" in passwords.
    config.attributes["url"] = url or database_url()
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Apply the migrations up to ``revision`` on ``url``."""
    _migrate("upgrade", url, revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    _migrate("downgrade", url, revision)


def _migrate(direction: Literal["upgrade", "downgrade"], url: str | None, revision: str) -> None:
    from alembic import command

    url = url or database_url()
    config = alembic_config(url)
    with engine_for(url).begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)


def current_revision(url: str | None = None) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine_for(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def ensure_schema(url: str | None = None) -> bool:
    """Bring ``url`` to the newest schema; True if anything had to be applied."""
    if current_revision(url) == head_revision():
        return False
    upgrade(url)
    return True
