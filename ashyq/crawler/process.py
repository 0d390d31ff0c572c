"""The crawl process: one Scrapy CrawlerProcess running every spider of every body of one run.

Started by :mod:`ashyq.crawler.runner` as ``python -m ashyq.crawler.process JOB.json`` - a process of its own,
because a Twisted reactor cannot be restarted, and a program (or a test session) runs many crawls.
It talks back on stdout, one JSON object per line: ``progress`` (pages, records, failures per
body, twice a second), ``body_done`` and finally ``summary``. Logs go to stderr.

A job may name a ``connection_log`` file: every outgoing connection and name lookup of the process
is then appended to it (from Python's audit hooks), so a reviewer - or a test - can prove which
addresses the crawler actually contacted.
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TextIO

from scrapy import Spider
from scrapy.crawler import Crawler, CrawlerProcess

from ashyq.crawler.launcher import read_job
from ashyq.crawler.settings import build_settings
from ashyq.crawler.spiders import spiders_for
from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.socket_guard import install_from_environment
from ashyq.store.bodies import Body, load_registry

PROGRESS_SECONDS = 0.5


def emit(event: str, **data: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **data}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def install_connection_log(path: str) -> None:
    """Append every socket connect and address lookup of this process to ``path``."""
    log: TextIO = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - open for the process's life

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "socket.connect":
            log.write(f"connect {args[1]!r}\n")
        elif event == "socket.getaddrinfo":
            log.write(f"getaddrinfo {args[0]!r}\n")

    sys.addaudithook(hook)


@dataclass
class BodyTally:
    spiders: list[str] = field(default_factory=list)
    finished: dict[str, str] = field(default_factory=dict)  # spider name → finish reason
    crawlers: list[Crawler] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        pages = records = failures = 0
        reasons: dict[str, int] = defaultdict(int)
        for crawler in self.crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            pages += int(stats.get("ashyq/stored/pages", 0))
            records += int(stats.get("ashyq/stored/records", 0))
            failures += int(stats.get("ashyq/stored/failures", 0))
            for key, value in stats.items():
                if key.startswith("ashyq/stored/failures/"):
                    reasons[key.rsplit("/", 1)[1]] += int(value)
        return {"pages": pages, "records": records, "failures": failures, "reasons": dict(reasons)}


class CrawlJob:
    """Runs the job's (body, spider) pairs, at most ``parallel`` at a time and at most ``browsers`` of
    them driving a browser (their renders share the machine's cores), then stops the reactor."""

    def __init__(self, job: dict[str, Any]) -> None:
        self.job = job
        config = load_crawl_config(job.get("config_path"))
        self.settings = build_settings(
            config,
            base_url_map=job.get("base_url_map") or None,
            out_dir=job["out_dir"],
            run_id=job["run_id"],
            baseline_run=job.get("baseline_run"),
            db_url=job.get("db_url"),
            max_pages=job.get("max_pages"),
            overrides=job.get("settings_overrides") or {},
        )
        registry = load_registry(job["registry"])
        self.bodies: list[Body] = [registry.get(body_id) for body_id in job["body_ids"]]
        # every registered body's sites: where a crawled body's own site ends (site_scope.joins_site)
        self.registry_sites: dict[str, list[str]] = {body.id: list(body.sites) for body in registry.bodies}
        only = job.get("spiders")  # None: every spider that applies
        # per body, the spiders a portal's Crawl-delay paces (dialog.egov.kz: 1 s a request) first: their
        # time is waiting, which the others' work then overlaps instead of following
        self.queue: list[tuple[Body, type[Spider]]] = [
            (body, spider)
            for body in self.bodies
            for spider in sorted(spiders_for(body), key=lambda s: -float(getattr(s, "download_delay", 0) or 0))
            if only is None or spider.name in only
        ]
        self.tallies: dict[str, BodyTally] = {body.id: BodyTally() for body in self.bodies}
        for body, spider in self.queue:
            self.tallies[body.id].spiders.append(str(spider.name))
        self.parallel = max(int(job.get("parallel") or 4), 1)
        self.browsers = max(int(job.get("browsers") or self.parallel), 1)
        self.running = 0
        self.rendering = 0
        self.process = CrawlerProcess(self.settings)
        self.parent = os.getppid()

    def run(self) -> None:
        from twisted.internet import task

        for body_id, tally in self.tallies.items():
            if not tally.spiders:
                emit("body_done", body=body_id, **tally.counts(), finish={})
        if not self.queue:
            self._finish()
            return
        # The first crawler installs the asyncio reactor; nothing may touch the reactor before it.
        self._start_more()
        ticker = task.LoopingCall(self._report)
        ticker.start(PROGRESS_SECONDS, now=False)
        self.process.start(stop_after_crawl=False, install_signal_handlers=True)
        if ticker.running:
            ticker.stop()
        self._finish()

    def _start_more(self) -> None:
        """Start queued pairs while there is room: the first in the queue that fits (a browser spider
        waits while ``browsers`` of them run; the queue's other spiders go past it)."""
        while self.running < self.parallel:
            fits = next(
                (
                    n
                    for n, (_, spider) in enumerate(self.queue)
                    if not _drives_browser(spider) or self.rendering < self.browsers
                ),
                None,
            )
            if fits is None:
                return
            self._start(*self.queue.pop(fits))

    def _start(self, body: Body, spider_class: type[Spider]) -> None:
        crawler = self.process.create_crawler(spider_class)
        self.tallies[body.id].crawlers.append(crawler)
        self.running += 1
        self.rendering += _drives_browser(spider_class)
        deferred = self.process.crawl(
            crawler,
            run_id=self.job["run_id"],
            body_id=body.id,
            out_dir=self.job["out_dir"],
            body=body,
            other_sites=[url for other, sites in self.registry_sites.items() if other != body.id for url in sites],
            lang=self.job.get("lang"),
        )
        deferred.addBoth(self._crawl_done, body.id, spider_class, crawler)

    def _crawl_done(self, result: Any, body_id: str, spider_class: type[Spider], crawler: Crawler) -> None:
        from twisted.internet import reactor
        from twisted.python.failure import Failure

        stats = crawler.stats.get_stats() if crawler.stats else {}
        reason = str(stats.get("finish_reason") or "unknown")
        if isinstance(result, Failure):
            reason = f"crashed: {result.getErrorMessage()}"
        spider_errors = int(stats.get("spider_exceptions/count", 0) or 0)
        if spider_errors and reason == "finished":
            reason = f"finished with {spider_errors} spider errors"
        tally = self.tallies[body_id]
        tally.finished[str(spider_class.name)] = reason
        self.running -= 1
        self.rendering -= _drives_browser(spider_class)
        if len(tally.finished) == len(tally.spiders):
            emit("body_done", body=body_id, **tally.counts(), finish=tally.finished)
        if self.queue:
            self._start_more()
        elif self.running == 0:
            running_reactor: Any = reactor
            running_reactor.callLater(0, running_reactor.stop)

    def _report(self) -> None:
        # a coordinator killed (SIGKILL, a reboot of its session) leaves this process orphaned: it must
        # not go on writing into a run that will be marked interrupted and redone
        if os.getppid() != self.parent:
            sys.stderr.write(f"the coordinator (process {self.parent}) is gone: the crawl stops\n")
            os._exit(3)
        try:
            emit("progress", bodies={body_id: tally.counts() for body_id, tally in self.tallies.items()})
        except BrokenPipeError:
            os._exit(3)

    def _finish(self) -> None:
        emit(
            "summary",
            bodies={
                body_id: {**tally.counts(), "spiders": tally.spiders, "finish": tally.finished}
                for body_id, tally in self.tallies.items()
            },
        )


def _drives_browser(spider: type[Spider]) -> bool:
    return bool(getattr(spider, "drives_browser", False))


def main(argv: list[str] | None = None) -> int:
    job = read_job(argv, "ashyq.crawler.process")
    if job is None:
        return 2
    install_from_environment()  # the socket guard, when asked for (ASHYQ_SOCKET_GUARD)
    if job.get("connection_log"):
        install_connection_log(job["connection_log"])
    CrawlJob(job).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
