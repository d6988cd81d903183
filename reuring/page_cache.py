"""Whole public pages, cached for every anonymous reader, cleared whenever content changes.

A page is stored when it is the same for every reader apart from its holes (toolbox.holes):
the parts that belong to one reader, such as the CSRF token and the signed fields of the
comment form, or a reader's own waiting comments, are stored as markers and filled in for
each reader around the stored bytes. So the article page with its comment form and a gated
whitepaper are served from the cache too. A page is stored only when it is a GET answered
with 200 that sets no cookie, varies on nothing but the cookie and is not marked private;
a form shown again with errors is the answer to a POST and never is. A logged-in user or a
reader with a message waiting gets every page built for them.

A stored page is served as stored bytes and headers (no response object is unpickled): no
query, no template. The site's WSGI application (reuring.wsgi) serves it before Django's
handler even makes a request object (`serve_stored_pages_first`), which is why a hit is
cheaper than even a bare Django view; what that leaves to Django (a query string, say) this
middleware serves before the rest of the middleware runs. Each process also remembers the
entries it served last, checked on every request exactly as the cache's own are.

The key is the page's address with only the query parameters the page read
(toolbox.params): `/?utm_source=x` or `/?junk=1` is served from the entry of `/`, so junk
cannot push real pages out of the cache. Every page is stored with the site's content version
(toolbox.cache_versions, which every process sees): saving or deleting what a page shows gives
a new version (see reuring.signals). Every page is also stored with the next moment at which
the clock changes a page (an article or whitepaper to appear, a promotion to start or end),
and is not served from that moment on: scheduled items appear exactly on time.
"""

import contextlib
import functools
import hashlib
import logging
import re
import time
from http.client import responses
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest, get_str_from_wsgi
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.middleware.security import SecurityMiddleware
from django.utils import timezone

from articles.models import Article, Whitepaper
from reuring.models import Promotion
from toolbox import holes
from toolbox.cache_versions import bump_versions, current_version
from toolbox.params import environ_has_query, has_query, parameters_read, values_of

PAGES = "pages"
# "2": entries hold their moments as POSIX timestamps (cheaper to load than datetimes).
PAGE_KEY_PREFIX = "pages:page2:"
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
logger = logging.getLogger(__name__)


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


def _is_current(entry, version: str, now: float) -> bool:
    """Whether a stored page is still right: built from the content as it is, before the
    next scheduled change and within the cache's own timeout."""
    until = entry["valid_until"]
    return entry["version"] == version and now < entry["expires"] and (until is None or now < until)


def _page_key(address: str, parameters=()) -> str:
    if parameters:
        address += "?" + urlencode(parameters)
    # Hashed: an address can be longer than a cache key may be.
    return PAGE_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _is_personal(cookies) -> bool:
    # Logged-in staff and readers with a message or session see their own version of pages.
    personal = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return any(cookies.get(name) for name in personal)


