"""The site-wide blocks' data, cached, and cleared when staff save what they show.

Each block is cached under a versioned key. Clearing a block gives it a new random version,
so a reader's request that was still building the old content while an editor saved can
only fill the old key, which nobody reads again: no page shows stale content after a save.

What depends on the clock (promotions' date windows, scheduled whitepapers and blog posts)
is cached with the items still to come and filtered on each request, without a query.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Whitepaper, latest_of
from reuring.models import Promotion, SiteDetails

SITE = "site"
PROMOTIONS = "promotions"
WHITEPAPERS = "whitepapers"
BLOGGERS = "bloggers"
ALL_BLOCKS = (SITE, PROMOTIONS, WHITEPAPERS, BLOGGERS)
BLOGGERS_SHOWN = 4


def _version_key(name):
    return f"blocks:{name}:version"


def _version(name):
    key = _version_key(name)
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version


def _cached(name, build):
    key = f"blocks:{name}:{_version(name)}"
    hit = cache.get(key)
    if hit is None:
        # Wrapped in a tuple so that "nothing to show" (None) is cached too.
        hit = (build(),)
        cache.set(key, hit, settings.REURING_BLOCK_CACHE_SECONDS)
    return hit[0]


def clear(*names):
    """Make the next request rebuild these blocks; again after the transaction commits,
    so a request that read the data just before the commit cannot keep it cached."""
    names = names or ALL_BLOCKS

    def bump():
        cache.set_many({_version_key(name): uuid.uuid4().hex for name in names}, None)

    bump()
    transaction.on_commit(bump)


def site_details():
    """The SiteDetails record, or None when nobody filled it in yet."""
    return _cached(SITE, SiteDetails.current)


def promotions(placement, now=None):
    now = now or timezone.now()
    every = _cached(PROMOTIONS, lambda: list(Promotion.objects.not_ended()))
    return [item for item in every if item.placement == placement and item.is_active(now)]


def latest_whitepapers():
    return latest_of(_cached(WHITEPAPERS, lambda: list(Whitepaper.objects.for_blocks())))


def bloggers_with_latest_post(now=None, count=BLOGGERS_SHOWN):
    """(blogger, their newest published post), newest post first."""
    now = now or timezone.now()
    posts = _cached(BLOGGERS, lambda: list(Article.objects.latest_blog_post_per_blogger()))
    newest = {}
    for post in posts:  # Newest first, so the first published post per blogger wins.
        if post.publish_at <= now and post.status == Article.Status.PUBLISHED:
            newest.setdefault(post.blogger_id, post)
    return [(post.blogger, post) for post in newest.values()][:count]
