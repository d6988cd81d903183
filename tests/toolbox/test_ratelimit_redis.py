"""Flood control works the same on Redis, the production cache shared by all app servers."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import caches

from toolbox import ratelimit

REDIS_URL = os.environ.get("REURING_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_ratelimit(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis server at {REDIS_URL} (start one: see STACK-NOTES)")
    prefix = f"reuring-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    yield caches["ratelimit"]
    keys = [
        ratelimit._key("comments", kind, value)
        for kind, value in [
            ("flood-net", "192.0.2.0/24"),
            ("flood-email", "a@example.nl"),
            ("flood-email", "b@example.nl"),
            ("hour-net", "192.0.2.0/24"),
        ]
    ]
    caches["ratelimit"].delete_many(keys)


def register(**post):
    return ratelimit.register_post(scope="comments", flood_seconds=15, hourly_limit=30, **post)


def test_a_second_post_from_a_network_is_refused_through_redis(redis_ratelimit):
    first = register(network="192.0.2.0/24", email="a@example.nl")
    second = register(network="192.0.2.0/24", email="b@example.nl")

    assert first is None
    assert second == ratelimit.Limit.FLOOD


def test_redis_holds_no_readable_address(redis_ratelimit):
    register(network="192.0.2.0/24", email="a@example.nl")

    stored = redis.Redis.from_url(REDIS_URL).keys("*")
    assert stored
    assert not [key for key in stored if b"192.0.2" in key or b"example.nl" in key]


def test_the_settings_use_redis_for_rate_limits_when_redis_url_is_set():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    code = "from django.conf import settings; print(settings.CACHES['ratelimit']['BACKEND'])"
    with_redis, without = (
        subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=ROOT,
            env={**clean, "DJANGO_SETTINGS_MODULE": "reuring.settings", **extra},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        for extra in ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, {})
    )

    assert with_redis == "django.core.cache.backends.redis.RedisCache"
    assert without == "django.core.cache.backends.locmem.LocMemCache"
