"""Flood control for comments, kept in the "ratelimit" cache (Redis in production).

Keys hold a keyed hash of the reader's network (IPv4 /24, IPv6 /48) and e-mail
address, never the values themselves, and expire when flood control is done with
them: after the flood window, or after the hour of the hourly limit.
"""

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac

from comments.text import client_network, forwarded_client

HOUR = 60 * 60


class Limit:
    FLOOD = "flood"
    HOURLY = "hourly"


def request_network(request) -> str:
    """The reader's network, truncated, behind the configured number of proxies."""
    address = forwarded_client(
        request.META.get("REMOTE_ADDR", ""),
        request.headers.get("x-forwarded-for", ""),
        settings.REURING_PROXY_COUNT,
    )
    return client_network(address)


def _key(kind: str, value: str) -> str:
    digest = salted_hmac("comments.ratelimit", value, algorithm="sha256").hexdigest()[:32]
    return f"comments:{kind}:{digest}"


def register_post(*, network: str, email: str) -> str | None:
    """Count one comment; return which limit it breaks (Limit.*), or None if it may go on."""
    cache = caches["ratelimit"]
    flood_seconds = settings.COMMENTS_FLOOD_SECONDS
    # add() only succeeds when the key is absent: atomic in Redis and in the local cache.
    if not cache.add(_key("flood-net", network), 1, flood_seconds):
        return Limit.FLOOD
    if not cache.add(_key("flood-email", email), 1, flood_seconds):
        return Limit.FLOOD
    hourly = _key("hour-net", network)
    cache.add(hourly, 0, HOUR)
    try:
        count = cache.incr(hourly)
    except ValueError:
        # The key expired between add() and incr(): this is the first of a new hour.
        cache.add(hourly, 1, HOUR)
        count = 1
    if count > settings.COMMENTS_HOURLY_LIMIT_PER_NETWORK:
        return Limit.HOURLY
    return None
