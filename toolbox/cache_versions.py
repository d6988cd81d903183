"""Versioned cache keys: clearing a group of cached things is giving it a new version.

A reader's request that was still building from the old data while an editor saved can
then only fill a key under the old version, which nobody reads again. The bump is made
twice, now and after the transaction commits, so a request that read the data just
before the commit cannot keep it cached under the new version either.

Every process must see the same versions, or a save in the admin, a management command or
another app server leaves this process serving what it cached before. So the versions live
where all processes look: in the cache when it is shared (Redis), else in small files in a
folder (`CACHE_VERSIONS_DIR`, under var/), one file per name, read on every lookup.
"""

import contextlib
import functools
import os
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

VERSION_KEY_PREFIX = "version:"


def _new_version() -> str:
    return uuid.uuid4().hex


class CacheVersionStore:
    """Versions in a cache every process shares (Redis)."""

    def __init__(self, alias: str):
        self.cache = caches[alias]

    @staticmethod
    def _key(name: str) -> str:
        return VERSION_KEY_PREFIX + name

    def read(self, names) -> dict[str, str]:
        found = self.cache.get_many([self._key(name) for name in names])
        versions = {}
        for name in names:
            version = found.get(self._key(name))
            if version is None:
                # add() only writes when absent, so concurrent first readers agree.
                self.cache.add(self._key(name), _new_version(), None)
                version = self.cache.get(self._key(name))
            versions[name] = version
        return versions

    def bump(self, names) -> None:
        self.cache.set_many({self._key(name): _new_version() for name in names}, None)


class FileVersionStore:
    """Versions in files of one folder, for processes that share no cache (one machine)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self._paths: dict[str, str] = {}

    def _path(self, name: str) -> str:
        # Worked out once per name: a page-cache hit reads a version on every request.
        path = self._paths.get(name)
        if path is None:
            path = self._paths[name] = str(self.folder / name.replace(":", "-").replace("/", "-"))
        return path

    def _write(self, path: str, *, only_if_absent: bool = False) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # Written aside and then put in place, so a reader never sees half a version.
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".new-")
        try:
            os.fchmod(fd, 0o644)  # readable by every process of the site, whoever runs it
            with os.fdopen(fd, "w") as file:
                file.write(_new_version())
            if only_if_absent:
                with contextlib.suppress(FileExistsError):
                    os.link(temporary, path)
            else:
                os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)

    @staticmethod
    def _read_file(path: str) -> str:
        # Read on every request: the plain system calls, without a Python file object.
        fd = os.open(path, os.O_RDONLY)
        try:
            return os.read(fd, 64).decode()
        finally:
            os.close(fd)

    def _read_one(self, name: str) -> str:
        path = self._path(name)
        try:
            return self._read_file(path)
        except FileNotFoundError:
            self._write(path, only_if_absent=True)  # concurrent first readers agree
            return self._read_file(path)

    def read(self, names) -> dict[str, str]:
        return {name: self._read_one(name) for name in names}

    def bump(self, names) -> None:
        for name in names:
            self._write(self._path(name))


@functools.cache
def _file_store(folder) -> FileVersionStore:
    return FileVersionStore(folder)


def _store(alias: str):
    folder = getattr(settings, "CACHE_VERSIONS_DIR", None)
    return _file_store(folder) if folder else CacheVersionStore(alias)


def current_versions(*names: str, alias: str = "default") -> dict[str, str]:
    """The current version of each name, as every process sees it."""
    return _store(alias).read(names)


def current_version(name: str, *, alias: str = "default") -> str:
    return current_versions(name, alias=alias)[name]


def bump_versions(*names: str, alias: str = "default") -> None:
    """Give each name a new version, now and again when the transaction commits."""

    def bump():
        _store(alias).bump(names)

    bump()
    # Inside a transaction, once more after the commit: a reader between this bump and the
    # commit may have stored what it read before the change. Outside one (a script), once is
    # enough, and asking for the commit hook would open a database connection for nothing.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump)
