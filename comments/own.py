"""Remember, in a signed cookie, which waiting comments a reader posted.

Only so they can see their own comment marked "wacht op goedkeuring": nobody
else sees it, and the site keeps no session for anonymous readers.
"""

from django.conf import settings

from toolbox import signing

COOKIE = "reuring_own_comments"
PURPOSE = "comments.own"
KEEP = 20
MAX_AGE = 30 * 24 * 60 * 60


def own_comment_ids(request) -> list[int]:
    token = request.COOKIES.get(COOKIE, "")
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
