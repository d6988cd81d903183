"""The site's URLs plus a bare view: the baseline every page is compared with."""

from django.http import HttpResponse
from django.urls import include, path


def bare_view(request):
    return HttpResponse("ok")


urlpatterns = [
    path("bench/bare/", bare_view),
    path("", include("reuring.urls")),
]