def _may_use_cache(request) -> bool:
    if request.method != "GET" or request.path.startswith("/admin/"):
        return False
    return not _is_personal(request.COOKIES)


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
        if entry is not None and _is_current(entry, version, now.timestamp()):
            return self._serve(request, entry)

        with holes.collecting():
            response = self.get_response(request)
        if response.streaming:
            return response
        pieces = holes.split(response.content)
        if _may_store(request, response):
            read = parameters_read(request)
            valid_until = _earliest(_valid_until(version, now), holes.page_changes_at(request))
            entry = {
                "version": version,
                "valid_until": valid_until.timestamp() if valid_until else None,
                "expires": now.timestamp() + settings.REURING_PAGE_CACHE_SECONDS,
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
        return _serve(request, entry)


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


# --- Stored pages served before Django's handler
#
# A hit through the middleware above still pays for Django's request handling: the
# request object, the request signals, three middleware before this one. That is more
# than the hit itself. So the WSGI application (reuring.wsgi) first looks for a stored
# page with only what the key needs, read from the WSGI environ as Django reads it, and
# hands every request that is not plainly a hit to Django: another method, a query
# string, a cookie of a logged-in or messaged reader, an address or host Django would
# read differently or refuse, an HTTPS redirect, an error. What Django's middleware
# before the page cache adds to a page is added here too: the security headers, by
# Django's own SecurityMiddleware.

# Addresses whose path Django reads exactly as sent (no quoting, no dot segments, no
# doubled slash); anything else takes Django's way.
_PLAIN_PATH = re.compile(r"(?:/[\w~-][\w.~-]*)*/?", re.ASCII)


class _SecureOrNot:
    def __init__(self, secure: bool):
        self.secure = secure

    def is_secure(self) -> bool:
        return self.secure


@functools.cache
def _security_headers(secure: bool) -> tuple[tuple[str, str], ...]:
    """The headers Django's SecurityMiddleware gives a page (HSTS over HTTPS only), from
    its own code run once on an empty response."""
    response = HttpResponse()
    before = set(response.headers)
    SecurityMiddleware(_no_view).process_response(_SecureOrNot(secure), response)  # type: ignore[arg-type]
    return tuple((name, value) for name, value in response.items() if name not in before)


def _no_view(request):
    raise NotImplementedError  # only the response step is used


class _Rules(NamedTuple):
    """The settings a hit reads, read once (settings are slow to read on every request)."""

    on: bool
    direct_path: bool  # no script prefix from the settings
    proxy_ssl_header: tuple[str, str] | None
    allowed_hosts: tuple[str, ...] | None  # None: Django works the host out otherwise
    ssl_redirect: bool
    personal_cookies: tuple[str, ...]
    # The admin's (never stored) and WhiteNoise's static files (answered before the cache).
    other_prefixes: tuple[str, ...]
    csrf_cookie: str | None  # None: the CSRF token lives in the session


@functools.cache
def _rules() -> _Rules:
    plain_host = settings.ALLOWED_HOSTS and not settings.USE_X_FORWARDED_HOST
    return _Rules(
        on=bool(settings.REURING_PAGE_CACHE_SECONDS),
        direct_path=settings.FORCE_SCRIPT_NAME is None,
        proxy_ssl_header=settings.SECURE_PROXY_SSL_HEADER,
        allowed_hosts=tuple(settings.ALLOWED_HOSTS) if plain_host else None,
        ssl_redirect=settings.SECURE_SSL_REDIRECT,
        personal_cookies=(settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name),
        other_prefixes=("/admin/", *([static] if (static := settings.STATIC_URL or "") else [])),
        csrf_cookie=None if settings.CSRF_USE_SESSIONS else settings.CSRF_COOKIE_NAME,
    )


def _forget_settings(**kwargs) -> None:
    _security_headers.cache_clear()
    _rules.cache_clear()


setting_changed.connect(_forget_settings)


def _scheme(environ, rules: _Rules) -> str:
    # As HttpRequest.scheme: the proxy's header when configured, else the server's scheme.
    if rules.proxy_ssl_header:
        header, secure_value = rules.proxy_ssl_header
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def _host(environ, rules: _Rules) -> str | None:
    """The Host header when Django would take it as it is (HttpRequest.get_host)."""
    host = environ.get("HTTP_HOST")
    if not host or rules.allowed_hosts is None:
        return None
    return host if _is_allowed_host(host, rules.allowed_hosts) else None


@functools.lru_cache(maxsize=64)
def _is_allowed_host(host: str, allowed_hosts: tuple[str, ...]) -> bool:
    # Remembered for the few hosts a site is asked for; any others only make way.
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed_hosts)


class _Request(NamedTuple):
    address: str  # as the middleware keys it
    secure: bool
    # Only a CSRF cookie (or none): fillers need no database (see toolbox.holes).
    plain_reader: bool


