"""Asking a timestamp authority (RFC 3161) to witness a digest, through the guarded client.

:func:`request_timestamp` sends a ``TimeStampReq`` for a SHA-256 digest (with a fresh nonce, asking
for the authority's certificate in the answer) as ``application/timestamp-query`` and returns the
``TimeStampToken`` of a granted answer (DER), after checking that it answers this request: the same
digest and nonce. What the token proves is checked by whoever reads it (``ashyq.reports.timestamps``).
"""

from __future__ import annotations

import secrets

from asn1crypto import algos, cms, core, tsp

from ashyq.net.egress import EgressPolicy
from ashyq.net.fetch import GuardedClient
from ashyq.net.urlmap import BaseUrlMap

MAX_ANSWER = 1 << 20  # a token with its certificates is a few kilobytes


class TimeStampResp(core.Sequence):
    """RFC 3161's answer, its token optional as the RFC has it (a refusal carries only its status)."""

    _fields = [("status", tsp.PKIStatusInfo), ("time_stamp_token", cms.ContentInfo, {"optional": True})]  # noqa: RUF012 - asn1crypto's structure


class TimestampError(RuntimeError):
    """The authority gave no token for the digest (refused, unreachable, or not an answer to it)."""


def timestamp_request(digest_hex: str, nonce: int) -> bytes:
    return tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": tsp.MessageImprint(
                {
                    "hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                    "hashed_message": bytes.fromhex(digest_hex),
                }
            ),
            "nonce": nonce,
            "cert_req": True,
        }
    ).dump()


def request_timestamp(
    url: str,
    digest_hex: str,
    user_agent: str,
    url_map: BaseUrlMap | None = None,
    policy: EgressPolicy | None = None,
    timeout: float = 30.0,
) -> bytes:
    """The authority's token over ``digest_hex`` (a SHA-256, hex); :class:`TimestampError` if none."""
    url_map = url_map or BaseUrlMap()
    client = GuardedClient(
        policy or url_map.policy(), user_agent, url_map=url_map, timeout=timeout, max_bytes=MAX_ANSWER
    )
    nonce = secrets.randbits(63)
    try:
        answer = client.request(
            url,
            "POST",
            {"Content-Type": "application/timestamp-query", "Accept": "application/timestamp-reply"},
            body=timestamp_request(digest_hex, nonce),
        )
    except Exception as error:  # a Refusal or a FetchError: the reason is the error's own line
        raise TimestampError(f"timestamp authority {url}: {error}") from None
    if answer.status != 200 or answer.truncated:
        raise TimestampError(f"timestamp authority {url}: HTTP {answer.status}")
    try:
        response = TimeStampResp.load(answer.body)
        status = response["status"]["status"].native
        token = response["time_stamp_token"]
        if status not in ("granted", "granted_with_mods") or isinstance(token, core.Void):
            text = response["status"]["status_string"].native or status
            raise TimestampError(f"timestamp authority {url}: not granted ({text})")
        info = token["content"]["encap_content_info"]["content"].parsed
        imprint = info["message_imprint"]
        same = imprint["hashed_message"].native == bytes.fromhex(digest_hex) and info["nonce"].native == nonce
    except TimestampError:
        raise
    except Exception as error:  # not DER, or not a TimeStampResp: the authority's answer is unusable
        raise TimestampError(f"timestamp authority {url}: not a timestamp answer ({type(error).__name__})") from None
    if not same:
        raise TimestampError(f"timestamp authority {url}: the token is not for this digest and nonce")
    return bytes(token.dump())
