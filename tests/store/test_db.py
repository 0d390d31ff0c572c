"""Where the store is and how sessions behave."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from ashyq.store import db
from ashyq.store.models import Body


def test_the_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(db.DB_URL_VARIABLE, raising=False)
    assert db.database_url() == "sqlite:///./out/ashyq.sqlite"
    monkeypatch.setenv(db.DB_URL_VARIABLE, "postgresql+psycopg://postgres@127.0.0.1:5499/ashyq")
    assert db.database_url() == "postgresql+psycopg://postgres@127.0.0.1:5499/ashyq"


def test_the_default_sqlite_file_gets_its_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(db.DB_URL_VARIABLE, raising=False)
    try:
        assert db.ensure_schema() is True
        assert (tmp_path / "out" / "ashyq.sqlite").is_file()
    finally:
        db.dispose_engine()


def test_one_engine_per_url(sqlite_url: str) -> None:
    assert db.engine_for(sqlite_url) is db.engine_for(sqlite_url)


def test_sqlite_enforces_foreign_keys(sqlite_url: str) -> None:
    with db.engine_for(sqlite_url).connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def body(body_id: str) -> Body:
    return Body(id=body_id, name_kk="Ақмола облысы әкімдігі", name_ru="Акимат Акмолинской области", kind="mio")


def test_session_scope_commits(store_url: str) -> None:
    with db.session_scope(store_url) as session:
        session.add(body("akmola"))
    with db.session_scope(store_url) as session:
        stored = session.get(Body, "akmola")
        assert stored is not None
        assert stored.name_kk == "Ақмола облысы әкімдігі"
        assert stored.site_urls == []  # the column default


def test_session_scope_rolls_back_on_error(store_url: str) -> None:
    with pytest.raises(RuntimeError), db.session_scope(store_url) as session:
        session.add(body("akmola"))
        session.flush()
        raise RuntimeError("a stage failed half-way")
    with db.session_scope(store_url) as session:
        assert session.get(Body, "akmola") is None


def test_objects_stay_readable_after_the_scope(store_url: str) -> None:
    with db.session_scope(store_url) as session:
        added = body("akmola")
        session.add(added)
    assert added.name_ru == "Акимат Акмолинской области"
