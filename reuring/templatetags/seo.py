"""What search engines and share previews read in a page's head: the canonical link."""

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_link(context, *kept_parameters):
    """<link rel="canonical"> to this page without tracking or comment-page parameters;
    only `kept_parameters` (default: "page", for lists) stay in the address."""
    request = context["request"]
    kept = kept_parameters or ("page",)
    parameters = [
        (name, value)
        for name, value in request.GET.items()
        if name in kept and value and value != "1"
    ]
    url = request.build_absolute_uri(request.path)
    if parameters:
        url += "?" + urlencode(parameters)
    return format_html('<link rel="canonical" href="{}">', url)
