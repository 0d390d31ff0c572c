"""Run the ACT test cases through the tool's accessibility path and through plain axe-core, in one run.

The checkout's test-case folder is served on loopback at the path the cases expect
(``/WAI/content-assets/wcag-act-rules/``). Each case is one page:

* **the tool**: the gather step (rendered DOM, axe-core with the rules of the rows' criteria and its
  undecided answers settled by probes where one exists, focus, traps, skip link, motion, zoom,
  forms sent wrongly — every page gets every probe here) and then the registered Appendix 14
  checks, as ``ashyq check-page`` runs them. The case's outcome is read from the finding of the item
  the rule maps to (:mod:`ashyq_replica.accuracy.act_rules`) the way axe-core's is read from its results:
  *failed* when the finding has a defect of one of the rule's criteria, *cannot tell* when it left an
  element of those criteria undecided (or the item could not be measured), *passed* otherwise. The
  item's status alone (the yardstick of the first-seen figures) is kept beside it as ``tool_item``.
  Item 3.4 is read under the interpretation ``a14-skip-link=any-bypass``: the cases test WCAG 2.4.1,
  which the edition's default reading (a link, as the appendix says) deliberately narrows;
* **plain axe-core** (the version in ``node_modules``, all its default rules) on the same page in the
  same run; a violation tagged with one of the rule's criteria fails the case, an "incomplete" one
  is "cannot tell".

Only the served checkout is reachable from both browsers (a closed egress policy with that one
loopback endpoint, as in replica mode): anything else a case loads is refused.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from aiohttp import web

from ashyq.net.egress import EgressPolicy, target_of
from ashyq_replica.accuracy.act_report import axe_outcome, criteria_outcome, tool_outcome
from ashyq_replica.accuracy.act_rules import ITEMS, URL_PREFIX, Case, assets_root, load_cases, missing_assets

Progress = Callable[[str], None]

AXE_EVAL = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations', 'incomplete']});
  const brief = list => list.map(x => ({id: x.id, tags: x.tags}));
  return {version: axe.version, violations: brief(r.violations), incomplete: brief(r.incomplete)};
}"""


@dataclass
class CaseResult:
    case: Case
    url: str
    tool: str = "skipped"
    tool_item: str = "skipped"
    tool_status: str | None = None
    axe: str = "skipped"
    axe_rules: list[str] = field(default_factory=list)
    skipped: str | None = None

    def as_dict(self) -> dict[str, Any]:
        c = self.case
        return {
            "rule": c.rule,
            "rule_name": c.rule_name,
            "case": c.case_id,
            "title": c.title,
            "expected": c.expected,
            "item": c.item,
            "criteria": list(c.criteria),
            "approved": c.approved,
            "tool": self.tool,
            "tool_item": self.tool_item,
            "tool_status": self.tool_status,
            "axe": self.axe,
            "axe_rules": self.axe_rules,
            "skipped": self.skipped,
        }


@dataclass
class ActRun:
    results: list[CaseResult]
    axe_version: str
    seconds: float


@contextmanager
def serve_checkout(root: Path) -> Iterator[str]:
    """Serve the checkout's test-case folder on 127.0.0.1; yields the base URL of the folder."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    state = SimpleNamespace(runner=None, port=0, error=None)

    async def utf8(request: web.Request, response: web.StreamResponse) -> None:
        # the ACT site serves its test cases as UTF-8; several declare no charset, and read as
        # windows-1252 their symbols become letters («±» → «Â±»)
        if response.content_type == "text/html" and not response.charset:
            response.charset = "utf-8"

    async def start() -> None:
        app = web.Application()
        app.on_response_prepare.append(utf8)
        app.router.add_static(URL_PREFIX.rstrip("/"), root, follow_symlinks=False)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        state.runner, state.port = runner, runner.addresses[0][1]

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(start())
        except BaseException as error:  # reported to the caller
            state.error = error
        ready.set()
        if state.error is None:
            loop.run_forever()
            loop.run_until_complete(state.runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, name="act-checkout", daemon=True)
    thread.start()
    ready.wait(30)
    if state.error is not None:
        raise RuntimeError("could not serve the checkout") from state.error
    try:
        yield f"http://127.0.0.1:{state.port}{URL_PREFIX}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def run_act(
    checkout: Path, rules: set[str] | None = None, progress: Progress | None = None, watch_ms: int | None = None
) -> ActRun:
    """Every selected test case through the tool and through plain axe-core (``watch_ms``: how long a
    page is watched for what moves, when not the configured time)."""
    say = progress or (lambda message: None)
    root = assets_root(checkout)
    cases = [c for c in load_cases(checkout) if rules is None or c.rule in rules]
    started = time.monotonic()
    with serve_checkout(root) as base:
        results = [CaseResult(c, base + c.path) for c in cases]
        for r in results:
            if missing := missing_assets(root, r.case):
                r.skipped = "the checkout lacks " + ", ".join(m.removeprefix(URL_PREFIX) for m in missing)
        runnable = [r for r in results if r.skipped is None]
        rule_count, skipped = len({c.rule for c in cases}), len(results) - len(runnable)
        say(f"{len(runnable)} test cases of {rule_count} rules ({skipped} skipped)")
        say("the tool: gather step and Appendix 14 checks")
        findings = tool_findings([r.url for r in runnable], as_of=date.today(), watch_ms=watch_ms)
        for r in runnable:
            finding = findings.get(r.url, {}).get(r.case.item)
            r.tool_status = finding.status if finding is not None else None
            r.tool_item = tool_outcome(r.tool_status)
            r.tool = criteria_outcome(finding, r.case.criteria)
        say("plain axe-core")
        axe_version, answers = axe_results([r.url for r in runnable])
        for r in runnable:
            violations, incomplete = answers.get(r.url, ([], []))
            r.axe = axe_outcome([t for _, t in violations], [t for _, t in incomplete], r.case.axe_tags)
            r.axe_rules = sorted({rule for rule, tags in violations if set(tags) & set(r.case.axe_tags)})
            if r.url not in answers:
                r.axe = "cantTell"
    return ActRun(results, axe_version, time.monotonic() - started)


def checkout_policy(urls: list[str]) -> EgressPolicy:
    """The served checkout's loopback endpoint(s) and nothing else."""
    return EgressPolicy.replica({(t.host, t.port) for t in map(target_of, urls)})


