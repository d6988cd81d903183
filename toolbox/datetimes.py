"""Moments as machine-readable text for HTML, feeds and structured data.

HTML's `datetime` attribute allows at most three digits of fractions of a second, and
Django's `|date:"c"` writes six (microseconds): the W3C checker rejects that. Readers and
search engines need no more than whole seconds.
"""

from datetime import UTC, datetime

from django.utils import timezone


def iso_moment(moment: datetime) -> str:
    """ISO 8601 in the site's time zone, in whole seconds, with the offset, e.g.
    2026-12-01T22:27:26+01:00."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(microsecond=0).isoformat()


def utc_minute(moment: datetime) -> str:
    """ISO 8601 in UTC to the minute, e.g. 2026-12-01T21:27Z: the shortest form HTML's
    `datetime` allows, for a moment shown to the minute in lists that repeat it often."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
