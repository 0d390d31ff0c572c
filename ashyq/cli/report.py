"""``ashyq report …`` (conclusion, dashboard, export, disagreements) and ``ashyq evidence keygen|export|verify``.

Reports only read the store (``--db``, default ``ASHYQ_DB_URL``) and the run's files under the
output folder (``--data``, where ``runs/<run>/warc/…`` and the screenshots are).
Exit codes: 0 done (``evidence verify``: intact and signed by a trusted key), 1 ``evidence verify``
found a problem (or no trusted key to check the signer against), 2 usage error (unknown run, body or
score, an unreadable key file).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ashyq.cli.console import command_console
from ashyq.cli.operator import choose_lang, choose_out, choose_store, operator_config
from ashyq.cli.options import DbOption
from ashyq.cli.outputs import output_file
from ashyq.pipeline.addresses import ReplicaMapError
from ashyq.pipeline.run_outputs import (
    timestamper,
    write_conclusions,
    write_dashboard,
    write_disagreements,
    write_evidence_package,
    write_export,
)
from ashyq.reports.body_report import ReportError
from ashyq.reports.bundle import TimestampRefused, verify_bundle
from ashyq.reports.exports import TABLES
from ashyq.reports.signing import KEY_ENV, Signed, SigningError, generate_key, load_private_key, load_public_keys
from ashyq.reports.timestamps import load_certificate

report_app = typer.Typer(help="Conclusions, the dashboard and exports of a run.", no_args_is_help=True)
evidence_app = typer.Typer(
    help="Evidence packages (signed WACZ): keys, export one body's evidence, verify.", no_args_is_help=True
)
errors = command_console(stderr=True)
TSA_ENV = "ASHYQ_TSA_URL"
USAGE_ERROR = 2


class ReportLanguage(StrEnum):
    ru = "ru"
    kk = "kk"
    en = "en"


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


class ExportTable(StrEnum):
    ranking = "ranking"
    criteria = "criteria"
    findings = "findings"
    reconciliation = "reconciliation"


assert {t.value for t in ExportTable} == set(TABLES)

RunOption = Annotated[str, typer.Option("--run", help="Run id, or 'last' for the last complete run.")]
BodyOption = Annotated[str, typer.Option("--body", help="Body id.")]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data", help="Output folder of the runs (runs/<run>/warc, screenshots); default `out:` of ashyq.yaml."
    ),
]
LangOption = Annotated[
    ReportLanguage | None,
    typer.Option(
        "--lang", help="Language of the labels (default: $ASHYQ_LANG, else language: of ashyq.yaml, else ru)."
    ),
]


def _fail(message: str) -> typer.Exit:
    errors.print(f"[red]error:[/red] {message}")
    return typer.Exit(USAGE_ERROR)


@report_app.command("conclusion")
def conclusion_command(
    run: RunOption,
    body: BodyOption,
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder for the HTML and PDF files.")],
    lang: Annotated[
        list[ReportLanguage] | None, typer.Option("--lang", help="ru, kk or en (repeat; default ru and kk).")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also print a PDF (WeasyPrint).")] = True,
    db: DbOption = None,
) -> None:
    """The conclusion on one body (Appendix 8): HTML and PDF, in Russian and Kazakh."""
    languages = [x.value for x in (lang or [ReportLanguage.ru, ReportLanguage.kk])]
    try:
        paths = write_conclusions(choose_store(db), run, body, languages, out, pdf)
    except ReportError as error:
        raise _fail(str(error)) from None
    for path in paths:
        typer.echo(str(path))


@report_app.command("dashboard")
def dashboard_command(
    run: RunOption,
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder of the static site.")],
    lang: LangOption = None,
    data: DataOption = None,
    db: DbOption = None,
) -> None:
    """A static site of the run (opens from disk): ranking, charts, history, findings, evidence."""
    try:
        index = write_dashboard(choose_store(db), run, choose_out(data), out, choose_lang(lang))
    except ReportError as error:
        raise _fail(str(error)) from None
    typer.echo(str(index))


@report_app.command("export")
def export_command(
    run: RunOption,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="xlsx (every table), csv (one table), json.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="File to write.")],
    lang: LangOption = None,
    table: Annotated[ExportTable, typer.Option("--table", help="The table a CSV holds.")] = ExportTable.ranking,
    db: DbOption = None,
) -> None:
    """The run's ranking, criteria, findings and reconciliation act as XLSX, CSV or JSON."""
    output_file(out, (f".{fmt.value}",), choose_store(db))
    try:
        path = write_export(choose_store(db), run, fmt.value, out, choose_lang(lang), table.value)
    except ReportError as error:
        raise _fail(str(error)) from None
    typer.echo(str(path))


@report_app.command("disagreements")
def disagreements_command(
    run: RunOption,
    body: BodyOption,
    out: Annotated[Path, typer.Option("-o", "--out", help="XLSX file to write.")],
    lang: LangOption = None,
    db: DbOption = None,
) -> None:
    """The table of disagreements (appeal form) pre-filled with every finding that lost points."""
    output_file(out, (".xlsx",), choose_store(db))
    try:
        path = write_disagreements(choose_store(db), run, body, choose_lang(lang), out)
    except ReportError as error:
        raise _fail(str(error)) from None
    typer.echo(str(path))


