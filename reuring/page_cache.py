"""Whole public pages, cached for every anonymous reader, cleared whenever content changes.

A page is stored when it is the same for every reader apart from its holes (toolbox.holes):
the parts that belong to one reader, such as the CSRF token and the signed fields of the
comment form, or a reader's own waiting comments, are stored as markers and filled in for
each reader around the stored bytes. So the article page with its comment form and a gated
whitepaper are served from the cache too. A page is stored only when it is a GET answered
with 200 that sets no cookie, varies on nothing but the cookie and is not marked private;
a form shown again with errors is the answer to a POST and never is. A logged-in user or a
reader with a message waiting gets every page built for them.

A stored page is served before the rest of the middleware runs, as stored bytes and headers
(no response object is unpickled), which is why a hit is cheaper than even a bare Django
view: no query, no template.

The key is the page's address with only the query parameters the page read
(toolbox.params): `/?utm_source=x` or `/?junk=1` is served from the entry of `/`, so junk
cannot push real pages out of the cache. Every page is stored with the site's content version
(toolbox.cache_versions, which every process sees): saving or deleting what a page shows gives
a new version (see reuring.signals). Every page is also stored with the next moment at which
the clock changes a page (an article or whitepaper to appear, a promotion to start or end),
and is not served from that moment on: scheduled items appear exactly on time.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from articles.models import Article, Whitepaper
from reuring.models import Promotion
from toolbox import holes
from toolbox.cache_versions import bump_versions, current_version
from toolbox.params import has_query, parameters_read, values_of

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
    """Until when pages of this version stay right: worked out once per version, and once
    more each time the clock passes that moment (not for every page built after it)."""
    key = f"pages:until:{version}"
    found = cache.get(key)
    if found is None or (found[0] is not None and now >= found[0]):
        found = (next_scheduled_change(now),)
        cache.set(key, found, settings.REURING_PAGE_CACHE_SECONDS)
    return found[0]


def _earliest(*moments):
    return min((moment for moment in moments if moment is not None), default=None)


def _page_key(address: str, parameters=()) -> str:
    if parameters:
        address += "?" + urlencode(parameters)
    # Hashed: an address can be longer than a cache key may be.
    return PAGE_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _may_use_cache(request) -> bool:
    if request.method != "GET" or request.path.startswith("/admin/"):
        return False
    # Logged-in staff and readers with a message or session see their own version of pages.
    personal = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return not any(request.COOKIES.get(name) for name in personal)


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
        # Something asked for this reader's CSRF token outside a hole.
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
        # A nonce is for one response only.
        and "nonce-" not in response.get("Content-Security-Policy", "")
        and not varies_on_more
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    )


def _finish(request, response):
    holes.finish(request, response)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.REURING_PAGE_CACHE_SECONDS or not _may_use_cache(request):
            return self.get_response(request)

        now = timezone.now()
        address = request.build_absolute_uri(request.path)
        # Read before rendering: a save during the rendering changes the version, so the
        # page rendered from older content is stored under a version nobody asks for.
        version = current_version(PAGES)
        entry = self._stored(request, address)
        if entry is not None and entry["version"] == version:
            valid_until = entry["valid_until"]
            if valid_until is None or now < valid_until:
                return self._serve(request, entry)

        with holes.collecting():
            response = self.get_response(request)
        if response.streaming:
            return response
        pieces = holes.split(response.content)
        if _may_store(request, response):
            read = parameters_read(request)
            entry = {
                "version": version,
                "valid_until": _earliest(
                    _valid_until(version, now), holes.page_changes_at(request)
                ),
                "read": read,
                "status": response.status_code,
                # The length is the filled page's, set for each reader.
                "headers": [h for h in response.headers.items() if h[0] != "Content-Length"],
                "pieces": pieces,
            }
            key = _page_key(address, values_of(request, read))
            cache.set(key, entry, settings.REURING_PAGE_CACHE_SECONDS)
        if holes.has_holes(pieces):
            response.content = holes.fill(request, pieces)
            _finish(request, response)
        return response

    @staticmethod
    def _stored(request, address):
        """The entry for this address, keyed on the parameters the page reads: the clean
        address's entry says which those are."""
        clean = cache.get(_page_key(address))
        if not has_query(request) or clean is None:
            return clean
        parameters = values_of(request, clean["read"])
        return cache.get(_page_key(address, parameters)) if parameters else clean

    @staticmethod
    def _serve(request, entry):
        pieces = entry["pieces"]
        response = HttpResponse(
            holes.fill(request, pieces), status=entry["status"], headers=entry["headers"]
        )
        if holes.has_holes(pieces):
            _finish(request, response)
        response["Content-Length"] = str(len(response.content))
        response["X-Page-Cache"] = "hit"
        return response
