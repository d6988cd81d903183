"""The site's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.urls import path

from reuring.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug in a view")


def database_gone(request):
    raise OperationalError("terminating connection due to administrator command")


urlpatterns = [
    path("test/verboden/", forbidden),
    path("test/kapot/", broken),
    path("test/database-weg/", database_gone),
    *urlpatterns,
]
