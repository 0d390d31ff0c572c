"""The options several commands share: which bodies, where the output and the store are, the edition,
the replica map, the audit's date. A command that has one names it the same way as every other."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

RegistryOption = Annotated[
    str | None,
    typer.Option(
        help="Registry: kz, a YAML file (e.g. from `ashyq bodies sync`), or demo with --replica-map. "
        "Default: `registry:` of ashyq.yaml; there is no other default."
    ),
]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Output folder (default: `out:` of ashyq.yaml, or ./out).")
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store URL (default: `store:` of ashyq.yaml, ASHYQ_DB_URL or out/ashyq.sqlite)."),
]
EditionOption = Annotated[str, typer.Option(help="Methodology edition.")]
ReplicaMapOption = Annotated[str | None, typer.Option("--replica-map", help="Base-URL map: replica mode.")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Audit date YYYY-MM-DD (default today).")]
