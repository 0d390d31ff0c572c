"""The outside sites' truth as a reader gets it: YAML data or a Markdown table per site."""

from __future__ import annotations

import yaml

from ashyq_replica.outside.folder import excluded, load_sites


def _as_of() -> str:
    return str(load_sites()[0].data["as_of"])


def outside_yaml() -> str:
    data = {
        "as_of": _as_of(),
        "excluded": excluded(),
        "sites": [
            {
                "id": s.id,
                "host": s.host,
                "kind": s.kind,
                "style": s.style,
                "verdicts": [
                    {
                        "item": v["item"],
                        "lang": None if v["lang"] == "-" else v["lang"],
                        "status": v["status"],
                        "reason": v["reason"],
                        "where": list(v["where"]),
                    }
                    for v in s.truth()
                ],
            }
            for s in load_sites()
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def outside_markdown() -> str:
    lines = [f"# The outside sites' truth (as of {_as_of()})", ""]
    for s in load_sites():
        verdicts = s.truth()
        passes = sum(v["status"] == "pass" for v in verdicts)
        lines += [
            f"## {s.id}: {s.host} ({s.kind.upper()})",
            "",
            f"{s.style}. {len(verdicts)} verdicts, {passes} pass.",
            "",
            "| item | lang | truth | reason |",
            "|---|---|---|---|",
        ]
        for v in verdicts:
            lang = "—" if v["lang"] == "-" else v["lang"]
            lines.append(f"| {v['item']} | {lang} | {v['status']} | {v['reason'].replace('|', '/')} |")
        lines.append("")
    lines.append("Left out: " + "; ".join(f"{k} ({v})" for k, v in excluded().items()))
    return "\n".join(lines) + "\n"
