from django import template
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from comments.forms import CommentForm
from comments.models import comment_counts as count_comments
from comments.rendering import comment_items_html
from comments.thread import THREAD_CACHE_SECONDS, thread_page
from comments.views import MESSAGE_TAG
from toolbox import holes
from toolbox.params import NumberParameter
from toolbox.users import display_name

register = template.Library()

COMMENT_PAGE = NumberParameter("reacties", maximum=1_000_000)
REPLY_TO = NumberParameter("reageer-op")


def _reply_target(request, page):
    comment_id = REPLY_TO.read(request)
    return page.find(comment_id) if comment_id is not None else None


def _confirmations(request):
    # Only our own messages: other apps' messages are theirs to show.
    return [m for m in get_messages(request) if MESSAGE_TAG in m.tags.split()]


def _thread(request, article):
    """The comments page of `article` for this request, worked out once: the link under
    the title and the section below the article share it."""
    pages = request.__dict__.setdefault("_comment_thread_pages", {})
    if article.pk not in pages:
        # Without the reader's own waiting comments: they are a hole (see comment_section).
        pages[article.pk] = thread_page(article=article, page=COMMENT_PAGE.read(request))
        discussion = pages[article.pk].discussion
        if discussion.is_open():
            # The form goes when comments close: a stored page must not outlive that.
            holes.changes_at(request, discussion.closes_at)
    return pages[article.pk]


@register.inclusion_tag("comments/link.html", takes_context=True)
def comment_link(context, article):
    """ "Reageer (n)" under the title: to the form while comments are open, else to the
    comments; nothing when the article takes no comments."""
    if not article.allow_comments:
        return {"show": False}
    page = _thread(context["request"], article)
    return {"show": True, "page": page}


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, article):
    """The comments under an article and the form "Reageer op dit artikel"."""
    request = context["request"]
    if not article.allow_comments:
        return {"show": False}
    page = _thread(request, article)
    reply_to = _reply_target(request, page)
    form = CommentForm(article, initial={"parent": reply_to.pk} if reply_to else None)
    user = request.user
    if user.is_authenticated and user.is_staff:
        form.initial.update(name=display_name(user), email=user.email)
    return {
        "show": True,
        "request": request,
        "article": article,
        "page": page,
        "thread": _thread_html(page),
        "form": form,
        "reply_to": reply_to,
        "confirmations": _confirmations(request),
        # This reader's own, filled in around the stored page (toolbox.holes); like the
        # CSRF token and the form's signed fields, never inside a cached fragment.
        "own_comments": holes.per_reader(request, "comments.own.waiting_comments", article.pk),
        "csrf_token": context.get("csrf_token"),
        "page_parameter": COMMENT_PAGE.name,
        "reply_parameter": REPLY_TO.name,
        "retention_days": settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS,
    }


def _thread_html(page):
    """The heading, the comments and the page links: the same for every reader, so
    rendered once per version of the thread, page and open or closed state."""
    key = f"comments:html:{page.article.pk}:{page.version}:{page.number}:{int(page.is_open)}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "comments/thread.html",
            {
                "page": page,
                "can_reply": page.is_open,
                "page_parameter": COMMENT_PAGE.name,
                "reply_parameter": REPLY_TO.name,
            },
        )
        cache.set(key, html, THREAD_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by our autoescaping template


@register.simple_tag
def comment_items(comments, replies=None, can_reply=False, own=False):
    """Each comment as an <li> (see comments.rendering.comment_items_html)."""
    return comment_items_html(
        comments, replies=replies, can_reply=can_reply, own=own, reply_parameter=REPLY_TO.name
    )


@register.filter
def with_comment_counts(articles):
    """The articles, each with `comment_count` (approved comments), counted in one query.

    For lists of article cards: {% for article in articles|with_comment_counts %}.
    """
    articles = [article for article in articles if article is not None]
    counts = count_comments(article.pk for article in articles)
    for article in articles:
        article.comment_count = counts.get(article.pk, 0)
    return articles
