"""What an RFC 3161 timestamp token in an evidence package proves, checked offline.

A token is a CMS ``SignedData`` over a ``TSTInfo``. It holds for a package when: its ``TSTInfo``
names SHA-256 and the package's datapackage digest; the signer's ``message-digest`` attribute is the
digest of that ``TSTInfo`` and its ``content-type`` is ``id-ct-TSTInfo``; the signature over the
signed attributes verifies with the signer's certificate (carried in the token); and, when the
verifier gives the authority's certificate, the signer's certificate is that one or is issued by it.
Then the package existed, as it is, at the token's ``genTime``: a time the operator cannot set.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from asn1crypto import cms, tsp
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

_HASHES: dict[str, hashes.HashAlgorithm] = {
    "sha256": hashes.SHA256(),
    "sha384": hashes.SHA384(),
    "sha512": hashes.SHA512(),
}


@dataclass(frozen=True)
class Stamp:
    time: str  # genTime, ISO 8601
    authority: str  # the signer certificate's subject
    serial: int


def _signer_certificate(signed: cms.SignedData, signer: cms.SignerInfo) -> x509.Certificate | None:
    sid = signer["sid"]
    for choice in signed["certificates"] if signed["certificates"].native is not None else []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if cert.issuer == wanted["issuer"] and cert.serial_number == wanted["serial_number"].native:
                return x509.load_der_x509_certificate(cert.dump())
        elif sid.name == "subject_key_identifier" and cert.key_identifier == sid.chosen.native:
            return x509.load_der_x509_certificate(cert.dump())
    return None


def _verify(certificate: x509.Certificate, signature: bytes, data: bytes, digest: str) -> None:
    key = certificate.public_key()
    algorithm = _HASHES[digest]
    if isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(algorithm))
    elif isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, data, padding.PKCS1v15(), algorithm)
    else:
        raise InvalidSignature(f"unsupported key {type(key).__name__}")


def _pinned_problem(certificate: x509.Certificate, pinned: x509.Certificate) -> str | None:
    if certificate.fingerprint(hashes.SHA256()) == pinned.fingerprint(hashes.SHA256()):
        return None
    try:
        certificate.verify_directly_issued_by(pinned)
    except (ValueError, TypeError, InvalidSignature):
        return "timestamp: the token is not signed by the given authority's certificate"
    return None


def check_token(
    token: bytes, digest_hex: str, pinned: x509.Certificate | None = None
) -> tuple[Stamp | None, str | None]:
    """The stamp, or the one-line reason the token does not prove the time of ``digest_hex``."""
    try:
        info = cms.ContentInfo.load(token)
        if info["content_type"].native != "signed_data":
            return None, "timestamp: the token is not a CMS SignedData"
        signed = info["content"]
        encapsulated = signed["encap_content_info"]
        if encapsulated["content_type"].native != "tst_info":
            return None, "timestamp: the token does not hold a TSTInfo"
        content = bytes(encapsulated["content"].contents)
        stamp = tsp.TSTInfo.load(content)
        imprint = stamp["message_imprint"]
        (signer,) = signed["signer_infos"]
        digest_name = signer["digest_algorithm"]["algorithm"].native
        attributes = {a["type"].native: a["values"] for a in signer["signed_attrs"]}
        signed_attrs = signer["signed_attrs"].dump()
        signature = signer["signature"].native
        time = stamp["gen_time"].native
        serial = int(stamp["serial_number"].native)
    except Exception as error:  # hostile input: any malformed token is one line, never a traceback
        return None, f"timestamp: the token cannot be read ({type(error).__name__})"
    if imprint["hash_algorithm"]["algorithm"].native != "sha256":
        return None, "timestamp: the token is not over a SHA-256 digest"
    if imprint["hashed_message"].native != bytes.fromhex(digest_hex):
        return None, "timestamp: the token is for another datapackage.json (the digest differs)"
    if digest_name not in _HASHES:
        return None, f"timestamp: unsupported digest {digest_name}"
    if "content_type" not in attributes or attributes["content_type"][0].native != "tst_info":
        return None, "timestamp: the signed content type is not TSTInfo"
    measured = hashlib.new(digest_name, content).digest()
    if "message_digest" not in attributes or attributes["message_digest"][0].native != measured:
        return None, "timestamp: the token's TSTInfo was changed after the authority signed it"
    certificate = _signer_certificate(signed, signer)
    if certificate is None:
        return None, "timestamp: the authority's certificate is not in the token"
    try:
        # the signature is over the signed attributes as a SET OF (tag 0x31), not as the [0] they are in
        _verify(certificate, signature, b"\x31" + signed_attrs[1:], digest_name)
    except (InvalidSignature, ValueError):
        return None, "timestamp: the authority's signature does not verify"
    if pinned is not None:
        problem = _pinned_problem(certificate, pinned)
        if problem:
            return None, problem
    subject = certificate.subject.rfc4514_string()
    return Stamp(time=time.isoformat().replace("+00:00", "Z"), authority=subject, serial=serial), None


def load_certificate(data: bytes) -> x509.Certificate:
    """A PEM or DER certificate (the authority's, as published)."""
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


def certificate_pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)
