"""Settings for Reuring.

One module for every environment: environments differ only by environment
variables, read through the helpers in reuring.env, which fail loudly.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from reuring.env import EnvironmentError_, env_bool, env_int, env_list, env_str
from toolbox.headers import add_static_file_headers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("REURING_VAR_DIR", str(BASE_DIR / "var")))

# Like healthchecks: development by default; production sets DJANGO_DEBUG=false
# and must then provide DJANGO_SECRET_KEY (checked below).
DEBUG = env_bool("DJANGO_DEBUG", True)

if DEBUG:
    # A development-only key; production must bring its own (checked below).
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-development-key-not-for-production")
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
    if len(SECRET_KEY) < 50:
        raise EnvironmentError_(
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters "
            "when DJANGO_DEBUG is off."
        )

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The search index's vector column on PostgreSQL (articles.search.backends).
    "django.contrib.postgres",
    "taggit",
    "imagekit",
    "django_prose_editor",
    # Versions of what the redactie edits, for history and rollback (toolbox.history).
    "reversion",
    "toolbox",
    "reuring",
    "articles",
    # The task queue under a Dutch name in the admin (reuring.apps).
    "reuring.apps.BackgroundTasksConfig",
    "comments",
    "axes",
]

MIDDLEWARE = [
    # First: load balancers ask by address over plain HTTP, before any host check or cache.
    "reuring.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before everything else that builds a page: a cached page skips all of it.
    "reuring.page_cache.PublicPageCacheMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside the security headers: gives Django's empty 405 answers a Dutch page.
    "reuring.errors.ErrorPageMiddleware",
    # Last, as django-axes asks: turns a locked-out login into our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "reuring.urls"
WSGI_APPLICATION = "reuring.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                # Replaces Django's own csrf_token: on a page stored in the page cache the
                # token is a hole, filled in for each reader (toolbox.holes).
                "toolbox.holes.csrf",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite is the embedded default. WAL lets readers work while one writer
# writes; IMMEDIATE transactions take the write lock up front, so concurrent
# writers queue (up to the timeout) instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}

DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    # Persistent connections are checked before each request reuses them, so a database
    # that restarted costs one reconnect instead of an error per stale connection.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "reuring.sqlite3"),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

# --- Cache ------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "reuring",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Flood control for comments counts across all app servers, so it needs Redis in
# production; a local cache is enough for one development server.
CACHES["ratelimit"] = (
    {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "reuring-ratelimit",
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}
)
# What clears cached pages and blocks (toolbox.cache_versions) must reach every process: with
# Redis the versions live there; without it, in files every process on this machine reads.
CACHE_VERSIONS_DIR = (
    None
    if REDIS_URL
    else Path(env_str("REURING_CACHE_VERSIONS_DIR", str(VAR_DIR / "cache-versions")))
)

# --- Passwords and auth -------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# --- Login throttling (django-axes) -----------------------------------------------------------
# Five wrong passwords for one user name from one address lock that pair out for 15 minutes.
# Failures are counted in the database, so every app server sees the same count; staff with
# the permission unlock a pair in the admin (Admin → Mislukte aanmeldingen en blokkades).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# 15 minutes from the fifth failure, as the lockout page says, however often one retries.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The reader's address behind our proxies, as for flood control (REURING_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "toolbox.networks.request_address"
AXES_LOCKOUT_CALLABLE = "reuring.errors.login_locked_out"
# Our own Dutch admin for unlocking (reuring.admin); no log of successful logins is kept.
AXES_ENABLE_ADMIN = False
AXES_DISABLE_ACCESS_LOG = True

# --- Language and time --------------------------------------------------------
LANGUAGE_CODE = "nl"
# One language, so no LocaleMiddleware: pages do not vary on Accept-Language.
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads larger than this go to a temporary file instead of memory; past the largest file
# any field accepts (25 MB), nothing more of an upload is kept at all (toolbox.uploads).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "toolbox.uploads.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Renditions are made once, when the source image is saved, and never checked
# or made on a request (see toolbox.renditions).
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_CACHEFILE_DIR = "renditions"
IMAGEKIT_SPEC_CACHEFILE_NAMER = "toolbox.renditions.short_name"

# --- Security -------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Error pages and static files get the same headers (see toolbox.headers, reuring.errors).
CSRF_FAILURE_VIEW = "reuring.errors.csrf_failure"
WHITENOISE_ADD_HEADERS_FUNCTION = add_static_file_headers
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    # The preload token only permits submitting the domain to browsers' lists.
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Newsroom -------------------------------------------------------------------
REURING_SITE_NAME = env_str("REURING_SITE_NAME", "Reuring")
REURING_ARTICLES_PER_PAGE = 12
# Django serves uploads itself only where no web server does (development, tests).
REURING_SERVE_MEDIA = env_bool("REURING_SERVE_MEDIA", DEBUG)

# --- Whitepapers and site-wide blocks ------------------------------------------------
# Gated whitepaper PDFs live outside MEDIA_ROOT and are served only through a view.
# Empty means "<MEDIA_ROOT>-private" (see toolbox.storage).
REURING_PRIVATE_MEDIA_ROOT = env_str("DJANGO_PRIVATE_MEDIA_ROOT", "")
# How long the download link from the whitepaper form works.
REURING_WHITEPAPER_LINK_HOURS = env_int("REURING_WHITEPAPER_LINK_HOURS", 24)
# Whitepaper requests (name, e-mail, organisation) are erased after this many days by
# `manage.py erase_whitepaper_requests` (run it daily).
REURING_WHITEPAPER_LEAD_DAYS = env_int("REURING_WHITEPAPER_LEAD_DAYS", 90)
# How long a new preview link for a draft works; the redactie may change it per link.
REURING_PREVIEW_LINK_DAYS = env_int("REURING_PREVIEW_LINK_DAYS", 7)

# What an editor typed in the article form and did not save is kept on the server for
# this many days (toolbox.autosave), then deleted.
REURING_AUTOSAVE_DAYS = env_int("REURING_AUTOSAVE_DAYS", 7)
# Flood control for the whitepaper form, as for comments: a second request from one network
# or e-mail address within this many seconds, and requests per network per hour.
REURING_WHITEPAPER_FLOOD_SECONDS = env_int("REURING_WHITEPAPER_FLOOD_SECONDS", 15)
REURING_WHITEPAPER_HOURLY_LIMIT_PER_NETWORK = env_int(
    "REURING_WHITEPAPER_HOURLY_LIMIT_PER_NETWORK", 30
)
# Site-wide blocks are cached; saving or deleting what they show clears them at once,
# so this is only a safety net.
REURING_BLOCK_CACHE_SECONDS = env_int("REURING_BLOCK_CACHE_SECONDS", 6 * 60 * 60)
# Whole public pages (see reuring.page_cache); 0 turns the page cache off. Content changes
# clear it at once, so this is only a safety net.
REURING_PAGE_CACHE_SECONDS = env_int("REURING_PAGE_CACHE_SECONDS", 10 * 60)

# --- Background tasks and mail ------------------------------------------------------
# Tasks wait in the database until `manage.py db_worker` runs them (`make run` starts it).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Mail goes to the console in development; production sends through SMTP
# (a local mail server unless REURING_SMTP_HOST says otherwise).
REURING_MAIL_BACKEND = env_str("REURING_MAIL_BACKEND", "console" if DEBUG else "smtp")
MAILERS: dict[str, dict[str, object]]
if REURING_MAIL_BACKEND == "console":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
elif REURING_MAIL_BACKEND == "smtp":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("REURING_SMTP_HOST", "localhost"),
                "port": env_int(
                    "REURING_SMTP_PORT", 587 if env_bool("REURING_SMTP_TLS", False) else 25
                ),
                "username": env_str("REURING_SMTP_USER", ""),
                "password": env_str("REURING_SMTP_PASSWORD", ""),
                "use_tls": env_bool("REURING_SMTP_TLS", False),
                "timeout": env_int("REURING_SMTP_TIMEOUT", 20),
            },
        }
    }
else:
    raise EnvironmentError_(
        f"REURING_MAIL_BACKEND must be console or smtp, not {REURING_MAIL_BACKEND!r}."
    )
DEFAULT_FROM_EMAIL = env_str("REURING_FROM_EMAIL", "Reuring <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in e-mails need the site's address; requests are not available in the worker.
REURING_SITE_URL = env_str("REURING_SITE_URL", "http://127.0.0.1:8000")

# --- Comments ---------------------------------------------------------------------------
# Comments close this many days after publication; an article can set its own number.
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 30)
# E-mail addresses are erased, and refused comments deleted, this long after moderation.
COMMENTS_ERASE_EMAIL_AFTER_DAYS = env_int("COMMENTS_ERASE_EMAIL_AFTER_DAYS", 90)
# Authors with this many approved comments skip the queue; 0 switches the rule off.
COMMENTS_TRUST_AFTER_APPROVED = env_int("COMMENTS_TRUST_AFTER_APPROVED", 0)
# A second comment from one network or e-mail address within this many seconds is refused.
COMMENTS_FLOOD_SECONDS = env_int("COMMENTS_FLOOD_SECONDS", 15)
# Comments per network (IPv4 /24, IPv6 /48) per hour; offices share one network.
COMMENTS_HOURLY_LIMIT_PER_NETWORK = env_int("COMMENTS_HOURLY_LIMIT_PER_NETWORK", 30)
# How many reverse proxies in front of the app add to X-Forwarded-For (0: none, use
# REMOTE_ADDR). Wrong here means every reader shares the proxy's flood limit.
REURING_PROXY_COUNT = env_int("REURING_PROXY_COUNT", 0)
# Where readers find the newest discussion first. "newest": the latest comments on top
# (replies stay in order under the comment they answer); "oldest": the conversation in
# the order it was held, opening on its last page.
COMMENTS_ORDER = env_str("COMMENTS_ORDER", "newest")
if COMMENTS_ORDER not in ("newest", "oldest"):
    raise EnvironmentError_(f"COMMENTS_ORDER must be newest or oldest, not {COMMENTS_ORDER!r}.")
# Readers' bare domains ("example.org") become https links (the Django 2028 default).
URLIZE_ASSUME_HTTPS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}
