"""One view that renders a template with ten items: the baseline of `make bench`."""

from django.shortcuts import render
from django.urls import path

ITEMS = [{"title": f"Bericht {n}", "url": f"/nieuws/bericht-{n}/"} for n in range(1, 11)]


def bare_view(request):
    return render(request, "bare.html", {"items": ITEMS})


urlpatterns = [path("", bare_view)]
