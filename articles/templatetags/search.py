from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlighted(segments):
    """Search-result text with the searched words in <mark>; every piece escaped."""
    return mark_safe(  # noqa: S308 - each piece is escaped here
        "".join(
            f"<mark>{conditional_escape(segment.text)}</mark>"
            if segment.match
            else str(conditional_escape(segment.text))
            for segment in segments
        )
    )
