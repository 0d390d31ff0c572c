"""The signed evidence of a published conclusion, for verifiers: the body's WACZ of the run (the WARC
records its findings cite, their index, the findings, screenshots, the conclusion), signed with the
operator's key (``serve.signing_key_file``), as ``ashyq evidence export`` writes it and ``ashyq evidence
verify`` checks it. Made on each request, in a temporary folder removed once sent."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException
from starlette.background import BackgroundTask
from starlette.responses import FileResponse, Response

from ashyq.reports.body_report import ReportError
from ashyq.reports.bundle import export_bundle
from ashyq.reports.signing import SigningError, load_private_key
from ashyq.web.access import READERS, publication_or_404
from ashyq.web.context import Context, roles

router = APIRouter()


@router.get("/publications/{publication_id}/evidence.wacz")
def evidence_package(publication_id: int, ctx: Context = Depends(roles(*READERS))) -> Response:
    publication = publication_or_404(ctx, publication_id)
    if ctx.settings.signing_key is None:
        raise HTTPException(status_code=503, detail="this server has no signing key (serve.signing_key_file)")
    try:
        key, signer = load_private_key(ctx.settings.signing_key)
    except SigningError as error:
        raise HTTPException(status_code=503, detail=str(error)) from None
    folder = Path(tempfile.mkdtemp(prefix="ashyq-evidence-"))
    name = f"{publication.body_id}-{publication.run_id}.wacz"
    try:
        export_bundle(
            ctx.db,
            publication.run_id,
            publication.body_id,
            ctx.settings.data_dir,
            folder / name,
            key,
            signer,
            revision=publication.revision,  # what was published, not a later revision
        )
    except ReportError:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(status_code=404) from None
    ctx.audit("evidence_package", target=f"{publication.run_id}/{publication.body_id}", publication=publication.id)
    ctx.commit()
    return FileResponse(
        folder / name,
        media_type="application/wacz",
        filename=name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
