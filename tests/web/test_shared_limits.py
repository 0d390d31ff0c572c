"""Sign-in limits counted where ``serve.rate_limit_storage`` says: two applications (as two ``ashyq
serve`` processes behind one proxy) sharing the project's real Redis share the counts, so an
attacker spreading guesses over them is stopped as soon as over one; a storage that cannot be
reached, or is not one, stops the application from starting."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_client import Client

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))  # the services script's helpers

from store_services import read_env_file, run_services_script

from ashyq.config.operator import ServeSettings
from ashyq.web.app import create_app
from ashyq.web.security import ThrottleUnavailable
from ashyq.web.server import served
from ashyq.web.settings import WebSettings

PASSWORD = "correct horse battery staple"  # tests/web/conftest.py's accounts' (its conftest is not imported)
GUESS = {"username": "assessor", "password": "wrong guess 123"}


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """scripts/services.sh's Redis (and PostgreSQL), started for this module and stopped after it."""
    directory = Path(tempfile.mkdtemp(prefix="ashyq-services-"))
    directory.chmod(0o755)  # the postgres user enters it
    started = run_services_script("start", directory)
    try:
        if started.returncode != 0:
            pytest.fail(f"scripts/services.sh start failed:\n{started.stdout}{started.stderr}")
        yield read_env_file(directory / "env")["ASHYQ_REDIS_URL"]
    finally:
        run_services_script("stop", directory)
        shutil.rmtree(directory, ignore_errors=True)


def _settings(web_store: Any, **changes: Any) -> WebSettings:
    """The shared store's application settings (tests/web/conftest.py's WebStore)."""
    return WebSettings(db=web_store.url, data_dir=web_store.store.out_dir, secret_key="s" * 48, **changes)


@pytest.mark.redis
def test_two_processes_sharing_a_redis_share_the_sign_in_counts(web_store: Any, redis_url: str) -> None:
    shared = _settings(web_store, login_per_account="4 per 15 minutes", login_storage=redis_url)
    with served(create_app(shared)) as first, served(create_app(shared)) as second:
        clients = [Client(first), Client(second)]
        for client in clients:
            client.get("/login")
        for n in range(4):  # two guesses on each: neither process alone has seen four
            assert clients[n % 2].post("/login", GUESS).status_code == 401
        for client in clients:
            assert client.post("/login", {"username": "assessor", "password": PASSWORD}).status_code == 429


def test_a_storage_that_cannot_be_reached_or_is_none_stops_the_start(web_store: Any) -> None:
    with pytest.raises(ThrottleUnavailable, match="cannot be reached") as refused:
        create_app(_settings(web_store, login_storage="redis://ashyq:secret-word@127.0.0.1:9/0"))
    assert "secret-word" not in str(refused.value)  # the password is not repeated
    with pytest.raises(ValueError, match="storage URI"):
        ServeSettings(rate_limit_storage="postgresql://localhost/ashyq")
