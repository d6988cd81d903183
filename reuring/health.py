"""`/gezond/`: is this app server fit to take readers? For load balancers and monitoring.

Answers 200 when the database answers a query and every configured cache stores and returns
a value, else 503, with one word per check in JSON (never an error's text: the endpoint is
public). It is the first middleware, so it answers before the host check (a load balancer
asks by the server's own address, not the site's name), the HTTPS redirect (it asks over
plain HTTP inside the network), the page cache and the sessions; it sets the site's
security headers itself and is never cached.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse

from toolbox.headers import add_security_headers

HEALTH_PATH = "/gezond/"
OK, FAILING = "ok", "fout"
logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return False


def cache_answers(alias: str) -> bool:
    # A key of its own per probe: probes from several workers never read each other's value.
    key, token = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache = caches[alias]
        cache.set(key, token, 10)
        answered = cache.get(key) == token
        cache.delete(key)
        return answered
    except Exception:
        logger.warning("Health check: cache %r does not answer", alias, exc_info=True)
        return False


def health_checks() -> dict[str, bool]:
    checks = {"database": database_answers()}
    for alias in settings.CACHES:
        checks[f"cache:{alias}"] = cache_answers(alias)
    return checks


def health_response(request) -> HttpResponse:
    response: HttpResponse
    if request.method not in ("GET", "HEAD"):
        response = HttpResponseNotAllowed(["GET", "HEAD"])
    else:
        checks = health_checks()
        healthy = all(checks.values())
        response = JsonResponse(
            {
                "status": OK if healthy else FAILING,
                "checks": {name: OK if good else FAILING for name, good in checks.items()},
            },
            status=200 if healthy else 503,
        )
    response["Cache-Control"] = "no-store"
    add_security_headers(response)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return health_response(request)
        return self.get_response(request)
