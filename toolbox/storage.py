"""Where files live that readers may only get through a view (gated whitepaper PDFs)."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateFileStorage(FileSystemStorage):
    """A folder beside MEDIA_ROOT, never under it, so the web server never serves it.

    Its location is REURING_PRIVATE_MEDIA_ROOT, or "<MEDIA_ROOT>-private" when that is
    empty, so each test run's throw-away media folder gets a throw-away private one.
    """

    @cached_property
    def base_location(self):
        configured = getattr(settings, "REURING_PRIVATE_MEDIA_ROOT", "")
        return str(configured or f"{Path(settings.MEDIA_ROOT)}-private")

    def url(self, name):
        raise ValueError("Private files have no public address; serve them through a view.")


_private_storage = PrivateFileStorage()


def private_storage():
    """Callable for FileField(storage=...), so migrations don't freeze a location."""
    return _private_storage
