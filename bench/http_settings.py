"""The site's production settings for `make bench` (bench/http_pages.py), which sets the
environment: DJANGO_DEBUG=false, a throw-away REURING_VAR_DIR, and DATABASE_URL and
REDIS_URL when given. Static files are collected there, hashed and compressed, as
`make serve` does.

REURING_BENCH_EMPTY_CACHES=true gives every cache Django's dummy backend: each request
builds the page with every cache empty (the "built" figures).
"""

from reuring.env import env_bool
from reuring.settings import *  # noqa: F403
from reuring.settings import VAR_DIR

STATIC_ROOT = VAR_DIR / "static"
if env_bool("REURING_BENCH_EMPTY_CACHES", False):
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in ("default", "ratelimit")
    }
