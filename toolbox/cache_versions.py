"""Versioned cache keys: clearing a group of cached things is giving it a new version.

A reader's request that was still building from the old data while an editor saved can
then only fill a key under the old version, which nobody reads again. The bump is made
twice, now and after the transaction commits, so a request that read the data just
before the commit cannot keep it cached under the new version either.
"""

import uuid

from django.core.cache import caches
from django.db import transaction

VERSION_KEY_PREFIX = "version:"


def _key(name: str) -> str:
    return VERSION_KEY_PREFIX + name


def current_versions(*names: str, alias: str = "default") -> dict[str, str]:
    """The current version of each name, in one round trip when they all exist."""
    cache = caches[alias]
    found = cache.get_many([_key(name) for name in names])
    versions = {}
    for name in names:
        version = found.get(_key(name))
        if version is None:
            # add() only writes when absent, so concurrent first readers agree.
            cache.add(_key(name), uuid.uuid4().hex, None)
            version = cache.get(_key(name))
        versions[name] = version
    return versions


def current_version(name: str, *, alias: str = "default") -> str:
    return current_versions(name, alias=alias)[name]


def bump_versions(*names: str, alias: str = "default") -> None:
    """Give each name a new version, now and again when the transaction commits."""

    def bump():
        caches[alias].set_many({_key(name): uuid.uuid4().hex for name in names}, None)

    bump()
    transaction.on_commit(bump)
