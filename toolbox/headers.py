"""Headers: the security headers for responses that Django's security middleware never sees.

WhiteNoise serves static files before the middleware runs, and an error page for a request
the middleware itself refused (a wrong Host header) comes back through only part of it.
Both get the site's own Content-Security-Policy (without a nonce: nothing there runs
inline script) and X-Frame-Options, so no response of the site lacks them.

Safe to import from settings: it reads the settings only when called.
"""

from collections.abc import Collection, Mapping
from typing import cast

from django.conf import settings
from django.utils.csp import CSP, build_policy


def wants_json(request) -> bool:
    """Whether the page's own script asked (progressive enhancement asks for JSON)."""
    return "application/json" in request.headers.get("Accept", "")


def security_headers() -> dict[str, str]:
    return {
        str(CSP.HEADER_ENFORCE): build_policy(
            cast(Mapping[str, Collection[str] | str], settings.SECURE_CSP)
        ),
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
    }


def add_security_headers(headers) -> None:
    """Set each security header that is not set yet (a view's own choice wins)."""
    for name, value in security_headers().items():
        if name not in headers:
            headers[name] = value


def add_static_file_headers(headers, path: str, url: str) -> None:
    """WHITENOISE_ADD_HEADERS_FUNCTION: called once per static file, not per request."""
    add_security_headers(headers)
