"""The administrator's pages: the accounts (add, give a role, disable, enable) and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from sqlalchemy import select
from starlette.responses import Response

from ashyq.pipeline.accounts import AccountError, account_lines, add_account, set_disabled, set_role
from ashyq.store.access import ROLES, AuditEntry
from ashyq.web.context import Context, redirect, roles

router = APIRouter(prefix="/admin")
AUDIT_PAGE = 500


def _users_page(ctx: Context, error: str | None = None, status_code: int = 200) -> Response:
    return ctx.render("users.html.j2", status_code, accounts=account_lines(ctx.db), roles=ROLES, error=error)


@router.get("/users")
def users(ctx: Context = Depends(roles("admin"))) -> Response:
    return _users_page(ctx)


@router.post("/users")
def add_user(
    username: Annotated[str, Form(max_length=64)],
    role: Annotated[str, Form(max_length=16)],
    password: Annotated[str, Form(max_length=1024)],
    body_id: Annotated[str, Form(max_length=64)] = "",
    subordinates: Annotated[bool, Form()] = False,
    ctx: Context = Depends(roles("admin")),
) -> Response:
    try:
        add_account(ctx.db, username.strip(), role, password, body_id or None, subordinates)
    except AccountError as refused:
        ctx.db.rollback()
        return _users_page(ctx, str(refused), 400)
    ctx.audit("user_add", target=username.strip(), role=role, body=body_id or None, subordinates=subordinates)
    ctx.commit()
    return redirect("/admin/users")


@router.post("/users/{username}/role")
def change_role(
    username: str,
    role: Annotated[str, Form(max_length=16)],
    body_id: Annotated[str, Form(max_length=64)] = "",
    subordinates: Annotated[bool, Form()] = False,
    ctx: Context = Depends(roles("admin")),
) -> Response:
    try:
        set_role(ctx.db, username, role, body_id or None, subordinates)
    except AccountError as refused:
        ctx.db.rollback()
        return _users_page(ctx, str(refused), 400)
    ctx.audit("user_role", target=username, role=role, body=body_id or None, subordinates=subordinates)
    ctx.commit()
    return redirect("/admin/users")


@router.post("/users/{username}/{change}")
def disable_user(username: str, change: str, ctx: Context = Depends(roles("admin"))) -> Response:
    if change not in ("disable", "enable"):
        return Response(status_code=404)
    try:
        set_disabled(ctx.db, username, change == "disable")
    except AccountError as refused:
        ctx.db.rollback()
        return _users_page(ctx, str(refused), 400)
    ctx.audit(f"user_{change}", target=username)
    ctx.commit()
    return redirect("/admin/users")


@router.get("/audit")
def audit_log(ctx: Context = Depends(roles("admin"))) -> Response:
    entries = ctx.db.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(AUDIT_PAGE)).all()
    return ctx.render("audit.html.j2", entries=entries)
