"""How reader text becomes HTML: escaped, line breaks kept, web addresses as safe links."""

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import Urlizer, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from comments.text import punycode_link_text
from toolbox.datetimes import utc_minute

if TYPE_CHECKING:
    from comments.models import Comment

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

    def handle_word(self, word, **options):
        # The words of a text with an address in it that are no address themselves:
        # escaped, as the urlizer would, without its punctuation trimming and patterns.
        if options.get("autoescape") and not options.get("safe_input") and not _may_hold_link(word):
            return html.escape(word)  # what django.utils.html.escape does, without its wrapper
        return super().handle_word(word, **options)


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
_LINK_MARKER = re.compile(r"http|www\.|\.(?:com|edu|gov|int|mil|net|org)", re.IGNORECASE)


def _may_hold_link(text: str) -> bool:
    return _LINK_MARKER.search(text) is not None


def link_count(text: str) -> int:
    """How many links the comment would show: the same rule as the page itself."""
    return comment_html(text).count("<a href=")


# --- A comment as a list item -------------------------------------------------------------
#
# The thread is the article page's hottest loop: written here instead of in a template
# partial, the article built with every cache empty went from 81 to 64 ms of CPU (50
# comments; about 3 ms of it is these items, under CI-like load). The markup is the
# thread's only; what a reader sent is escaped (comment_html, escape).


@dataclass(frozen=True)
class _Labels:
    """The words of a comment, translated once per list instead of once per comment."""

    badge: str
    waiting: str
    reply: str
    reply_to_name: str
    in_reply_to: str
    months: dict[int, str]

    @classmethod
    def current(cls) -> "_Labels":
        return cls(
            badge=escape(gettext("Reply from the editors")),
            waiting=escape(gettext("awaiting approval")),
            reply=escape(gettext("Reply")),
            reply_to_name=gettext("to %(name)s"),
            in_reply_to=gettext("in reply to <bdi>%(name)s</bdi>"),
            months={number: str(name) for number, name in MONTHS.items()},
        )


def comment_items_html(
    comments: Iterable["Comment"],
    *,
    replies: Mapping[int, list["Comment"]] | None = None,
    can_reply: bool = False,
    own: bool = False,
    reply_parameter: str = "",
) -> SafeString:
    """Each comment as an <li> with its replies (`replies` by parent id) in a nested list;
    a reply link when `can_reply`; marked as awaiting approval when they are the reader's
    `own` waiting comments."""
    labels = _Labels.current()
    items = (
        _item(comment, (replies or {}).get(comment.pk, ()), labels, can_reply, own, reply_parameter)
        for comment in comments
    )
    return mark_safe("\n".join(items))  # noqa: S308 - every value escaped in _item


def _item(comment, replies, labels: _Labels, can_reply, own, reply_parameter) -> str:
    # No class on an ordinary item, its body or its reply link: 50 comments repeat them, so
    # the style sheet and the script find them by place (.comment-list li > div, li > a).
    anchor = comment.anchor
    classes = []
    if comment.is_staff_reply:
        classes.append("comment--staff")
    if own:
        classes.append("comment--waiting")
    created = timezone.localtime(comment.created_at)
    # As the date filter's "j F Y, H:i", with the month names translated once per list.
    shown = f"{created.day} {labels.months[created.month]} {created.year}, {created:%H:%M}"
    class_attribute = f' class="{" ".join(classes)}"' if classes else ""
    parts = [f'<li{class_attribute} id="{anchor}"><p><bdi>{escape(comment.name)}</bdi>']
    if comment.is_staff_reply:
        parts.append(f' <span class="comment__badge">{labels.badge}</span>')
    parts.append(
        f' · <a href="#{anchor}"><time datetime="{utc_minute(created)}">{escape(shown)}</time></a>'
    )
    if own:
        parts.append(f' <strong class="comment__status">{labels.waiting}</strong>')
        if comment.parent_id:
            parts.append(" · " + labels.in_reply_to % {"name": escape(comment.parent.name)})
    parts.append(f"</p><div>{comment_html(comment.body)}</div>")
    if can_reply:
        # The link's name says whom it answers; it starts with the word on screen.
        name = f"{labels.reply} {escape(labels.reply_to_name % {'name': comment.name})}"
        parts.append(
            f'<a href="?{reply_parameter}={comment.pk}#reageer" aria-label="{name}">'
            f"{labels.reply}</a>"
        )
    if replies:
        nested = "".join(_item(reply, (), labels, False, own, reply_parameter) for reply in replies)
        parts.append(f'<ol class="comment-replies">{nested}</ol>')
    parts.append("</li>")
    return "".join(parts)