@evidence_app.command("keygen")
def evidence_keygen_command(
    out: Annotated[Path, typer.Option("-o", "--out", help="The private key file to write (and <file>.pub).")],
    signer: Annotated[str, typer.Option("--signer", help="Who signs: the operator's name, shown by verify.")],
) -> None:
    """A new Ed25519 signing key (never overwrites one; rotation: docs/reports.md)."""
    try:
        public, print_ = generate_key(out, signer)
    except SigningError as error:
        raise _fail(str(error)) from None
    typer.echo(f"{public}  {print_}")


@evidence_app.command("export")
def evidence_export_command(
    run: RunOption,
    body: BodyOption,
    out: Annotated[Path, typer.Option("-o", "--out", help="The package (.wacz) to write.")],
    key: Annotated[
        Path | None, typer.Option("--key", help=f"The operator's private key (default: {KEY_ENV}).", envvar=KEY_ENV)
    ] = None,
    unsigned: Annotated[bool, typer.Option("--unsigned", help="Write without a signature (verify will fail).")] = False,
    tsa: Annotated[
        str | None,
        typer.Option(
            "--tsa",
            help=f"An RFC 3161 timestamp authority's URL (default: {TSA_ENV}, else `tsa:` of ashyq.yaml); "
            "needs a signed package.",
            envvar=TSA_ENV,
        ),
    ] = None,
    replica_map: Annotated[
        str | None, typer.Option("--replica-map", help="Base-URL map (file or JSON): the authority is a replica's.")
    ] = None,
    data: DataOption = None,
    db: DbOption = None,
) -> None:
    """One body's evidence of a run as a signed WACZ (WARC, CDXJ index, pages, findings, screenshots)."""
    if key is None and not unsigned:
        raise _fail(f"no signing key: pass --key FILE or set {KEY_ENV} (make one with `ashyq evidence keygen`)")
    tsa = tsa or operator_config().config.tsa
    if tsa and key is None:
        raise _fail("--tsa: the timestamp is kept in the signature, so an unsigned package cannot have one")
    output_file(out, (".wacz",), choose_store(db))
    try:
        stamps = timestamper(tsa, replica_map) if tsa else None
        private, signer = load_private_key(key) if key is not None else (None, "")
        contents = write_evidence_package(choose_store(db), run, body, choose_out(data), out, private, signer, stamps)
    except (ReportError, SigningError, TimestampRefused, ReplicaMapError) as error:
        raise _fail(str(error)) from None
    for missing in contents.missing:
        errors.print(f"[yellow]not in the package:[/yellow] {missing}")
    typer.echo(str(out))


@evidence_app.command("verify")
def evidence_verify_command(
    bundle: Annotated[Path, typer.Argument(help="The package (.wacz) to check.", exists=True, dir_okay=False)],
    key: Annotated[
        Path | None,
        typer.Option(
            "--key",
            help="The operator's public key(s), PEM: the signature must be by one of them "
            "(default: `trusted_keys:` of ashyq.yaml; without either, verify fails: anyone can sign).",
        ),
    ] = None,
    tsa_cert: Annotated[
        Path | None,
        typer.Option("--tsa-cert", help="The timestamp authority's certificate (PEM or DER): the token must be by it."),
    ] = None,
) -> None:
    """Print OK with the signer and time, or one line per problem (exit 1): also when no trusted key
    says whose the signature is."""
    keys = key or operator_config().trusted_keys
    try:
        trusted = load_public_keys(keys) if keys is not None else []
    except SigningError as error:
        raise _fail(f"{'--key' if key else 'trusted_keys of ashyq.yaml'}: {error}") from None
    try:
        authority = load_certificate(tsa_cert.read_bytes()) if tsa_cert is not None else None
    except (OSError, ValueError) as error:
        raise _fail(f"--tsa-cert: not a certificate ({type(error).__name__})") from None
    verdict = verify_bundle(bundle, trusted, authority)
    signed = verdict.signed
    if verdict.ok and signed is not None and signed.pinned:
        stamp = f"timestamped {signed.timestamp}" if signed.timestamp else "no timestamp"
        typer.echo(f"OK signed by {signed.signer} ({signed.fingerprint}) at {signed.created}; {stamp}")
        return
    for problem in verdict.problems:
        typer.echo(problem)
    if signed is not None and not signed.pinned:
        typer.echo(_not_pinned(signed))
    raise typer.Exit(1)


def _not_pinned(signed: Signed) -> str:
    """A valid signature by a key nobody said to trust: its name is the signer's own claim."""
    claimed = "".join(c if c.isprintable() else "?" for c in signed.signer)[:200]
    return (
        f"not pinned: signed by the key {signed.fingerprint} (calling itself {claimed!r}), which no trusted key "
        "confirms - anyone can sign under any name. Compare the fingerprint with the operator's published one "
        "and pass --key OPERATOR.pub, or list the key in `trusted_keys:` of ashyq.yaml (docs/reports.md)"
    )


# `ashyq report serve`: the published site of a run's reports, beside the commands that write them
from ashyq.cli.serve import serve_command  # noqa: E402

report_app.command("serve")(serve_command)
