"""The figures the accuracy commands print and record, computed from stored or fresh answers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ashyq_replica.accuracy.act_report import CaseOutcome, by_rule, consistency, consistency_counts, scores
from ashyq_replica.accuracy.act_rules import ITEMS, assets_root
from ashyq_replica.accuracy.compare import Pair, Tally, by_item, by_site, overall


def pairs_from_record(outside: dict[str, Any], truth: dict[str, list[dict[str, Any]]] | None = None) -> list[Pair]:
    """The first-seen verdicts of every recorded site, as pairs: the tool's first answers as recorded.

    With ``truth`` (site → its documented verdicts, :func:`ashyq_replica.outside.truth_of`) each answer is
    judged against the truth as it stands now, so a truth verdict corrected after the first measurement
    (``truth_corrections`` lists them; the record keeps the truth as it was) counts the same in the
    first-seen and the current figures.
    """
    out = []
    for site, entry in outside.items():
        now = {(v["item"], v["lang"]): v["status"] for v in (truth or {}).get(site, ())}
        for v in entry["verdicts"]:
            status = now.get((v["item"], v["lang"]), v["truth"])
            # an entry recorded before findings carried a certainty has none: it counts as certain
            out.append(Pair(site, v["item"], v["lang"], status, v["tool"], v.get("certainty") != "uncertain"))
    return out


def truth_corrections(outside: dict[str, Any], truth: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Truth verdicts that differ from the truth recorded with the first-seen answers."""
    out = []
    for site, entry in outside.items():
        now = {(v["item"], v["lang"]): v["status"] for v in truth.get(site, ())}
        for v in entry["verdicts"]:
            status = now.get((v["item"], v["lang"]))
            if status is not None and status != v["truth"]:
                out.append({"site": site, "item": v["item"], "lang": v["lang"], "recorded": v["truth"], "now": status})
    return out


def verdict_rows(pairs: Iterable[Pair]) -> list[dict[str, Any]]:
    return [
        {
            "item": p.item,
            "lang": p.lang,
            "truth": p.truth,
            "tool": p.tool,
            "certainty": "certain" if p.certain else "uncertain",
        }
        for p in pairs
    ]


def tally_dict(t: Tally) -> dict[str, Any]:
    return {
        "verdicts": t.verdicts,
        "agreement": t.agreement,
        "exact_agreement": t.exact_agreement,
        "pass_everywhere": t.baseline,
        "not_assessed": t.not_assessed,
        "certain_agreement": t.certain_agreement,
        "certain_share": t.certain_share,
        "questions_per_body": t.questions,
    }


def first_seen_groups(outside: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The sites first seen together (at one commit), named by the date and commit: each group is material
    the checks met at the same moment, so its first-seen figures belong together."""
    groups: dict[str, tuple[str, ...]] = {}
    for site, entry in outside.items():
        m = entry["measured_at"]
        name = f"first seen {m['date']} ({m['commit'][:7]})"
        groups[name] = (*groups.get(name, ()), site)
    return groups


def outside_figures(pairs: list[Pair], groups: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    sites = by_site(pairs)
    whole = tally_dict(overall(pairs))
    # every site is one body: questions per body over all sites is the mean of the sites' questions
    whole["questions_per_body"] = sum(t.questions for t in sites.values()) / len(sites) if sites else None
    out_groups = {}
    for name, members in (groups or {}).items():
        if all(m in sites for m in members):  # a group is reported only when every site of it is measured
            group = [p for p in pairs if p.site in members]
            out_groups[name] = tally_dict(overall(group)) | {
                "questions_per_body": sum(sites[m].questions for m in members) / len(members)
            }
    return {
        "overall": whole,
        "groups": out_groups,
        "sites": {site: tally_dict(t) for site, t in by_site(pairs).items()},
        "items": {f"{item}|{lang}": tally_dict(t) for (item, lang), t in by_item(pairs).items()},
    }


def case_outcomes(cases: Iterable[dict[str, Any]], who: str) -> list[CaseOutcome]:
    """who: "tool", "tool_item" (the item's status alone, the first-seen yardstick) or "axe"."""
    return [CaseOutcome(c["rule"], c["item"], c["expected"], c[who]) for c in cases]


def act_figures(cases: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"rules": {}, "items": {}}
    whos = ["tool", "axe"] + (["tool_item"] if cases and all("tool_item" in c for c in cases) else [])
    for who in whos:
        outcomes = case_outcomes(cases, who)
        s = scores(outcomes)
        out[who] = {
            "recall": s.recall,
            "precision": s.precision,
            "found": s.found,
            "missed": s.missed,
            "false_alarms": s.false_alarms,
            "skipped": s.skipped,
            "consistency": consistency_counts(outcomes),
        }
        for item in ITEMS:
            si = scores(o for o in outcomes if o.item == item)
            out["items"].setdefault(item, {})[who] = {"recall": si.recall, "precision": si.precision}
        for rule, rule_cases in by_rule(outcomes).items():
            label, why = consistency(rule_cases)
            out["rules"].setdefault(rule, {"item": rule_cases[0].item, "cases": len(rule_cases)})[who] = {
                "consistency": label,
                "why": why,
            }
    names = {c["rule"]: c["rule_name"] for c in cases}
    for rule, entry in out["rules"].items():
        entry["name"] = names.get(rule, "")
    return out


def act_cases_from_record(act: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for entry in act.values() for c in entry["cases"]]


def checkout_identity(checkout: Path) -> dict[str, Any]:
    """What names a checkout without git: the digest of its test-case list."""
    listing = assets_root(checkout) / "testcases.json"
    return {"testcases_sha256": hashlib.sha256(listing.read_bytes()).hexdigest()}