def _served(url: str, policy: EgressPolicy) -> tuple[int, dict[str, str], str]:
    from ashyq.net.crawl_config import load_crawl_config
    from ashyq.net.fetch import GuardedClient

    answer = GuardedClient(policy, load_crawl_config().user_agent(), timeout=20).get(url)
    return answer.status, dict(answer.headers), answer.text()


# the reading of item 3.4 the ACT cases test (WCAG 2.4.1); the edition's default is narrower
ACT_INTERPRETATIONS = {"a14-skip-link": "any-bypass"}


def tool_findings(urls: list[str], as_of: date, watch_ms: int | None = None) -> dict[str, dict[str, Any]]:
    """URL → {Appendix 14 item → its finding}: the gather step over all pages, then the checks per page."""
    from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
    from ashyq.checks.registry import run_checks
    from ashyq.gather.pages import gather_pages
    from ashyq.gather.visits import GatherSettings

    if not urls:
        return {}
    policy = checkout_policy(urls)
    overrides: dict[str, Any] = {"watch_ms": watch_ms} if watch_ms is not None else {}
    settings = GatherSettings.from_config(policy=policy, mobile=False, focus_pages=len(urls), **overrides)
    gathered = gather_pages(urls, settings, sample=False)
    rendered = {p.url: p for p in gathered.pages}
    out: dict[str, dict[str, Any]] = {}
    for url in urls:
        status, headers, served = _served(url, policy)
        page = rendered.get(url)
        snapshot = PageSnapshot(
            url=url,
            lang=None,
            html=page.html if page is not None else served,
            status=status,
            final_url=page.final_url if page is not None else url,
            depth=0,
            title=page.title if page is not None else None,
            headers=headers,
            rendered=page is not None,
            source="act",
            screenshots=page.screenshots if page is not None else {},
        )
        artifacts = BodyArtifacts(
            body_id="act",
            kind="cgo",
            as_of=as_of,
            site_urls=(url,),
            pages=[snapshot],
            measurements=[m for m in gathered.measurements if m.url == url],
            failures=[f for f in gathered.failures if getattr(f, "url", None) == url],
            config={"interpretations": dict(ACT_INTERPRETATIONS)},
        )
        out[url] = {r.item: r for r in run_checks(artifacts, only_items=ITEMS) if r.item in ITEMS}
    return out


Answer = tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]


def axe_results(urls: list[str], timeout_ms: int = 15_000) -> tuple[str, dict[str, Answer]]:
    """Plain axe-core on each page: URL → (violations, incomplete) as (rule id, tags)."""
    return asyncio.run(_axe_results(urls, timeout_ms)) if urls else ("unknown", {})


async def _axe_results(urls: list[str], timeout_ms: int) -> tuple[str, dict[str, Answer]]:
    from ashyq.gather.axe import axe_script
    from ashyq.net.browser import open_browser

    out: dict[str, Answer] = {}
    version = "unknown"
    async with open_browser(checkout_policy(urls)) as session:
        context: Any = None
        for n, url in enumerate(urls):
            if n % 25 == 0:
                if context is not None:
                    await context.close()
                context = await session.new_context()
            page = await context.new_page()
            page.set_default_timeout(timeout_ms)
            try:
                await session.goto(page, url, wait_until="load")
                await page.wait_for_timeout(250)
                await page.add_script_tag(path=str(axe_script()))
                answer = await page.evaluate(AXE_EVAL)
            except Exception:  # no answer: the case counts as "cannot tell"
                continue
            finally:
                await page.close()
            version = answer["version"]
            out[url] = (
                [(v["id"], tuple(v["tags"])) for v in answer["violations"]],
                [(v["id"], tuple(v["tags"])) for v in answer["incomplete"]],
            )
        if context is not None:
            await context.close()
    return version, out
