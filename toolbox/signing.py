"""The one way the site signs what it hands out and reads back.

Everything is signed with Django's TimestampSigner under a purpose (its salt), so a token
made for one purpose is never accepted for another, and every reader of a token states
how old it may be.
"""

import base64
import functools
import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare


class TokenInvalid(Exception):
    """Not made by this site for this purpose: a guess, a tampered or a foreign token."""


class TokenExpired(TokenInvalid):
    """Made by this site for this purpose, but older than allowed."""


def make_token(payload: Any, *, purpose: str) -> str:
    """A URL-safe, timestamped token holding `payload` (anything JSON can hold)."""
    return signing.TimestampSigner(salt=purpose).sign_object(payload)


def read_token(token: str, *, purpose: str, max_age_seconds: float) -> Any:
    """The payload of a genuine token at most `max_age_seconds` old; raises otherwise."""
    signer = signing.TimestampSigner(salt=purpose)
    try:
        return signer.unsign_object(token, max_age=max_age_seconds)
    except signing.SignatureExpired:
        raise TokenExpired from None
    except signing.BadSignature:
        raise TokenInvalid from None
    except ValueError:
        # A well-signed token whose payload does not decode: treat it as foreign.
        raise TokenInvalid from None


def signature(value: str, *, purpose: str) -> str:
    """A signature of `value` alone, for forms that send the signed values separately:
    Django's Signer(salt=purpose).signature(value), with the keyed HMAC made once per
    purpose (the form guard signs on every page served from the cache)."""
    mac = _keyed_hmac(purpose, settings.SECRET_KEY).copy()
    mac.update(value.encode())
    return base64.urlsafe_b64encode(mac.digest()).strip(b"=").decode()


@functools.cache
def _keyed_hmac(purpose: str, secret: str):
    # As django.utils.crypto.salted_hmac(purpose + "signer", ..., algorithm="sha256").
    key = hashlib.sha256(f"{purpose}signer{secret}".encode()).digest()
    return hmac.new(key, digestmod=hashlib.sha256)


def has_valid_signature(value: str, given: str, *, purpose: str) -> bool:
    return constant_time_compare(signature(value, purpose=purpose), given)
