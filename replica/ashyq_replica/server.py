"""Run the replica world: one aiohttp application per real host, each on its own loopback port.

Spiders address the real host names; the base-URL map (``RunningWorld.urls``) translates, e.g.
``{"https://www.gov.kz": "http://127.0.0.1:41234"}``. Servers bind 127.0.0.1 only.

The hostile world (``faults="hostile"``) also runs a canary (:class:`ashyq_replica.hostile.Canary`,
``RunningWorld.canary``): a loopback server the map does not name, which logs every connection.

The portal hosts (data, budget, legalacts, dialog) are built by modules written separately; while
one is missing the world starts without it and logs that it did.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from aiohttp import web

from ashyq_replica import access_log, classic, faults, hostile, validators
from ashyq_replica.core import BUDGET_HOST, DATA_HOST, DIALOG_HOST, GOVKZ_HOST, LEGALACTS_HOST, World
from ashyq_replica.meter import HostMeter

log = logging.getLogger(__name__)

BIND = "127.0.0.1"
# Host → module exposing ``create_app(world)``. Order fixes the port order for ``--port P``.
PORTAL_MODULES: tuple[tuple[str, str], ...] = (
    (GOVKZ_HOST, "ashyq_replica.govkz"),
    (DATA_HOST, "ashyq_replica.portals.dataegov"),
    (BUDGET_HOST, "ashyq_replica.portals.budget"),
    (LEGALACTS_HOST, "ashyq_replica.portals.legalacts"),
    (DIALOG_HOST, "ashyq_replica.portals.dialog"),
)
# Sleeping fault handlers must not hold a shutdown hostage.
SHUTDOWN_TIMEOUT = 0.5


def _portal_factory(module_name: str) -> Callable[[World], web.Application]:
    factory: Callable[[World], web.Application] = importlib.import_module(module_name).create_app
    return factory


def build_apps(
    world: World, canary: hostile.Canary | None = None, outside: bool = False, meter: HostMeter | None = None
) -> dict[str, web.Application]:
    """Real base URL → application, for every host the world serves; ``outside`` adds the outside
    sites (:mod:`ashyq_replica.outside`), which no registry names and no fault touches."""
    apps: dict[str, web.Application] = {}
    for host, module_name in PORTAL_MODULES:
        apps[f"https://{host}"] = _portal_factory(module_name)(world)
    for host, app in classic.create_apps(world).items():
        apps[f"https://{host}"] = app
    for base, app in apps.items():  # innermost of ours: validators see the answer as the host made it
        if base.removeprefix("https://") in validators.SENDS_NONE:  # the content digest decides there
            continue
        app.middlewares.append(validators.middleware(world, base.removeprefix("https://")))  # type: ignore[arg-type]
    if world.faults == "flaky":
        for base, app in apps.items():
            app.middlewares.append(faults.middleware(world, base.removeprefix("https://")))  # type: ignore[arg-type]
    if faults.SITE_PAGES_OUTAGE in world.outages:
        for base, app in apps.items():
            app.middlewares.append(faults.outage_middleware(base.removeprefix("https://")))  # type: ignore[arg-type]
    if world.faults == "hostile" and canary is not None:
        for host in hostile.HOSTILE_HOSTS:
            apps[f"https://{host}"].middlewares.append(hostile.middleware(host, canary.port))  # type: ignore[arg-type]
    if outside:
        from ashyq_replica.outside import create_apps

        for host, app in create_apps().items():  # written at the world's default date (outside/sites/README.md)
            apps[f"https://{host}"] = app
    if meter is not None:  # each host's load as it sees it: concurrent requests, arrivals
        for base, app in apps.items():
            app.middlewares.insert(0, meter.middleware(base.removeprefix("https://")))  # type: ignore[arg-type]
    if world.access_log is not None:  # outermost: every request is logged, a faulty answer too
        for base, app in apps.items():
            app.middlewares.insert(0, access_log.middleware(world.access_log, base.removeprefix("https://")))  # type: ignore[arg-type]
    return apps


@dataclass
class Served:
    urls: dict[str, str] = field(default_factory=dict)
    runners: list[web.AppRunner] = field(default_factory=list)
    canary: hostile.Canary | None = None
    meter: HostMeter = field(default_factory=HostMeter)


async def start_runners(
    world: World,
    first_port: int = 0,
    outside: bool = False,
    canary_log: Path | None = None,
    meter: HostMeter | None = None,
) -> Served:
    """Start every host; ``first_port`` 0 picks free ports, otherwise hosts take consecutive ports."""
    served = Served(meter=meter or HostMeter())
    urls, runners = served.urls, served.runners
    try:
        if world.faults == "hostile":
            served.canary = hostile.Canary(canary_log)
            await served.canary.start()
        for offset, (base, app) in enumerate(build_apps(world, served.canary, outside, served.meter).items()):
            runner = web.AppRunner(app, access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT)
            await runner.setup()
            runners.append(runner)
            site = web.TCPSite(runner, BIND, first_port + offset if first_port else 0)
            await site.start()
            port = runner.addresses[0][1]
            urls[base] = f"http://{BIND}:{port}"
    except BaseException:
        await stop_runners(served)
        raise
    return served


async def stop_runners(served: Served) -> None:
    for runner in served.runners:
        await runner.cleanup()
    if served.canary is not None:
        await served.canary.stop()


class RunningWorld:
    """The world served from a background thread with its own event loop.

    >>> with start_world(World()) as running:
    ...     running.urls["https://www.gov.kz"]   # doctest: +SKIP
    """

    def __init__(
        self, world: World, first_port: int = 0, outside: bool = False, canary_log: Path | None = None
    ) -> None:
        self.world = world
        self.urls: dict[str, str] = {}
        self.canary: hostile.Canary | None = None  # the hostile world's: nothing may connect to it
        self.meter = HostMeter()  # each host's concurrent requests and arrivals, as it saw them
        self._first_port = first_port
        self._outside = outside
        self._canary_log = canary_log
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="ashyq-world", daemon=True)
        self._ready = threading.Event()
        self._served = Served(meter=self.meter)
        self._error: BaseException | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._served = self._loop.run_until_complete(
                start_runners(self.world, self._first_port, self._outside, self._canary_log, self.meter)
            )
            self.urls, self.canary = self._served.urls, self._served.canary
        except BaseException as error:  # reported to the starting thread
            self._error = error
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(stop_runners(self._served))
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    def start(self, timeout: float = 30.0) -> RunningWorld:
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the replica world did not start in time")
        if self._error is not None:
            raise RuntimeError("the replica world failed to start") from self._error
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)

    def __enter__(self) -> RunningWorld:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def start_world(
    world: World, first_port: int = 0, outside: bool = False, canary_log: Path | None = None
) -> RunningWorld:
    """Start the whole world in a background thread; use ``.urls`` and ``.stop()`` (or ``with``);
    ``outside`` serves the outside sites too; ``canary_log`` is where the hostile world's canary logs."""
    return RunningWorld(world, first_port, outside, canary_log).start()


async def serve_forever(
    world: World,
    first_port: int,
    on_ready: Callable[[Served], None],
    outside: bool = False,
    canary_log: Path | None = None,
) -> None:
    """Serve in the current event loop until cancelled (Ctrl-C in the CLI)."""
    served = await start_runners(world, first_port, outside, canary_log)
    on_ready(served)
    try:
        await asyncio.Event().wait()
    finally:
        await stop_runners(served)
