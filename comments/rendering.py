"""How reader text becomes HTML: escaped, line breaks kept, web addresses as safe links."""

from django.utils.html import Urlizer, escape
from django.utils.safestring import SafeString, mark_safe

from comments.text import punycode_link_text

LINK_REL = "nofollow ugc noopener"


class _CommentUrlizer(Urlizer):
    # Readers' links are user-generated content: search engines must not count
    # them (nofollow, ugc) and the opened page must not reach back (noopener).
    url_template = '<a href="{href}" rel="' + LINK_REL + '">{url}</a>'

    def trim_url(self, x, *, limit):
        # The link text shows an international domain name as punycode (see text.py).
        return super().trim_url(punycode_link_text(x), limit=limit)

    @staticmethod
    def is_email_simple(value: str) -> bool:
        # E-mail addresses stay plain text: no mailto: links harvested from comments.
        return False


_urlize = _CommentUrlizer()


def comment_html(text: str) -> SafeString:
    """Reader text as HTML: every character escaped, web addresses linked, line breaks kept.

    Nothing the reader typed is trusted: the urlizer escapes all text and all
    link targets, so the only markup in the result is the <a> and <br> made here.
    """
    text = str(text)
    if _may_hold_link(text):
        linked = _urlize(text, autoescape=True, nofollow=False)
    else:
        # Most comments have no address in them: the same escaping, without the urlizer's
        # word-by-word work (about half the cost of showing 50 comments).
        linked = escape(text)
    return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308 - escaped above


# What the urlizer links: http(s)://..., www.... and bare domains ending in these (see
# django.utils.html.Urlizer.simple_url_2_re). A text without any of them gets no link.
_LINK_MARKERS = ("http", "www.", ".com", ".edu", ".gov", ".int", ".mil", ".net", ".org")


def _may_hold_link(text: str) -> bool:
    folded = text.casefold()
    return any(marker in folded for marker in _LINK_MARKERS)


def link_count(text: str) -> int:
    """How many links the comment would show: the same rule as the page itself."""
    return comment_html(text).count("<a href=")
