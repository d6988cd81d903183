"""Filters for text that readers typed, wherever it appears among the site's own text."""

from django import template

register = template.Library()

# FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: in plain text what <bdi> is in HTML.
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


@register.filter
def isolate(text) -> str:
    """`text` between Unicode isolates, so direction overrides in it cannot reorder the
    text around it (e-mails; in HTML use <bdi>)."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
