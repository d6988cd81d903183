"""Remember, in a signed cookie, which waiting comments a reader posted.

Only so they can see their own comment marked "wacht op goedkeuring": nobody
else sees it, and the site keeps no session for anonymous readers.
"""

from django.conf import settings
from django.core import signing

COOKIE = "reuring_own_comments"
SALT = "comments.own"
KEEP = 20
MAX_AGE = 30 * 24 * 60 * 60


def own_comment_ids(request) -> list[int]:
    try:
        raw = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return []
    return [int(part) for part in raw.split(":") if part.isdigit()]


def remember_own_comment(request, response, comment_id: int) -> None:
    ids = [comment_id, *[pk for pk in own_comment_ids(request) if pk != comment_id]][:KEEP]
    response.set_signed_cookie(
        COOKIE,
        ":".join(map(str, ids)),
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
