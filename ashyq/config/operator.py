"""The operator's own settings: one file, ``ashyq.yaml``, that the people running the audits own.

It names who crawls (the contact every user agent carries, so a site owner can reach the operator),
where the store and the output folder are, which registry is audited by default, the timestamp
authority that witnesses evidence packages, the public keys ``evidence verify`` trusts, and the
politeness budget against the real systems.
The file is found in the usual places, first match wins:

1. ``--config FILE`` (the command line; it is passed on to child processes as ``ASHYQ_CONFIG``);
2. the ``ASHYQ_CONFIG`` environment variable;
3. ``./ashyq.yaml`` in the working folder;
4. ``/etc/ashyq/ashyq.yaml``.

Nothing here has a default that reaches the real systems: outside replica mode a missing contact, or
the placeholder one, is refused with a message that says where to set it (:func:`require_contact`).
A file that cannot be read or has a wrong field is refused whole, one line per problem.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ashyq.config.loader import KINDS, locate, read
from ashyq.config.loader import ConfigError as ConfigError  # the commands catch it by this name

# where the file is looked for, as the loader's table says (kind "operator")
CONFIG_VARIABLE = str(KINDS["operator"].variable)
DATA_VARIABLE = "ASHYQ_DATA"
FILE_NAME, _SYSTEM = KINDS["operator"].search
SYSTEM_FILE = Path(_SYSTEM)
SEARCHED = f"--config FILE, ${CONFIG_VARIABLE}, ./{FILE_NAME}, {SYSTEM_FILE}"
# What the project ships: it names nobody, so it is never accepted against the real systems.
PLACEHOLDER_CONTACT = "https://ashyq.example/crawler; crawler@ashyq.example"
# Names reserved for documentation and tests (RFC 2606, RFC 6761): nobody reads mail there.
_RESERVED_HOST = re.compile(r"(^|\.)(example|invalid|test|localhost)$|(^|\.)example\.(com|net|org)$", re.IGNORECASE)
_HOSTS = re.compile(r"(?:@|://)([A-Za-z0-9.-]+)")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PolitenessBudget(_Strict):
    """How hard the real systems are asked (replica mode keeps its own relaxed settings)."""

    concurrent_requests: int | None = Field(default=None, ge=1, le=64)
    per_host: int | None = Field(default=None, ge=1, le=8)
    download_delay: float | None = Field(default=None, ge=0.25, le=60)
    autothrottle_max_delay: float | None = Field(default=None, ge=1, le=300)
    max_pages_per_body: int | None = Field(default=None, ge=1, le=100_000)


class OidcSettings(_Strict):
    """Sign-in through the ministry's identity provider (OpenID Connect, the ``oidc`` extra): the
    provider's issuer (its discovery document is ``<issuer>/.well-known/openid-configuration``), this
    application's client, and the claim that names an account (an account must exist with that name:
    the provider proves who a person is, the accounts say what they may see)."""

    issuer: str
    client_id: str
    client_secret_file: Path  # a file holding the client secret (a relative path: the config file's folder's)
    username_claim: str = "preferred_username"
    scopes: str = "openid profile"
    label: str = "OpenID Connect"  # the sign-in button's text

    @field_validator("issuer")
    @classmethod
    def _issuer(cls, value: str) -> str:
        if not re.fullmatch(r"https?://[^\s/?#]+[^\s?#]*", value):
            raise ValueError("the issuer is an http(s) URL without a query")
        return value.rstrip("/")


RATE_LIMIT_STORAGES = ("memory", "redis", "rediss", "redis+unix", "redis+sentinel", "redis+cluster")


class ServeSettings(_Strict):
    """``ashyq serve``: the key that signs its cookies, how long a session lives, the cookies' Secure flag
    (behind TLS), the proxies whose X-Forwarded-For is believed and where failed sign-ins are counted."""

    secret_key_file: Path | None = None  # else $ASHYQ_SECRET_KEY; a relative path: the config file's folder's
    idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    absolute_hours: int = Field(default=12, ge=1, le=7 * 24)
    secure_cookies: bool = False  # True behind TLS (a proxy such as nginx terminating https)
    trusted_proxies: str = "127.0.0.1"  # uvicorn's forwarded_allow_ips
    # the operator's Ed25519 private key (ashyq evidence keygen) that signs the evidence packages verifiers
    # download; none: no package is served
    signing_key_file: Path | None = None
    oidc: OidcSettings | None = None
    # where failed sign-ins are counted (the ``limits`` storage notation): memory:// is one process's;
    # several processes (or machines) behind one proxy share a Redis's counts, e.g. the queue's
    # redis://localhost:6379/0
    rate_limit_storage: str = "memory://"
    # the replay origin (ashyq serve --replay-port) as browsers reach it behind a proxy, a host name of its
    # own (https://replay.ashyq.example.kz); none: the listener's own address. And how long a replay link
    # the application hands out opens the archive.
    replay_url: str | None = None
    replay_token_minutes: int = Field(default=30, ge=1, le=24 * 60)

    @field_validator("rate_limit_storage")
    @classmethod
    def _known_storage(cls, value: str) -> str:
        scheme = value.partition("://")[0]
        if not value.partition("://")[1] or scheme not in RATE_LIMIT_STORAGES:
            raise ValueError(f"a storage URI of {', '.join(s + '://' for s in RATE_LIMIT_STORAGES)}")
        return value


class OperatorConfig(_Strict):
    contact: str | None = None
    store: str | None = None  # SQLAlchemy URL of the store
    out: Path | None = None  # output folder
    registry: str | None = None  # the registry audited when a command is given none
    language: Literal["kk", "ru", "en"] | None = None  # of the commands' tables (ashyq language; else ru)
    tsa: str | None = None  # the RFC 3161 timestamp authority evidence packages are stamped by
    # the public keys (PEM, one or several) whose signatures `evidence verify` accepts without --key;
    # a relative path is the config file's folder's
    trusted_keys: Path | None = None
    politeness: PolitenessBudget = PolitenessBudget()
    serve: ServeSettings = ServeSettings()

    @field_validator("contact")
    @classmethod
    def _contact(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = " ".join(value.split())
        if "@" not in value and "://" not in value:
            raise ValueError("the contact is a URL or an e-mail address where site owners reach the operator")
        if len(value) > 200 or any(ch in value for ch in "()\r\n"):
            raise ValueError("the contact goes into the user agent: at most 200 characters, no brackets")
        return value

    @field_validator("tsa")
    @classmethod
    def _tsa(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", value):
            raise ValueError("the timestamp authority is an http(s) URL")
        return value


@dataclass(frozen=True)
class LoadedConfig:
    config: OperatorConfig
    path: Path | None  # the file it came from; None when no file was found

    @property
    def where(self) -> str:
        return str(self.path) if self.path else f"no file found (looked in: {SEARCHED})"

    @property
    def trusted_keys(self) -> Path | None:
        """``trusted_keys:`` of the file, a relative path taken from the file's folder."""
        keys = self.config.trusted_keys
        if keys is None or self.path is None:
            return keys
        return self.path.parent / keys.expanduser()

    def relative(self, path: Path) -> Path:
        """A path of the file, taken from the file's folder when relative."""
        path = path.expanduser()
        return path if path.is_absolute() or self.path is None else self.path.parent / path


