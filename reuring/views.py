"""Site-wide pages: robots.txt and the pages a Dutch public-sector site must have."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from reuring import blocks, privacy
from reuring.models import AccessibilityStatement, Colophon, PrivacyStatement


@require_GET
def robots_txt(request):
    """What crawlers may visit, and where the sitemap is. Search results are left out:
    every query would be a page of its own."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('articles:search')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _site_context():
    site = blocks.site_details()
    return {"site": site, "organisation": site.organisation_name if site else "Reuring"}


@require_GET
def accessibility_statement(request):
    statement = AccessibilityStatement.objects.prefetch_related("issues").first()
    site = blocks.site_details()
    context = {
        **_site_context(),
        "statement": statement,
        "contact_email": (statement and statement.contact_email) or (site and site.email) or "",
        "contact_phone": (statement and statement.contact_phone) or (site and site.phone) or "",
        "website": request.get_host(),
    }
    return render(request, "reuring/accessibility.html", context)


@require_GET
def privacy_statement(request):
    statement = PrivacyStatement.current()
    site = blocks.site_details()
    context = {
        **_site_context(),
        "statement": statement,
        "requests_email": (statement and statement.requests_email) or (site and site.email) or "",
        "processing": privacy.processing(),
        "cookies": privacy.cookies(),
        "not_collected": privacy.not_collected(),
    }
    return render(request, "reuring/privacy.html", context)


@require_GET
def colophon(request):
    return render(
        request, "reuring/colophon.html", {**_site_context(), "colophon": Colophon.current()}
    )
