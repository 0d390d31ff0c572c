"""A timestamp authority of the replica world (RFC 3161), served on loopback.

It answers a ``TimeStampReq`` posted as ``application/timestamp-query`` as a real authority does: a
``TimeStampResp`` whose token is a CMS ``SignedData`` over a ``TSTInfo`` (the request's message
imprint and nonce, a serial number, the time), signed with a P-256 key whose certificate (made at
start, extended key usage ``timeStamping``, critical) is in the token when the request asks for it.
A request it cannot read is answered ``rejection`` / ``badDataFormat``; a digest other than SHA-256
``badAlg``. The evidence package's timestamps are tested against it (``ashyq.net.timestamp``
asks, ``ashyq.reports.timestamps`` checks).
"""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import itertools
import threading
from types import TracebackType

from aiohttp import web
from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

POLICY = "1.3.6.1.4.1.99999.3161.1"  # the replica authority's own policy (a private-arc number)
BIND = "127.0.0.1"


class TimestampAuthority:
    """``with TimestampAuthority() as tsa: tsa.url`` - a running authority; ``tsa.certificate_pem``
    is what a verifier pins."""

    def __init__(self, name: str = "ashyq replica timestamp authority") -> None:
        self.name = name
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.UTC)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        self.certificate_pem = self.certificate.public_bytes(serialization.Encoding.PEM)
        self._asn1_cert = asn1_x509.Certificate.load(self.certificate.public_bytes(serialization.Encoding.DER))
        self._serials = itertools.count(1)
        self.issued = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name="replica-tsa", daemon=True)
        self._ready = threading.Event()
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://{BIND}:{self.port}/tsa"

    # ── the answer ──────────────────────────────────────────────────────────────────────────
    def answer(self, request_der: bytes, moment: datetime.datetime | None = None) -> bytes:
        try:
            request = tsp.TimeStampReq.load(request_der)
            imprint = request["message_imprint"]
            algorithm = imprint["hash_algorithm"]["algorithm"].native
            hashed = imprint["hashed_message"].native
            nonce = request["nonce"].native
            with_certificate = bool(request["cert_req"].native)
        except Exception:
            return _rejection("bad_data_format")
        if algorithm != "sha256" or len(hashed) != 32:
            return _rejection("bad_alg")
        info = tsp.TSTInfo(
            {
                "version": "v1",
                "policy": POLICY,
                "message_imprint": tsp.MessageImprint(
                    {"hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}), "hashed_message": hashed}
                ),
                "serial_number": next(self._serials),
                "gen_time": (moment or datetime.datetime.now(datetime.UTC)).replace(microsecond=0),
                **({"nonce": nonce} if nonce is not None else {}),
            }
        )
        token = self._sign(info.dump(), with_certificate)
        self.issued += 1
        return tsp.TimeStampResp({"status": tsp.PKIStatusInfo({"status": "granted"}), "time_stamp_token": token}).dump()

    def _sign(self, content: bytes, with_certificate: bool) -> cms.ContentInfo:
        attributes = cms.CMSAttributes(
            [
                cms.CMSAttribute({"type": "content_type", "values": ["tst_info"]}),
                cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(content).digest()]}),
                cms.CMSAttribute(
                    {
                        "type": "signing_certificate_v2",
                        "values": [
                            {"certs": [{"cert_hash": hashlib.sha256(self._asn1_cert.dump()).digest()}]},
                        ],
                    }
                ),
            ]
        )
        signature = self.key.sign(attributes.dump(), ec.ECDSA(hashes.SHA256()))
        signer = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier(
                    {
                        "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                            {"issuer": self._asn1_cert.issuer, "serial_number": self._asn1_cert.serial_number}
                        )
                    }
                ),
                "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                "signed_attrs": attributes,
                "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
                "signature": signature,
            }
        )
        signed = cms.SignedData(
            {
                "version": "v3",
                "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
                "encap_content_info": {"content_type": "tst_info", "content": core.ParsableOctetString(content)},
                **({"certificates": [self._asn1_cert]} if with_certificate else {}),
                "signer_infos": [signer],
            }
        )
        return cms.ContentInfo({"content_type": "signed_data", "content": signed})

    # ── serving ─────────────────────────────────────────────────────────────────────────────
    async def _handle(self, request: web.Request) -> web.Response:
        if request.content_type != "application/timestamp-query":
            return web.Response(status=415, text="application/timestamp-query expected")
        body = await request.content.read(64 * 1024)
        return web.Response(body=self.answer(body), content_type="application/timestamp-reply")

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_post("/tsa", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, BIND, 0)
        self._loop.run_until_complete(site.start())
        self.port = int(self._runner.addresses[0][1])
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    def __enter__(self) -> TimestampAuthority:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the replica timestamp authority did not start")
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)


class _Refusal(core.Sequence):
    """A ``TimeStampResp`` without a token (asn1crypto's own class requires one)."""

    _fields = [("status", tsp.PKIStatusInfo)]  # noqa: RUF012 - asn1crypto's structure


def _rejection(failure: str) -> bytes:
    status = tsp.PKIStatusInfo({"status": "rejection", "fail_info": tsp.PKIFailureInfo({failure})})
    return _Refusal({"status": status}).dump()
