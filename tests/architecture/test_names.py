"""Module names follow the convention README.md "How it is organised" states: named for what they
hold, never for a role; two modules share a name only when they play the same part in different
rooms (the families below, each checked by hand when it was added)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROOMS = ("ashyq", "checks", "crawler", "scoring", "reports", "config")
ROLE = re.compile(r"(^|_)(base|common|shared|utils?|helpers?|support|misc)$")
# name → the part every module of that name plays in its room
FAMILIES = {
    "__init__": "a package",
    "indicators": "the registered checks of one methodology area",
    "records": "a portal's records as the checks of its area read them",
    "dataegov": "data.egov.kz in one stage (spider, parser, replica portal, replica content)",
    "budget": "budget.egov.kz in one stage",
    "legalacts": "legalacts.egov.kz in one stage",
    "dialog": "dialog.egov.kz in one stage",
    "govkz": "www.gov.kz in one stage (spider, parser)",
    "content": "what a replica site serves (classic sites, gov.kz)",
    "model": "the content types of a replica part (gov.kz, the portals)",
    "audit": "the audit: the command (cli) and the run's lifecycle (pipeline)",
    "bodies": "the body registry: the commands (cli), as the commands read it (pipeline) and the store",
    "vocabulary": "closed vocabularies: those every stage shares (base) and the store's own",
    "artifacts": "a body's artifacts: their types (base) and reading them from the store (pipeline)",
    "unified_list": "the Unified list of open data in one stage (official file, store, import, replica)",
    "entities": "www.gov.kz's list of entities in one stage (the harvest, the replica)",
    "operator": "the operator's ashyq.yaml: reading it (config) and what the commands take from it (cli)",
    "fetch": "fetching one page: the guarded HTTP client (net) and the declared links' polite fetcher on it (declared)",
    "outputs": "the files a command writes: the rule (base), the check before writing (cli), the writing (pipeline)",
    "appeal": "the appeal of a published conclusion: its tables (store), its commands (cli), its pages (web)",
    "access": "who may see what in the served application: its tables (store), the rule its pages apply (web)",
    "oidc": "sign-in through the identity provider: asking the provider (net), the pages (web)",
}


def _modules() -> list[Path]:
    out = []
    for room in ROOMS:
        for path in (ROOT / room).rglob("*.py"):
            if "migrations" in path.parts or (room == "ashyq" and path.parts[len(ROOT.parts) + 1] in ROOMS[1:]):
                continue  # the migrations' own names; a room linked into ashyq/ is walked as itself
            out.append(path)
    return out


def test_no_module_is_named_for_a_role() -> None:
    roles = [str(p.relative_to(ROOT)) for p in _modules() if ROLE.search(p.stem)]
    assert not roles, roles


def test_modules_share_a_name_only_within_a_family() -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in _modules():
        by_name[path.stem].append(str(path.relative_to(ROOT)))
    shared = {name: paths for name, paths in by_name.items() if len(paths) > 1 and name not in FAMILIES}
    assert not shared, f"same name, no stated common part (add it to FAMILIES if it is one): {shared}"
