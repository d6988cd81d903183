"""The site's error pages: Dutch, in the site's layout, with the security headers, never cached.

Django's own error pages are English (`lang="en"`), and its 405 has no body at all. These
views replace them (see `handler400` etc. in reuring.urls, CSRF_FAILURE_VIEW and the
lockout of django-axes, our 429), and `ErrorPageMiddleware` gives the 405 a page. The
comment and whitepaper forms answer their own 429 with the form and what was typed.

A database that cannot be reached is not a bug in the site but an outage that passes: it
gets a 503 with Retry-After (as JSON for the comment form's script), never a 500. The 500
and 503 pages render without touching the database: no site details, no blocks.
"""

import sys
from dataclasses import dataclass

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import requires_csrf_token

from toolbox.gone import Gone
from toolbox.headers import add_security_headers, wants_json

# A restarting PostgreSQL is back within a few seconds.
RETRY_AFTER_SECONDS = 3


@dataclass(frozen=True)
class ErrorPage:
    heading: Promise
    explanation: Promise
    # Minimal pages read nothing from the database or the request's host.
    minimal: bool = False


PAGES = {
    400: ErrorPage(
        _("This request could not be read"),
        _(
            "Your browser sent something this site cannot read. Go back and try again, "
            "or start again from the home page."
        ),
        minimal=True,
    ),
    403: ErrorPage(
        _("No access"),
        _("You do not have access to this page. Are you a staff member? Log in first."),
    ),
    404: ErrorPage(
        _("Page not found"),
        _(
            "This page does not exist, or no longer exists. Perhaps the address has a typing "
            "error, or the page has moved. Search from the home page or the news."
        ),
    ),
    410: ErrorPage(
        _("No longer available"),
        _(
            "What was here has been taken offline on purpose and will not come back. "
            "Search the site or start again from the home page or the news."
        ),
    ),
    405: ErrorPage(
        _("This address does not work this way"),
        _("This address cannot be used like this. Use the links and forms on the site."),
    ),
    500: ErrorPage(
        _("Something went wrong"),
        _(
            "Something went wrong on our side, and the error has been recorded. "
            "Try again in a moment."
        ),
        minimal=True,
    ),
    503: ErrorPage(
        _("The site is unavailable for a moment"),
        _(
            "We cannot reach our database for a moment. Try again in a few seconds. Did you "
            "send a form? Then send it again: it will not arrive twice."
        ),
        minimal=True,
    ),
}
PREVIEW_GONE_PAGE = ErrorPage(
    _("This preview link no longer works"),
    _(
        "The link has expired or was revoked by the redactie. Ask the person who sent it "
        "to you for a new link."
    ),
)
GONE_PAGES = {"preview": PREVIEW_GONE_PAGE}
CSRF_PAGE = ErrorPage(
    _("This form has expired"),
    _(
        "For your safety a form only works for a while after you open it, and only with "
        "cookies switched on. Go back, reload the page and send the form again."
    ),
)

# If even the error page cannot be rendered, this is what the reader gets.
FALLBACK = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Reuring</title></head>'
    "<body><h1>Er ging iets mis</h1><p>Probeer het over een paar seconden opnieuw.</p>"
    '<p><a href="/">Naar de voorpagina</a></p></body></html>'
)


def error_response(request: HttpRequest, status: int, page: ErrorPage | None = None, **extra):
    page = page or PAGES[status]
    context = {"page": page, "status": status, **extra}
    body: str
    try:
        body = render_to_string("errors/error.html", context, request=request)
    except Exception:  # The error page itself must never fail.
        body = FALLBACK
    response = HttpResponse(body, status=status)
    # A proxy or our page cache must never keep an error: the page is fine a moment later.
    response["Cache-Control"] = "no-store"
    add_security_headers(response)
    return response


@requires_csrf_token
def bad_request(request, exception=None):
    return error_response(request, 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return error_response(request, 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return error_response(request, 404)


def csrf_failure(request, reason=""):
    return error_response(request, 403, CSRF_PAGE)


LOCKOUT_PAGE = ErrorPage(
    _("Too many failed logins"),
    _(
        "The password was wrong too often for this user name. For your safety, logging in "
        "with it from here is blocked for a while. Wait, or ask an administrator to unlock it."
    ),
)


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: our 429 page, with when to try again."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    minutes = max(1, seconds // 60)
    details = ngettext(
        "You can try again in %(minutes)d minute.",
        "You can try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    response = error_response(request, 429, LOCKOUT_PAGE, details=details)
    response["Retry-After"] = str(seconds)
    return response


def is_database_outage(error: BaseException | None) -> bool:
    """Whether `error`, or an error it arose from, says the database cannot be reached."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def service_unavailable(request):
    if wants_json(request):
        message = str(PAGES[503].explanation)
        response: HttpResponse = JsonResponse({"status": "unavailable", "message": message})
        response.status_code = 503
        response["Cache-Control"] = "no-store"
    else:
        response = error_response(request, 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@requires_csrf_token
def server_error(request):
    # Django calls this while handling the exception, so sys.exc_info() holds it.
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    return error_response(request, 500)


class ErrorPageMiddleware:
    """Django answers a wrong method (405) with an empty body; this gives it our page.
    It also answers `Gone` (toolbox.gone), raised for what was taken offline, with a 410."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            page = error_response(request, 405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Gone):
            return error_response(request, 410, GONE_PAGES.get(exception.reason))
        return None
