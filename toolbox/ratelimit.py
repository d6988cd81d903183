"""Flood control for public forms, kept in the "ratelimit" cache (Redis in production).

Each form has its own scope ("comments", "whitepapers"), so a reader may comment and ask
for a whitepaper in the same minute. Keys hold a keyed hash of the reader's network
(IPv4 /24, IPv6 /48) and e-mail address, never the values themselves, and expire when
flood control is done with them: after the flood window, or after the hour of the hourly
limit.

The same form sent again (its single-use id, see toolbox.formguard) is not a second post:
a reader whose first try met a database outage may send again at once.
"""

from django.core.cache import caches
from django.utils.crypto import salted_hmac

HOUR = 60 * 60


class Limit:
    FLOOD = "flood"
    HOURLY = "hourly"


def _key(scope: str, kind: str, value: str) -> str:
    digest = salted_hmac(f"{scope}.ratelimit", value, algorithm="sha256").hexdigest()[:32]
    return f"{scope}:{kind}:{digest}"


def register_post(
    *,
    scope: str,
    network: str,
    email: str,
    flood_seconds: int,
    hourly_limit: int,
    form_id: str = "",
) -> str | None:
    """Count one post; return which limit it breaks (Limit.*), or None if it may go on."""
    cache = caches["ratelimit"]
    token = form_id or "-"
    for kind, value in (("flood-net", network), ("flood-email", email)):
        key = _key(scope, kind, value)
        # add() only succeeds when the key is absent: atomic in Redis and in the local cache.
        if not cache.add(key, token, flood_seconds):
            if form_id and cache.get(key) == form_id:
                return None  # this very form again: already counted
            return Limit.FLOOD
    hourly = _key(scope, "hour-net", network)
    cache.add(hourly, 0, HOUR)
    try:
        count = cache.incr(hourly)
    except ValueError:
        # The key expired between add() and incr(): this is the first of a new hour.
        cache.add(hourly, 1, HOUR)
        count = 1
    if count > hourly_limit:
        return Limit.HOURLY
    return None
