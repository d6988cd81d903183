"""Remember, in a signed cookie, which waiting comments a reader posted.

Only so they can see their own comment marked "wacht op goedkeuring": nobody
else sees it, and the site keeps no session for anonymous readers.
"""

import functools

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

from comments.models import Comment
from comments.moderation import moderator
from toolbox import holes, signing

COOKIE = "reuring_own_comments"
PURPOSE = "comments.own"
KEEP = 20
MAX_AGE = 30 * 24 * 60 * 60
OWN_TEMPLATE = "comments/_own.html"


def own_comment_ids(request) -> list[int]:
    token = request.COOKIES.get(COOKIE, "")
    if not token:
        return []  # most readers: no need to check a signature
    try:
        ids = signing.read_token(token, purpose=PURPOSE, max_age_seconds=MAX_AGE)
    except signing.TokenInvalid:
        return []
    if not isinstance(ids, list):
        return []
    return [pk for pk in ids if type(pk) is int][:KEEP]


def remember_own_comment(request, response, comment_id: int) -> None:
    ids = [comment_id, *[pk for pk in own_comment_ids(request) if pk != comment_id]][:KEEP]
    response.set_cookie(
        COOKIE,
        signing.make_token(ids, purpose=PURPOSE),
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


@holes.filler
def waiting_comments(request, article_id: str) -> str:
    """The reader's own waiting comments under an article: a hole in the article page, so
    the stored page holds nobody's. A query only for a reader with the cookie."""
    ids = own_comment_ids(request)
    if not ids:
        return _no_waiting_comments(get_language())
    comments = (
        Comment.objects.filter(
            article_id=int(article_id), pk__in=ids, status__in=moderator.own_waiting_statuses
        )
        .select_related("parent")
        .order_by("created_at", "pk")
    )
    return render_to_string(OWN_TEMPLATE, {"own_waiting": list(comments)})


@functools.cache
def _no_waiting_comments(language: str) -> str:
    # The same for every reader without waiting comments: rendered once per language.
    return render_to_string(OWN_TEMPLATE, {"own_waiting": []})
