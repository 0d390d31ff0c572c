"""The guarded client: one resolution per exchange and the connection to the checked address, every
redirect hop checked again, the name kept in Host, the one user agent, bounded answers.

"Public" here is a loopback server the test policy allows explicitly (the machine has no internet);
the forbidden side is a canary that logs every connection, on 127.0.0.2 at the same port, so a
client that resolved the name twice would reach it."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import pytest
from aiohttp import web
from loopback import Loopback, app, echo_host, redirect

from ashyq.net.egress import EgressPolicy, Refusal
from ashyq.net.fetch import FetchError, GuardedClient
from ashyq.net.identity import user_agent
from ashyq.net.resolve import ScriptedResolver

UA = user_agent("operator@example.kz")


def test_a_rebinding_name_is_connected_where_it_was_checked(loopback: Loopback) -> None:
    port = loopback.serve(app({"/": echo_host()}))
    canary = loopback.canary("127.0.0.2", port)
    script = ScriptedResolver({"rebind.example": [["127.0.0.1"], ["127.0.0.2"]]})
    policy = EgressPolicy(resolver=script).allowing([("127.0.0.1", port)])

    answer = GuardedClient(policy, UA).get(f"http://rebind.example:{port}/")
    assert answer.status == 200 and answer.address == "127.0.0.1"
    assert answer.text() == f"host=rebind.example:{port}; ua={UA}"  # the name in Host, the one user agent
    assert script.lookups == {"rebind.example": 1}  # resolved once: checked and connected alike

    with pytest.raises(Refusal) as refused:  # its second answer is judged, not trusted
        GuardedClient(policy, UA).get(f"http://rebind.example:{port}/")
    assert refused.value.reason == "private_address" and "127.0.0.2" in refused.value.detail
    assert canary.connections == []


def test_every_redirect_hop_is_checked_again(loopback: Loopback) -> None:
    canary = loopback.canary()
    port = loopback.serve(
        app(
            {
                "/page": echo_host(),
                "/to-canary": redirect(f"{canary.url}/secret"),
                "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
                "/to-mapped": redirect(f"http://[::ffff:127.0.0.1]:{canary.port}/"),
                "/to-file": redirect("file:///etc/hostname"),
                "/to-name": redirect(f"http://localhost:{canary.port}/"),
                "/to-gone": redirect("http://no-such-name.invalid/"),
                "/chain": redirect("/chain-2", 301),
                "/chain-2": redirect("/to-canary", 307),
            }
        )
    )
    client = GuardedClient(EgressPolicy().allowing([("127.0.0.1", port)]), UA)
    assert client.get(f"http://127.0.0.1:{port}/page").status == 200
    for path, reason in [
        ("/to-canary", "private_address"),
        ("/to-metadata", "private_address"),
        ("/to-mapped", "private_address"),
        ("/to-file", "private_address"),
        ("/to-name", "private_address"),
        ("/to-gone", "error"),
        ("/chain", "private_address"),
    ]:
        with pytest.raises(Refusal) as refused:
            client.get(f"http://127.0.0.1:{port}{path}")
        assert refused.value.reason == reason, path
    assert canary.connections == []
    hops: list[str] = []
    with pytest.raises(Refusal):
        client.get(f"http://127.0.0.1:{port}/chain", before_hop=hops.append)
    assert hops == [f"http://127.0.0.1:{port}/chain", f"http://127.0.0.1:{port}/chain-2",
                    f"http://127.0.0.1:{port}/to-canary", f"{canary.url}/secret"]  # fmt: skip


def test_answers_are_bounded_in_size_and_time(loopback: Loopback) -> None:
    big = b"x" * 300_000
    bomb = gzip.compress(b"\0" * 20_000_000)  # 20 MB of zeros in about 20 KB

    async def large(request: web.Request) -> web.Response:
        return web.Response(body=big)

    async def compressed(request: web.Request) -> web.Response:
        return web.Response(body=bomb, headers={"Content-Encoding": "gzip"})

    async def deflated(request: web.Request) -> web.Response:
        return web.Response(body=zlib.compress(b"short page"), headers={"Content-Encoding": "deflate"})

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(3)
        return web.Response(text="late")

    port = loopback.serve(app({"/large": large, "/bomb": compressed, "/deflate": deflated, "/slow": slow}))
    client = GuardedClient(EgressPolicy().allowing([("127.0.0.1", port)]), UA, timeout=1.0, max_bytes=100_000)
    cut = client.get(f"http://127.0.0.1:{port}/large")
    assert len(cut.body) == 100_000 and cut.truncated
    inflated = client.get(f"http://127.0.0.1:{port}/bomb")
    assert len(inflated.body) == 100_000 and inflated.truncated
    assert client.get(f"http://127.0.0.1:{port}/deflate").body == b"short page"
    with pytest.raises(FetchError) as late:
        client.get(f"http://127.0.0.1:{port}/slow")
    assert late.value.reason == "timeout"


def test_nothing_internal_without_an_explicit_allowance(loopback: Loopback) -> None:
    canary = loopback.canary()
    client = GuardedClient(EgressPolicy(), UA)
    for url in (f"{canary.url}/", f"http://localhost:{canary.port}/", f"http://[::1]:{canary.port}/",
                "http://169.254.169.254/", "http://100.64.0.1/", "file:///etc/passwd"):  # fmt: skip
        with pytest.raises(Refusal) as refused:
            client.get(url)
        assert refused.value.reason == "private_address", url
    assert canary.connections == []
