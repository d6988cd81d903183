from django import template

from toolbox.datetimes import iso_moment

register = template.Library()


@register.filter
def machine_datetime(moment):
    """For <time datetime="...">: ISO 8601 in whole seconds (HTML allows at most three
    fractional digits; `|date:"c"` gives six)."""
    return iso_moment(moment) if moment else ""
