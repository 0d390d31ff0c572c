"""Sign-in through the ministry's identity provider (``serve.oidc`` of ashyq.yaml; the ``oidc`` extra).

The provider proves who a person is; the accounts say what they may see: the claim ``username_claim``
names an account that must exist and be active (``ashyq users add NAME ROLE --no-password``). The
sign-in's state, nonce and PKCE verifier travel in a signed cookie that lives ten minutes."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, HTTPException
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.responses import Response

from ashyq.pipeline.accounts import find_account
from ashyq.web.context import Context, context, redirect
from ashyq.web.routes.auth import home_of, local_path

router = APIRouter(prefix="/oidc")
COOKIE = "ashyq_oidc"
LIFETIME = 600  # seconds from the redirect to the provider to the way back


def _signer(ctx: Context) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(ctx.settings.secret_key, salt="ashyq.oidc")


def _configured(ctx: Context) -> None:
    if ctx.settings.oidc is None or ctx.settings.oidc_secret is None:
        raise HTTPException(status_code=404)


@router.get("/login")
def oidc_login(ctx: Context = Depends(context), next: str | None = None) -> Response:
    _configured(ctx)
    from ashyq.net.oidc import OidcError, authorization_url, discover

    oidc = ctx.settings.oidc
    assert oidc is not None
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    try:
        provider = discover(oidc.issuer)
    except OidcError as error:
        ctx.audit("sign_in_failed", method="oidc", problem=str(error))
        ctx.commit()
        raise HTTPException(status_code=502, detail="the identity provider cannot be reached") from None
    callback = str(ctx.request.url_for("oidc_callback"))
    response = redirect(authorization_url(provider, oidc.client_id, callback, oidc.scopes, state, nonce, verifier))
    kept = _signer(ctx).dumps({"state": state, "nonce": nonce, "verifier": verifier, "next": next or ""})
    # Lax, not Strict: the provider's redirect back is a navigation from its site
    response.set_cookie(COOKIE, kept, max_age=LIFETIME, path="/oidc/", httponly=True, samesite="lax",
                        secure=ctx.settings.secure_cookies)  # fmt: skip
    return response


@router.get("/callback", name="oidc_callback")
def oidc_callback(ctx: Context = Depends(context), code: str = "", state: str = "") -> Response:
    _configured(ctx)
    from ashyq.net.oidc import OidcError, discover, signed_in_claims

    oidc = ctx.settings.oidc
    assert oidc is not None and ctx.settings.oidc_secret is not None
    try:
        kept = _signer(ctx).loads(ctx.request.cookies.get(COOKIE, ""), max_age=LIFETIME)
    except BadSignature:
        raise HTTPException(status_code=400, detail="the sign-in took too long or did not start here") from None
    if not isinstance(kept, dict) or not code or not secrets.compare_digest(str(kept.get("state")), state):
        raise HTTPException(status_code=400, detail="the sign-in's state does not match")
    callback = str(ctx.request.url_for("oidc_callback"))
    try:
        provider = discover(oidc.issuer)
        claims = signed_in_claims(
            provider, oidc.client_id, ctx.settings.oidc_secret, callback, code, kept["verifier"], kept["nonce"]
        )
    except OidcError as error:
        ctx.audit("sign_in_failed", method="oidc", problem=str(error))
        ctx.commit()
        raise HTTPException(status_code=401, detail="the identity provider's answer is refused") from None
    name = str(claims.get(oidc.username_claim) or "")
    account = find_account(ctx.db, name) if name else None
    if account is None or not account.active:
        ctx.audit("sign_in_failed", username=name[:64] or None, method="oidc", subject=str(claims.get("sub")))
        ctx.commit()
        raise HTTPException(status_code=401, detail="no active account has this name")
    response = redirect(local_path(str(kept.get("next") or ""), home_of(account.role)))
    response.delete_cookie(COOKIE, path="/oidc/")
    ctx.cookies.begin(ctx.db, account, ctx.address, response)
    ctx.audit("sign_in", account=account, method="oidc", subject=str(claims.get("sub")))
    ctx.commit()
    return response