def _plainly_for_a_stored_page(environ) -> _Request | None:
    """What the page cache needs of this request; None when it is not plainly one for a
    stored page."""
    rules = _rules()
    if not rules.on or environ.get("REQUEST_METHOD") != "GET":
        return None
    path = environ.get("PATH_INFO", "")
    if (
        environ_has_query(environ)
        or environ.get("SCRIPT_NAME")
        or not rules.direct_path
        or environ.get("SCRIPT_URL")
        or environ.get("REDIRECT_URL")
        or not path.startswith("/")
        or path.startswith(rules.other_prefixes)
        or not _PLAIN_PATH.fullmatch(path)
    ):
        return None
    scheme, host = _scheme(environ, rules), _host(environ, rules)
    if host is None or (rules.ssl_redirect and scheme != "https"):
        return None
    plain_reader = True
    if "HTTP_COOKIE" in environ:
        cookies = parse_cookie(get_str_from_wsgi(environ, "HTTP_COOKIE", ""))
        if any(cookies.get(name) for name in rules.personal_cookies):
            return None
        plain_reader = rules.csrf_cookie is not None and cookies.keys() <= {rules.csrf_cookie}
    return _Request(f"{scheme}://{host}{path}", scheme == "https", plain_reader)


# The entries of the pages this process served last, as loaded from the cache: a hit then
# costs no cache lookup (for Redis, no transfer of the page). Each is checked like the
# cache's own on every request, against the content version every process sees, its
# scheduled moment and its timeout; so emptying the page cache is giving it a new
# version (content_changed), as every save does, not clearing the cache.
RECENT_PAGES = 100
_recent: dict[str, dict] = {}


def forget_recent_pages() -> None:
    _recent.clear()


def _stored_entry(address: str):
    version = current_version(PAGES)
    now = time.time()
    key = _page_key(address)
    entry = _recent.get(key)
    if entry is not None and _is_current(entry, version, now):
        return entry
    entry = cache.get(key)
    if entry is None or not _is_current(entry, version, now):
        return None
    if len(_recent) >= RECENT_PAGES and key not in _recent:
        # The one remembered longest ago makes way (dicts keep their order); another
        # thread may be changing it at the same moment.
        with contextlib.suppress(RuntimeError, StopIteration, KeyError):
            del _recent[next(iter(_recent))]
    _recent[key] = entry
    return entry


def _status_line(status: int) -> str:
    return f"{status} {responses.get(status, 'Unknown Status Code')}"


def serve_stored_pages_first(django_application: WSGIHandler):
    """The WSGI application: a stored page when the request is plainly for one, else
    Django's handler (which serves the others from the cache through the middleware)."""

    def application(environ, start_response):
        try:
            found = _plainly_for_a_stored_page(environ)
            entry = _stored_entry(found.address) if found else None
            served = _served(environ, found, entry) if found and entry else None
        except Exception:
            # Django's own handling gives the same error its page; noted here too, as a
            # fault of this path alone would only show as slower hits.
            logger.warning("Page cache: a stored page left to Django", exc_info=True)
            served = None
        if served is None:
            return django_application(environ, start_response)
        status, headers, body = served
        start_response(status, headers)
        return [body]

    return application


def _served(environ, found: _Request, entry):
    """(status, headers, body) of the stored page for this reader, or None to leave the
    request to Django."""
    pieces = entry["pieces"]
    headers = entry["headers"]
    if holes.has_holes(pieces):
        if not found.plain_reader:
            # Fillers may read the database for this reader: Django's request handling
            # opens and closes its connections.
            return None
        request = WSGIRequest(environ)
        body = holes.fill(request, pieces)
        headers = holes.finish_headers(request, headers)
    else:
        body = pieces[0]
    present = {name.lower() for name, _value in headers}
    return (
        _status_line(entry["status"]),
        [
            *headers,
            *(h for h in _security_headers(found.secure) if h[0].lower() not in present),
            ("Content-Length", str(len(body))),
            ("X-Page-Cache", "hit"),
        ],
        body,
    )
