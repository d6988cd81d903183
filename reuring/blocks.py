"""The site-wide blocks' data, cached, and cleared when staff save what they show.

Each block is cached under a versioned key (toolbox.cache_versions): clearing a block gives
it a new version, so no page shows stale content after a save.

What depends on the clock (promotions' date windows, scheduled whitepapers and blog posts)
is cached with the items still to come and filtered on each request, without a query. An
item in a block that goes offline makes the block's data stale at that moment, so it is
built again then (another item takes its place).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article, Whitepaper, latest_of
from reuring.models import Promotion, SiteDetails
from toolbox.cache_versions import bump_versions, current_version
from toolbox.request_memo import once_per_request

SITE = "site"
PROMOTIONS = "promotions"
WHITEPAPERS = "whitepapers"
BLOGGERS = "bloggers"
ALL_BLOCKS = (SITE, PROMOTIONS, WHITEPAPERS, BLOGGERS)
BLOGGERS_SHOWN = 4


def _cached(name, build, *, until=None):
    """The block's data, built once per version. `until(data)` may name the moment the
    data goes stale by itself (an item in it going offline): then it is built again."""
    key = f"blocks:{name}:{current_version(f'blocks:{name}')}"
    # Several blocks of one page share data (the site details): asked once per request even
    # when the cache is empty or unreachable.
    return once_per_request(key, lambda: _from_cache(key, build, until))


def _from_cache(key, build, until):
    hit = cache.get(key)
    if hit is None or len(hit) != 2 or (hit[1] is not None and timezone.now() >= hit[1]):
        # A tuple, so that "nothing to show" (None) is cached too.
        data = build()
        hit = (data, until(data) if until else None)
        cache.set(key, hit, settings.REURING_BLOCK_CACHE_SECONDS)
    return hit[0]


def first_offline_moment(items):
    """When the first of these items goes offline: another item must then take its place."""
    return min((item.unpublish_at for item in items if item.unpublish_at), default=None)


def clear(*names):
    """Make the next request rebuild these blocks (all of them without names)."""
    bump_versions(*(f"blocks:{name}" for name in names or ALL_BLOCKS))


def site_details():
    """The SiteDetails record, or None when nobody filled it in yet."""
    return _cached(SITE, SiteDetails.current)


def promotions(placement, now=None):
    now = now or timezone.now()
    every = _cached(PROMOTIONS, lambda: list(Promotion.objects.not_ended()))
    return [item for item in every if item.placement == placement and item.is_active(now)]


def latest_whitepapers():
    return latest_of(
        _cached(
            WHITEPAPERS,
            lambda: list(Whitepaper.objects.for_blocks()),
            until=first_offline_moment,
        )
    )


def bloggers_with_latest_post(now=None, count=BLOGGERS_SHOWN):
    """(blogger, their newest published post), newest post first."""
    now = now or timezone.now()
    posts = _cached(
        BLOGGERS,
        lambda: list(Article.objects.latest_blog_post_per_blogger()),
        until=first_offline_moment,
    )
    newest: dict[int, Article] = {}
    for post in posts:  # Newest first, so the first published post per blogger wins.
        if post.is_published_at(now):
            newest.setdefault(post.blogger_id, post)
    return [(post.blogger, post) for post in newest.values()][:count]
