"""The operator's signature over an evidence package: Ed25519 keys, signing and checking.

What is signed is the package's ``datapackage.json`` digest (``sha256:…``) together with the time
the package was made and the signer's name, as canonical JSON (sorted keys, no spaces). A verifier
needs the package and the operator's public key: the signing key travels in
``datapackage-digest.json``, but anyone can sign under the operator's name, so a signature counts
only when its key is one the verifier trusts (``verify --key``, or ``trusted_keys`` in ashyq.yaml).
Without one, ``verify`` shows the key's fingerprint (``ed25519:`` and the first 16 bytes of the
sha256 of the raw key, hex) to compare with the operator's published one, and fails.

The signature block's ``timestamp`` holds an RFC 3161 token over the same digest when a timestamp
authority was asked (ashyq/reports/timestamps.py checks it), else ``null`` and ``verify`` reports "no
timestamp". Key generation and rotation are described in docs/reports.md.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = "ed25519"
KEY_ENV = "ASHYQ_SIGNING_KEY"  # the private key file used by `evidence export` when --key is not given


class SigningError(ValueError):
    """A key that cannot be read or used (the message names the file and the problem)."""


def fingerprint(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return f"{ALGORITHM}:{hashlib.sha256(raw).hexdigest()[:32]}"


def public_b64(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def generate_key(private_path: Path, signer: str) -> tuple[Path, str]:
    """A new key pair: ``private_path`` (PKCS#8 PEM, mode 0600) and ``<private_path>.pub``.

    Returns the public key file and its fingerprint. Refuses to overwrite an existing key."""
    public_path = private_path.with_name(private_path.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            raise SigningError(f"{path}: already exists (a key is never overwritten; rotate to a new file)")
    key = Ed25519PrivateKey.generate()
    private_path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(pem)
    public = key.public_key()
    public_path.write_bytes(
        public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        + f"# signer: {signer}\n# fingerprint: {fingerprint(public)}\n".encode()
    )
    return public_path, fingerprint(public)


def _signer_from(pem: bytes) -> str:
    for line in pem.decode("utf-8", "replace").splitlines():
        if line.startswith("# signer:"):
            return line.removeprefix("# signer:").strip()
    return ""


def load_private_key(path: Path) -> tuple[Ed25519PrivateKey, str]:
    """The key and the signer's name (from the ``.pub`` beside it, else the file's stem)."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise SigningError(f"{path}: not a readable unencrypted PEM private key ({error})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path}: not an Ed25519 key")
    public_path = path.with_name(path.name + ".pub")
    signer = _signer_from(public_path.read_bytes()) if public_path.is_file() else ""
    return key, signer or path.stem


_PEM_BLOCK = re.compile(rb"-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----", re.DOTALL)
MAX_KEYS_FILE = 256 * 1024  # a few hundred public keys: the operator's current and earlier ones


def load_public_keys(path: Path) -> list[Ed25519PublicKey]:
    """Every Ed25519 public key of a PEM file: one ``.pub`` of ``keygen``, or several one after another
    (the current key and the earlier ones that signed packages still kept)."""
    try:
        with path.open("rb") as stream:
            text = stream.read(MAX_KEYS_FILE + 1)
    except OSError as error:
        raise SigningError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(text) > MAX_KEYS_FILE:
        raise SigningError(f"{path}: larger than {MAX_KEYS_FILE // 1024} KB: not a file of public keys")
    blocks = _PEM_BLOCK.findall(text)
    if not blocks:
        raise SigningError(f"{path}: holds no PEM public key (-----BEGIN PUBLIC KEY-----)")
    keys = []
    for number, block in enumerate(blocks, start=1):
        try:
            key = serialization.load_pem_public_key(block)
        except (ValueError, TypeError) as error:
            raise SigningError(f"{path}: key {number} is not a readable PEM public key ({error})") from None
        if not isinstance(key, Ed25519PublicKey):
            raise SigningError(f"{path}: key {number} is not an Ed25519 public key")
        keys.append(key)
    return keys


def _message(signed: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in signed.items() if k != "signature"}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sign(
    key: Ed25519PrivateKey, signer: str, digest: str, created: str, timestamp: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The ``signature`` block of ``datapackage-digest.json`` for a datapackage digest (with the
    authority's RFC 3161 token over the same digest, when one was asked: it is signed too)."""
    public = key.public_key()
    block: dict[str, Any] = {
        "algorithm": ALGORITHM,
        "hash": digest,
        "created": created,
        "signer": signer,
        "publicKey": public_b64(public),
        "fingerprint": fingerprint(public),
        "timestamp": timestamp,
    }
    block["signature"] = base64.b64encode(key.sign(_message(block))).decode("ascii")
    return block


@dataclass(frozen=True)
class Signed:
    signer: str  # the name the signature gives: anyone's claim until the key is a trusted one
    fingerprint: str
    created: str
    timestamp: str | None
    pinned: bool = False  # the key is one of the keys the verifier trusts


def check(block: object, digest: str, trusted: Sequence[Ed25519PublicKey] = ()) -> tuple[Signed | None, str | None]:
    """The signer, or the one-line reason the signature does not hold for ``digest``. With ``trusted``
    keys, a signature by any other key does not hold; without, it holds but is not pinned."""
    if not isinstance(block, dict):
        return None, "unsigned: datapackage-digest.json carries no signature"
    if block.get("algorithm") != ALGORITHM:
        return None, f"signature: unknown algorithm {block.get('algorithm')!r}"
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(str(block.get("publicKey", "")), validate=True))
        signature = base64.b64decode(str(block.get("signature", "")), validate=True)
    except ValueError:
        return None, "signature: the public key or the signature is not valid base64 Ed25519"
    if block.get("hash") != digest:
        return None, "signature: signed for another datapackage.json (the digest differs)"
    try:
        public.verify(signature, _message(block))
    except InvalidSignature:
        return None, "signature does not verify: the package was changed after signing"
    expected = [fingerprint(key) for key in trusted]
    if expected and fingerprint(public) not in expected:
        return None, f"signature: signed by {fingerprint(public)}, not by the expected key {' or '.join(expected)}"
    # the timestamp's time is reported only once its token is checked (ashyq/reports/timestamps.py)
    signer, created = str(block.get("signer", "")), str(block.get("created", ""))
    return Signed(signer, fingerprint(public), created, None, pinned=bool(expected)), None
