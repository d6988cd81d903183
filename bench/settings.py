"""Production-like settings for benchmarks: DEBUG off, a throw-away SQLite database."""

import os
import tempfile

_workdir = tempfile.mkdtemp(prefix="reuring-bench-")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "b" * 60)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("REURING_VAR_DIR", _workdir)
os.environ.setdefault("DJANGO_MEDIA_ROOT", os.path.join(_workdir, "media"))

from reuring.settings import *  # noqa: E402,F403

ROOT_URLCONF = "bench.urls"
# Without collectstatic there is no manifest; hashed names do not matter here.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
