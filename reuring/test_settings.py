"""Settings for the test suite: the real settings with a few speed-ups."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-" + "x" * 60)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("REURING_SERVE_MEDIA", "true")
# Nothing a test writes (uploads, private files, password files) lands in the real var/.
os.environ.setdefault("REURING_VAR_DIR", tempfile.mkdtemp(prefix="reuring-test-var-"))

from reuring.settings import *  # noqa: E402,F403

# MD5 makes creating test users fast; never use it outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# live_server cannot serve the manifest's hashed names.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Each test run writes uploads and renditions to its own throw-away folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="reuring-test-media-"))
# Tests must not depend on a Redis left in some state; rate limits use their own alias.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ratelimit",
    },
}
# The embedded default (no Redis): versions in files, in this run's own folder.
CACHE_VERSIONS_DIR = VAR_DIR / "cache-versions"  # noqa: F405
# Serve static files from the app folders, as in development; nothing is collected.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="reuring-test-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
