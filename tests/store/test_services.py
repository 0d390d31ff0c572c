"""scripts/services.sh and the Redis the crawler will share its frontier through."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from store_sample import KAZAKH_LETTERS
from store_services import Services, read_env_file, run_services_script


@pytest.mark.redis
def test_redis_ping_and_a_frontier_list_round_trip(redis_url: str) -> None:
    import redis  # the `dev` extra; only this test needs it

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    try:
        assert client.ping() is True
        key = "test:frontier"
        requests = [
            {"url": f"https://www.gov.kz/memleket/entities/abai/{i}?lang=kk", "title": KAZAKH_LETTERS} for i in range(3)
        ]
        client.delete(key)
        client.rpush(key, *(json.dumps(r, ensure_ascii=False) for r in requests))
        assert client.llen(key) == 3
        assert [json.loads(item) for item in client.lrange(key, 0, -1)] == requests
        assert json.loads(client.lpop(key) or "null") == requests[0]  # first in, first out
        client.delete(key)
    finally:
        client.close()


@pytest.mark.postgres
@pytest.mark.redis
def test_the_queue_answers_only_its_user_and_only_over_tls(services: Services) -> None:
    """Whoever reaches the port cannot put jobs on the queue: plain TCP, no password, a wrong one and a
    client that does not check the server's certificate against the services' CA all fail."""
    import redis

    url = urlsplit(services.redis_url)
    assert url.scheme == "rediss" and url.username == "ashyq" and url.password and len(url.password) >= 32
    assert "ssl_cert_reqs=required" in url.query and "ssl_ca_certs=" in url.query
    client = redis.Redis.from_url(services.redis_url)
    try:
        assert client.ping() is True
    finally:
        client.close()
    others = {
        "plain TCP": f"redis://127.0.0.1:{url.port}/0",
        "no password": services.redis_url.replace(f"ashyq:{url.password}@", ""),
        "a wrong password": services.redis_url.replace(url.password, "0" * len(url.password)),
        "the CA not given": f"rediss://ashyq:{url.password}@127.0.0.1:{url.port}/0",
    }
    for what, other in others.items():
        refused = redis.Redis.from_url(other, socket_timeout=10)
        try:
            refused.ping()
        except (redis.AuthenticationError, redis.ConnectionError):
            continue
        finally:
            refused.close()
        pytest.fail(f"the queue answered a client with {what}")
    # the password is in files only their owner reads, and on no command line
    for secret in ("env", "redis/password", "redis/redis.conf", "redis/tls/server.key", "redis/tls/ca.key"):
        assert (services.directory / secret).stat().st_mode & 0o077 == 0, secret
    pid = int((services.directory / "redis" / "redis.pid").read_text().split()[0])
    assert url.password.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()


@pytest.mark.postgres
@pytest.mark.redis
def test_start_again_keeps_the_running_servers(services: Services) -> None:
    before = read_env_file(services.directory / "env")
    again = run_services_script("start", services.directory)
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stdout
    assert read_env_file(services.directory / "env") == before


@pytest.mark.postgres
@pytest.mark.redis
def test_servers_listen_on_loopback_only(services: Services) -> None:
    for url in (services.pg_url, services.redis_url):
        assert "@127.0.0.1:" in url or "//127.0.0.1:" in url
    conf = (services.directory / "pg" / "data" / "postmaster.opts").read_text()
    assert "listen_addresses=127.0.0.1" in conf


def test_missing_binaries_point_to_make_setup(tmp_path: Path) -> None:
    result = run_services_script("start", tmp_path / "services", ASHYQ_PG_BIN="/nonexistent/bin")
    assert result.returncode == 1
    assert "make setup" in result.stderr
    assert not (tmp_path / "services").exists()


def test_stop_in_a_folder_that_never_started_anything_is_a_no_op(tmp_path: Path) -> None:
    result = run_services_script("stop", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_stop_ignores_a_pidfile_that_names_someone_else(tmp_path: Path) -> None:
    # PID 1 is alive but is not our Redis: stop must not signal it.
    (tmp_path / "redis").mkdir()
    (tmp_path / "redis" / "port").write_text("6390\n")
    (tmp_path / "redis" / "redis.pid").write_text("1\n")
    result = run_services_script("stop", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Redis stopped" not in result.stdout
