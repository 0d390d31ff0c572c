"""``ashyq accuracy …``: how right the checks are.

* ``outside`` — agreement with the documented truth of the outside sites, first-seen figures (the
  committed data file) beside the figures measured now;
* ``act`` — the ACT Rules implementation report for Appendix 14 items 3.1–3.7, the tool beside plain
  axe-core, from a checkout of w3c/wcag-act-rules kept outside the repository;
* ``replica`` — the plumbing check against the replica world's ground truth;
* ``wording`` — the wording corpus through the real content checks (``accuracy_wording``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ashyq.cli.audit import StageProgress, err, usage_error
from ashyq.cli.console import command_console
from ashyq.pipeline.outputs import ensure_dir
from ashyq_replica.commands.accuracy_wording import wording_command
from ashyq_replica.commands.demo import replica_audit

console = command_console()

accuracy_app = typer.Typer(
    help="How right the checks are: outside sites, ACT test cases, replica plumbing, the wording corpus.",
    no_args_is_help=True,
)
accuracy_app.command("wording")(wording_command)


def pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.0%}"


def ratio(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


# ------------------------------------------------------------------------------------------ outside
OutOption = Annotated[Path, typer.Option(help="Output folder of the run.")]
NoBrowserOption = Annotated[bool, typer.Option("--no-browser", help="Skip browser measurements.")]
FirstSeenOnlyOption = Annotated[
    bool, typer.Option("--first-seen-only", help="Print the recorded figures; measure nothing.")
]
RecordFirstSeenOption = Annotated[
    bool,
    typer.Option("--record-first-seen", help="Record sites that have no first-seen figures yet (clean tree only)."),
]
DetailOption = Annotated[bool, typer.Option("--detail", help="List every verdict the tool disagrees with.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]
SiteOption = Annotated[
    list[str] | None, typer.Option("--site", help="Measure only this outside site (repeatable; default: all).")
]
CERTAINTY_NOTE = (
    "certain: the finding says certainty 'certain', or says none (findings and first-seen records from before "
    "the field existed count as certain); questions per body: the uncertain verdicts of a site, one body each"
)


@accuracy_app.command("outside")
def outside_command(
    out: OutOption = Path("out/accuracy-outside"),
    no_browser: NoBrowserOption = False,
    first_seen_only: FirstSeenOnlyOption = False,
    record_first_seen: RecordFirstSeenOption = False,
    detail: DetailOption = False,
    as_json: JsonOption = False,
    site: SiteOption = None,
) -> None:
    """Agreement with the outside sites' documented truth, per site, item and language: first-seen and current."""
    from ashyq_replica.accuracy import record
    from ashyq_replica.accuracy.outside import audit, compare, excluded
    from ashyq_replica.accuracy.summary import (
        first_seen_groups,
        outside_figures,
        pairs_from_record,
        truth_corrections,
        verdict_rows,
    )
    from ashyq_replica.core import DEFAULT_AS_OF
    from ashyq_replica.outside import truth_of
    from ashyq_replica.outside.folder import SITE_IDS

    only = list(site) if site else None
    unknown = sorted(set(only or ()) - set(SITE_IDS))
    if unknown:
        raise usage_error(f"no outside site {', '.join(unknown)}: one of {', '.join(SITE_IDS)}")
    data = record.load()
    truth = truth_of()
    first = pairs_from_record(data["outside"], truth)
    corrected = truth_corrections(data["outside"], truth)
    current: list[Any] = []
    run_note = ""
    if not first_seen_only:
        when = (
            _measured_at(record, world_as_of=DEFAULT_AS_OF.isoformat(), browser=not no_browser)
            if record_first_seen
            else None
        )
        out = out.resolve()
        db = f"sqlite:///{ensure_dir(out) / 'ashyq.sqlite'}"
        run = audit(DEFAULT_AS_OF, out, db, browser=not no_browser, progress=StageProgress(), only=only)
        current = compare(DEFAULT_AS_OF, run.findings, only)
        run_note = f"run {run.run_id} ({run.status}); " + ", ".join(f"{s}: {o}" for s, o in run.outcomes.items())
        if when is not None:
            added = [
                name
                for name in sorted({p.site for p in current})
                if record.add_outside(data, name, when, verdict_rows(p for p in current if p.site == name))
            ]
            if added:
                record.save(data)
                first = pairs_from_record(data["outside"], truth)
            err.print(f"first-seen recorded for: {', '.join(added) or 'nothing new'}", highlight=False)
        if detail:
            reasons = {(f["site"], f["item"], f["lang"]): f.get("reason") or "" for f in run.findings}
            _print_detail(current, reasons)
    if as_json:
        payload = {
            "first_seen": outside_figures(first, first_seen_groups(data["outside"])),
            "current": outside_figures(current, first_seen_groups(data["outside"])) if current else None,
            "measured_at": {name: e["measured_at"] for name, e in data["outside"].items()},
            "excluded": excluded(),
            "certainty": CERTAINTY_NOTE,
            "truth_corrections": corrected,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console.print(
        "[bold]Outside sites[/bold] — material the checks were not written against: agreement with the documented "
        "truth (a verdict agrees when the tool measured it and found a defect exactly where the truth has one).",
        highlight=False,
    )
    for name, entry in data["outside"].items():
        m = entry["measured_at"]
        console.print(f"first-seen {name}: commit {m['commit'][:12]}, {m['date']}", highlight=False)
    if run_note:
        console.print(f"current: {run_note}", highlight=False)
    if corrected:
        console.print(
            f"first-seen answers judged against the truth as it stands: {len(corrected)} verdict(s) corrected since "
            "they were recorded (" + ", ".join(f"{c['site']} {c['item']} {c['lang']}" for c in corrected) + ")",
            highlight=False,
        )
    _print_sites(first, current, first_seen_groups(data["outside"]))
    _print_items(first, current)
    _print_overall(first, current)
    console.print(CERTAINTY_NOTE, highlight=False)
    console.print("left out of the truth: " + "; ".join(f"{k} ({v})" for k, v in excluded().items()), highlight=False)


def _both(f: Any, c: Any, figure: Any) -> str:
    """'first-seen / current' of one figure of two tallies (either may be missing)."""
    return f"{figure(f) if f else '—'} / {figure(c) if c else '—'}"


def _print_sites(first: list[Any], current: list[Any], groups: dict[str, tuple[str, ...]]) -> None:
    """Per site, per group of sites first seen together, and all: first-seen / current."""
    from ashyq_replica.accuracy.compare import by_site, overall

    sites = Table(title="per site (first-seen / current)")
    for col in (
        "site",
        "verdicts",
        "agreement",
        "agreement of certain verdicts",
        "share certain",
        "questions per body",
        '"pass" everywhere',
        "not assessed",
    ):
        sites.add_column(col)
    first_sites, current_sites = by_site(first), by_site(current)
    rows = [
        (name, first_sites.get(name), current_sites.get(name)) for name in sorted(set(first_sites) | set(current_sites))
    ]
    for group, members in groups.items():  # a group's figures only when every site of it is there
        f_group = [p for p in first if p.site in members] if set(members) <= set(first_sites) else []
        c_group = [p for p in current if p.site in members] if set(members) <= set(current_sites) else []
        if f_group or c_group:
            rows.append((group, overall(f_group) if f_group else None, overall(c_group) if c_group else None))
    # "all": over the sites measured now when there is a run, so first-seen and current cover the same sites
    first_all = [p for p in first if p.site in current_sites] if current else first
    rows.append(("all", overall(first_all) if first_all else None, overall(current) if current else None))
    for name, f, c in rows:
        base = c or f
        assert base is not None
        sites.add_row(
            name,
            str(base.verdicts),
            _both(f, c, lambda t: ratio(t.agreement)),
            _both(f, c, lambda t: ratio(t.certain_agreement)),
            _both(f, c, lambda t: pct(t.certain_share)),
            _both(f, c, lambda t: str(t.questions))
            if name in first_sites or name in current_sites
            else _questions_mean(f, c, groups.get(name), first_all if name == "all" else first, current),
            ratio(base.baseline),
            _both(f, c, lambda t: pct(t.not_assessed)),
            style="bold" if name not in first_sites and name not in current_sites else None,
        )
    console.print(sites)


def _questions_mean(f: Any, c: Any, members: tuple[str, ...] | None, first: list[Any], current: list[Any]) -> str:
    """Questions per body over a group (``members``) or all sites (None): the mean of its sites' uncertain
    verdicts (a site is one body)."""
    from ashyq_replica.accuracy.compare import by_site

    def mean(pairs: list[Any], tally: Any) -> str:
        if tally is None:
            return "—"
        sites = {s: t for s, t in by_site(pairs).items() if members is None or s in members}
        return f"{sum(t.questions for t in sites.values()) / len(sites):.1f}" if sites else "—"

    return f"{mean(first, f)} / {mean(current, c)}"


def _print_items(first: list[Any], current: list[Any]) -> None:
    from ashyq_replica.accuracy.compare import by_item, item_order

    items = Table(title="per item and language (n = sites)")
    for col in ("item", "lang", "n", "first-seen", "current", '"pass" everywhere', "not assessed first / now"):
        items.add_column(col)
    first_items, current_items = by_item(first), by_item(current)
    for key in sorted(set(first_items) | set(current_items), key=lambda k: (item_order(k[0]), k[1])):
        f, c = first_items.get(key), current_items.get(key)
        base = c or f
        assert base is not None
        items.add_row(
            key[0],
            key[1],
            str(base.verdicts),
            ratio(f.agreement) if f else "—",
            ratio(c.agreement) if c else "—",
            ratio(base.baseline),
            _both(f, c, lambda t: pct(t.not_assessed)),
        )
    console.print(items)


def _print_overall(first: list[Any], current: list[Any]) -> None:
    from ashyq_replica.accuracy.compare import overall

    measured = {p.site for p in current}
    fo, co = overall([p for p in first if p.site in measured] if current else first), overall(current)
    both = co if current else fo
    console.print(
        f"overall binary agreement: first-seen {ratio(fo.agreement)}, "
        f"current {ratio(co.agreement) if current else '—'} "
        f'(answering "pass" everywhere: {ratio(both.baseline)}); certain verdicts: first-seen '
        f"{ratio(fo.certain_agreement)} agreement, {pct(fo.certain_share)} certain; current "
        f"{ratio(co.certain_agreement) if current else '—'} agreement, {pct(co.certain_share) if current else '—'} "
        f"certain; not assessed: first-seen {pct(fo.not_assessed)}, current {pct(co.not_assessed) if current else '—'}",
        highlight=False,
    )


def _measured_at(record: Any, **extra: Any) -> dict[str, Any]:
    try:
        when: dict[str, Any] = record.measured_at(**extra)
    except record.RecordError as error:
        raise usage_error(str(error)) from None
    return when


def _print_detail(pairs: list[Any], reasons: dict[tuple[str, str, str], str]) -> None:
    table = Table(title="verdicts the tool disagrees with")
    for col in ("site", "item", "lang", "truth", "tool", "tool's reason"):
        table.add_column(col)
    for p in pairs:
        if not p.agrees:
            table.add_row(
                p.site, p.item, p.lang, p.truth, p.tool or "no finding", reasons.get((p.site, p.item, p.lang), "")[:100]
            )
    console.print(table)


# ---------------------------------------------------------------------------------------------- ACT
@accuracy_app.command("act")
def act_command(
    checkout: Annotated[
        Path | None,
        typer.Argument(help="A checkout of w3c/wcag-act-rules (outside the repository); none: recorded figures only."),
    ] = None,
    rules: Annotated[str | None, typer.Option("--rules", help="Only these ACT rule ids, comma-separated.")] = None,
    record_first_seen: Annotated[
        bool,
        typer.Option("--record-first-seen", help="Record rules that have no first-seen figures yet (clean tree only)."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """ACT Rules report for Appendix 14 items 3.1–3.7: the tool beside plain axe-core, per rule."""
    from ashyq_replica.accuracy import record
    from ashyq_replica.accuracy.act_rules import CheckoutError
    from ashyq_replica.accuracy.summary import act_cases_from_record, act_figures, checkout_identity

    data = record.load()
    first_cases = act_cases_from_record(data["act"])
    current_cases: list[dict[str, Any]] = []
    note = ""
    if checkout is not None:
        from ashyq_replica.accuracy.act import run_act

        try:
            identity = checkout_identity(checkout)
        except CheckoutError as error:
            raise usage_error(str(error)) from None
        when = _measured_at(record, checkout=identity) if record_first_seen else None
        wanted = {r.strip() for r in rules.split(",")} if rules else None
        run = run_act(checkout, wanted, progress=lambda m: err.print(m, highlight=False))
        current_cases = [r.as_dict() for r in run.results]
        note = f"measured now: axe-core {run.axe_version}, {len(current_cases)} cases, {run.seconds:.0f} s"
        if when is not None:
            when = {**when, "axe_core": run.axe_version}
            added = [
                rule
                for rule in dict.fromkeys(c["rule"] for c in current_cases)
                if record.add_act(data, rule, when, [c for c in current_cases if c["rule"] == rule])
            ]
            if added:
                record.save(data)
                first_cases = act_cases_from_record(data["act"])
            err.print(f"first-seen recorded for {len(added)} rule(s)", highlight=False)
    first = act_figures(first_cases) if first_cases else None
    current = act_figures(current_cases) if current_cases else None
    if as_json:
        typer.echo(
            json.dumps({"first_seen": first, "current": current, "cases": current_cases}, ensure_ascii=False, indent=2)
        )
        return
    shown = current or first
    if shown is None:
        console.print("no ACT figures recorded yet: give a checkout of w3c/wcag-act-rules", highlight=False)
        return
    console.print(
        "[bold]ACT Rules[/bold] — W3C test cases of the rules behind Appendix 14 items 3.1–3.7 "
        f"({'current' if current else 'first-seen only: give a checkout to measure now'}). {note}",
        highlight=False,
    )
    table = Table(title="per rule: the tool beside plain axe-core")
    for col in ("rule", "name", "item", "cases", "tool", "why", "axe-core", "why "):
        table.add_column(col)
    for rule, entry in shown["rules"].items():
        table.add_row(
            rule,
            entry["name"][:48],
            entry["item"],
            str(entry["cases"]),
            entry["tool"]["consistency"],
            entry["tool"]["why"],
            entry["axe"]["consistency"],
            entry["axe"]["why"],
        )
    console.print(table)
    summary = Table(title="items 3.1–3.7")
    for col in ("", "recall", "precision", "consistent / partial / not implemented"):
        summary.add_column(col)
    for label, figures in (("first-seen", first), ("current", current)):
        if figures is None:
            continue
        for who, name in (("tool", "the tool"), ("axe", "plain axe-core")):
            f = figures[who]
            counts = " / ".join(str(v) for v in f["consistency"].values())
            summary.add_row(f"{label}: {name}", ratio(f["recall"]), ratio(f["precision"]), counts)
    console.print(summary)


# ------------------------------------------------------------------------------------------ replica
@accuracy_app.command("replica")
def replica_command(
    run: Annotated[
        str | None, typer.Option("--run", help="A demo run already in the store (default: run one).")
    ] = None,
    db: Annotated[str | None, typer.Option(help="Store URL.")] = None,
    out: Annotated[Path, typer.Option(help="Output folder when a run is made.")] = Path("out/accuracy"),
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Skip browser measurements.")] = False,
) -> None:
    """Plumbing check: precision and recall per item, kk and ru apart, against the replica's ground truth."""
    from ashyq.pipeline.results import findings_document
    from ashyq.store.db import session_scope
    from ashyq.store.models import Run
    from ashyq_replica.accuracy.replica import measure, totals
    from ashyq_replica.core import World

    world = World()
    if run is None:
        out = out.resolve()
        db = db or f"sqlite:///{ensure_dir(out) / 'ashyq.sqlite'}"
        run = replica_audit(world, out, db, browser=not no_browser, reports=False).run_id
    with session_scope(db) as session:
        found = session.get(Run, run)
        if found is None:
            raise usage_error(f"no run {run!r} in the store")
        # the bodies the run scored: subordinate organisations count through their parent's T9–T11
        assessed_ids = {b.id for b in world.bodies if b.kind != "subordinate"}
        bodies = [b for b in (found.body_ids or []) if b in assessed_ids]
        doc = findings_document(session, found, bodies)
    rows = measure(doc["findings"], world, set(bodies))
    table = Table(
        title=f"plumbing check (run {run}): the replica's own ground truth — the checks were written with it, "
        "so this proves the wiring, not accuracy"
    )
    for col in ("item", "lang", "TP", "FP", "FN", "not assessed", "precision", "recall", "missed", "spurious"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r.item,
            r.lang,
            str(r.true_positive),
            str(r.false_positive),
            str(r.false_negative),
            str(r.not_assessed),
            pct(r.precision),
            pct(r.recall),
            ", ".join(r.missed),
            ", ".join(r.spurious),
        )
    console.print(table)
    for lang, figures in sorted(totals(rows).items()):
        console.print(f"{lang}: precision {pct(figures['precision'])}, recall {pct(figures['recall'])}")
