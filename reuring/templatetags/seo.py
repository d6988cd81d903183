"""What search engines and share previews read in a page's head: the canonical link,
OpenGraph and Twitter card tags, and JSON-LD (built in reuring.structured_data)."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from reuring import blocks, structured_data
from reuring.templatetags.site_blocks import json_for_script
from toolbox.params import kept_parameters

register = template.Library()

DEFAULT_DESCRIPTION = _("News, debates and insights about a government that keeps up with society.")


@register.simple_tag(takes_context=True)
def canonical_link(context, *names):
    """<link rel="canonical"> to this page without tracking or comment-page parameters;
    only the parameters `names` (default: "page", for lists) stay in the address."""
    request = context["request"]
    kept = names or ("page",)
    parameters = [
        (name, value) for name, value in kept_parameters(request, kept) if value and value != "1"
    ]
    url = request.build_absolute_uri(request.path)
    if parameters:
        url += "?" + urlencode(parameters)
    return format_html('<link rel="canonical" href="{}">', url)


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context, item=None, title="", description=""):
    """OpenGraph and Twitter card tags for `item`'s page, or for a page with `title`."""
    request = context["request"]
    site = blocks.site_details()
    card = structured_data.share_card(
        request,
        site=site,
        item=item,
        title=title or _site_title(site),
        description=description or DEFAULT_DESCRIPTION,
    )
    return {"card": card}


@register.simple_tag(takes_context=True)
def structured_data_for(context, item):
    """The JSON-LD blocks of `item`'s page (an article, speaker, whitepaper or series)."""
    data = structured_data.page_data(context["request"], item, site=blocks.site_details())
    return json_ld_scripts(data)


def json_ld_scripts(blocks_of_data) -> str:
    # Data blocks are never executed, so they need no CSP nonce (see organisation_json_ld).
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((mark_safe(json_for_script(data)),) for data in blocks_of_data),  # noqa: S308 - escaped
    )


def _site_title(site) -> str:
    return site.organisation_name if site else settings.REURING_SITE_NAME
