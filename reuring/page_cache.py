"""Whole public pages, cached for every reader alike, cleared whenever content changes.

A page is stored only when it is the same for every reader: a GET answered with 200 that
sets no cookie, varies on nothing and is not marked private. Pages with a form (the
article page with its comment form carries a CSRF token) or for a logged-in user never are.
A stored page is served before the rest of the middleware runs, which is why a hit is
cheaper than even a bare Django view.

Every page is stored with the site's content version. Saving or deleting any content bumps
the version (see reuring.signals), and so does the clock passing the next scheduled moment
(an article or whitepaper to appear, a promotion to start or end): no reader ever gets a page
that is older than the content, and scheduled items still appear exactly on time.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article, Whitepaper
from reuring.models import Promotion
from toolbox.cache_versions import bump_versions, current_version

PAGES = "pages"
PAGE_KEY_PREFIX = "pages:page:"
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")


def next_scheduled_change(now):
    """The first moment after `now` at which a page changes without anybody saving:
    an article or whitepaper appears, a promotion starts or ends. One query."""
    first_query, *others = [
        *Article.objects.moments_of_change(after=now),
        *Whitepaper.objects.moments_of_change(after=now),
        *Promotion.objects.moments_of_change(after=now),
    ]
    upcoming = first_query.union(*others).order_by("moment")
    first = upcoming.first()
    return first[0] if first else None


def content_changed():
    """Forget every cached page (see toolbox.cache_versions for why this is safe)."""
    bump_versions(PAGES)


def _valid_until(version: str, now):
    """Until when pages of this version stay right: computed once per version."""
    key = f"pages:until:{version}"
    found = cache.get(key)
    if found is None:
        found = (next_scheduled_change(now),)
        cache.set(key, found, settings.REURING_PAGE_CACHE_SECONDS)
    return found[0]


def _page_key(request) -> str:
    return PAGE_KEY_PREFIX + request.build_absolute_uri()


def _may_use_cache(request) -> bool:
    if request.method != "GET" or request.path.startswith("/admin/"):
        return False
    # Logged-in staff and readers with a message or session see their own version of pages.
    personal = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return not any(name in request.COOKIES for name in personal)


def _may_store(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    # Only readers without a session get here (see _may_use_cache), so "Vary: Cookie" (added
    # when a view checks whether the visitor is staff) still means one page for all of them.
    vary = {name.strip() for name in response.get("Vary", "").split(",")}
    varies_on_more = vary - {"", "Cookie"}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page with a form carries this reader's CSRF token.
        and not request.META.get("CSRF_COOKIE_USED")
        and not varies_on_more
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.REURING_PAGE_CACHE_SECONDS or not _may_use_cache(request):
            return self.get_response(request)

        now = timezone.now()
        key = _page_key(request)
        # Read before rendering: a save during the rendering changes the version, so the
        # page rendered from older content is stored under a version nobody asks for.
        version = current_version(PAGES)
        stored = cache.get(key)
        if stored is not None:
            stored_version, valid_until, response = stored
            if stored_version == version and (valid_until is None or now < valid_until):
                response["X-Page-Cache"] = "hit"
                return response

        response = self.get_response(request)
        if _may_store(request, response):
            entry = (version, _valid_until(version, now), response)
            cache.set(key, entry, settings.REURING_PAGE_CACHE_SECONDS)
        return response
