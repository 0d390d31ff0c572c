"""What ``ashyq serve`` runs with: the store, the output folder its evidence files are under, the key
that signs its cookies, how long a session lives, the cookies' Secure flag, the sign-in limits, the
replay origin and, optionally, the identity provider. Read from ``serve:`` of ``ashyq.yaml``
(ashyq.config.operator)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from ashyq.config.operator import LoadedConfig, OidcSettings

SECRET_VARIABLE = "ASHYQ_SECRET_KEY"
MIN_SECRET = 32  # bytes of the key's text


class SettingsError(ValueError):
    """The served application cannot start with these settings, said in a sentence."""


@dataclass(frozen=True)
class WebSettings:
    db: str | None  # the store URL (None: ASHYQ_DB_URL or out/ashyq.sqlite)
    data_dir: Path  # the output folder the runs' evidence files are under
    secret_key: str
    idle: timedelta = timedelta(minutes=30)  # a session unused this long ends
    absolute: timedelta = timedelta(hours=12)  # and any session ends this long after sign-in
    secure_cookies: bool = False  # behind TLS: cookies only over https (and the __Host- prefix)
    # sign-in attempts that fail, per account name and per client address (the ``limits`` notation)
    login_per_account: str = "5 per 15 minutes"
    login_per_address: str = "30 per 15 minutes"
    login_storage: str = "memory://"  # where they are counted: a Redis shares the counts between processes
    oidc: OidcSettings | None = None
    oidc_secret: str | None = None
    signing_key: Path | None = None  # signs the evidence packages verifiers download (none: not served)
    # where the archived pages are replayed (ashyq.web.replay_origin): the replay origin's address as browsers
    # reach it (none: no replay listener, the sandboxed static copy only) and how long a link to it lives
    replay_origin: str | None = None
    replay_token: timedelta = timedelta(minutes=30)
    ephemeral_key: bool = field(default=False)  # no key was configured: one made for this process


def read_secret(loaded: LoadedConfig) -> tuple[str, bool]:
    """The key from ``serve.secret_key_file``, else $ASHYQ_SECRET_KEY, else one made for this process
    only (its sessions end when it stops); True in the second place when made."""
    configured = loaded.config.serve.secret_key_file
    if configured is not None:
        path = loaded.relative(configured)
        try:
            key = path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise SettingsError(f"serve.secret_key_file {path}: {error.strerror or error}") from None
    else:
        key = os.environ.get(SECRET_VARIABLE, "").strip()
    if not key:
        return secrets.token_urlsafe(48), True
    if len(key) < MIN_SECRET:
        raise SettingsError(f"the secret key has {len(key)} characters: give at least {MIN_SECRET} (random)")
    return key, False


def settings_from(loaded: LoadedConfig, db: str | None, data_dir: Path) -> WebSettings:
    serve = loaded.config.serve
    key, made = read_secret(loaded)
    oidc_secret = None
    if serve.oidc is not None:
        path = loaded.relative(serve.oidc.client_secret_file)
        try:
            oidc_secret = path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise SettingsError(f"serve.oidc.client_secret_file {path}: {error.strerror or error}") from None
    return WebSettings(
        db=db,
        data_dir=data_dir,
        secret_key=key,
        idle=timedelta(minutes=serve.idle_minutes),
        absolute=timedelta(hours=serve.absolute_hours),
        secure_cookies=serve.secure_cookies,
        login_storage=serve.rate_limit_storage,
        oidc=serve.oidc,
        oidc_secret=oidc_secret,
        signing_key=loaded.relative(serve.signing_key_file) if serve.signing_key_file else None,
        replay_origin=serve.replay_url,
        replay_token=timedelta(minutes=serve.replay_token_minutes),
        ephemeral_key=made,
    )
