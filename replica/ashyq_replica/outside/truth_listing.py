"""The outside sites' truth as a reader gets it: YAML data or a Markdown table per site."""

from __future__ import annotations

from datetime import date

import yaml

from ashyq_replica.outside import EXCLUDED, specs
from ashyq_replica.outside.model import truth


def outside_yaml(as_of: date) -> str:
    data = {
        "as_of": as_of.isoformat(),
        "excluded": dict(EXCLUDED),
        "sites": [
            {
                "id": s.id,
                "host": s.host,
                "kind": s.kind,
                "style": s.style,
                "verdicts": [
                    {"item": v.item, "lang": v.lang, "status": v.status, "reason": v.reason, "where": list(v.where)}
                    for v in truth(s)
                ],
            }
            for s in specs(as_of)
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def outside_markdown(as_of: date) -> str:
    lines = [f"# The outside sites' truth (as of {as_of.isoformat()})", ""]
    for s in specs(as_of):
        verdicts = truth(s)
        passes = sum(v.status == "pass" for v in verdicts)
        lines += [
            f"## {s.id}: {s.host} ({s.kind.upper()})",
            "",
            f"{s.style}. {len(verdicts)} verdicts, {passes} pass.",
            "",
            "| item | lang | truth | reason |",
            "|---|---|---|---|",
        ]
        lines += [f"| {v.item} | {v.lang or '—'} | {v.status} | {v.reason.replace('|', '/')} |" for v in verdicts]
        lines.append("")
    lines.append("Left out: " + "; ".join(f"{k} ({v})" for k, v in EXCLUDED.items()))
    return "\n".join(lines) + "\n"