class ContactRefused(Exception):
    """The real systems would be crawled without a way for their owners to reach the operator."""


def find_config(explicit: str | Path | None = None) -> Path | None:
    """The operator's file: ``explicit``, else ``$ASHYQ_CONFIG``, ``./ashyq.yaml``, ``/etc/ashyq/ashyq.yaml``.

    A file named explicitly (option or variable) must exist; the usual places are optional."""
    named = explicit or os.environ.get(CONFIG_VARIABLE)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            origin = "--config" if explicit else f"${CONFIG_VARIABLE}"
            raise ConfigError([f"{path}: no such file (given by {origin})"])
        return path
    return locate("operator")


def read_config(path: Path) -> OperatorConfig:
    """The operator's file, read by the one loader (kind ``operator``: size, depth and value limits,
    no aliases or tags, UTF-8): every problem is a line naming its place, never a traceback."""
    return OperatorConfig.model_validate(read("operator", path, schema=OperatorConfig))


_cache: dict[tuple[str, str], LoadedConfig] = {}


def load_config(explicit: str | Path | None = None) -> LoadedConfig:
    """The operator's settings as found now (cached per file and working folder)."""
    path = find_config(explicit)
    key = (str(path.resolve()) if path else "", str(Path.cwd()))
    if key not in _cache:
        _cache[key] = LoadedConfig(read_config(path) if path else OperatorConfig(), path)
    return _cache[key]


def use_config(explicit: str | Path) -> LoadedConfig:
    """Make ``explicit`` this process's config and its children's (they inherit ``ASHYQ_CONFIG``)."""
    loaded = load_config(explicit)
    assert loaded.path is not None
    os.environ[CONFIG_VARIABLE] = str(loaded.path.resolve())
    return loaded


def forget_loaded() -> None:
    """Read the files again on the next :func:`load_config` (tests change them)."""
    _cache.clear()


def is_placeholder(contact: str | None) -> bool:
    """No contact, or one that reaches nobody (the shipped placeholder, a reserved domain)."""
    if not contact or not contact.strip():
        return True
    hosts = _HOSTS.findall(contact)
    return not hosts or any(_RESERVED_HOST.search(host.rstrip(".")) for host in hosts)


def contact_for(replica: bool, explicit: str | Path | None = None) -> str:
    """The contact the user agents carry. Outside replica mode it must be the operator's own
    (:class:`ContactRefused` otherwise); in replica mode the placeholder will do."""
    loaded = load_config(explicit)
    contact = loaded.config.contact
    if not replica:
        require_contact(loaded)
    return contact if contact and not is_placeholder(contact) else PLACEHOLDER_CONTACT


def require_contact(loaded: LoadedConfig) -> str:
    contact = loaded.config.contact
    if not is_placeholder(contact):
        assert contact is not None
        return contact
    what = "is not set" if not contact else f"is a placeholder ({contact!r})"
    target = loaded.path or Path(FILE_NAME)
    raise ContactRefused(
        f"the operator's contact {what}: every request names whoever crawls, so site owners can reach them. "
        f'Set it in {target}, e.g. contact: "https://your-organisation.kz/ashyq; audit@your-organisation.kz" '
        f"(the config is looked for in: {SEARCHED}). Replica mode (--replica-map), an audit of your own site "
        "on a private address (--allow-private-addresses) and check-page on a local file need none."
    )


def data_folder() -> Path:
    """The per-user folder ashyq keeps the tools it downloads in (axe-core, the replay viewer):
    ``$ASHYQ_DATA``, else ``$XDG_DATA_HOME/ashyq``, else ``~/.local/share/ashyq``."""
    if os.environ.get(DATA_VARIABLE):
        return Path(os.environ[DATA_VARIABLE]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "ashyq"
