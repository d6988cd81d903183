"""The one way the site signs what it hands out and reads back.

Everything is signed with Django's TimestampSigner under a purpose (its salt), so a token
made for one purpose is never accepted for another, and every reader of a token states
how old it may be.
"""

from typing import Any

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
    """A signature of `value` alone, for forms that send the signed values separately."""
    return signing.Signer(salt=purpose).signature(value)


def has_valid_signature(value: str, given: str, *, purpose: str) -> bool:
    return constant_time_compare(signature(value, purpose=purpose), given)
