"""The sitemap: the newsroom's sections (articles.sitemaps) and the site's own pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.sitemaps import SITEMAPS as NEWSROOM
from reuring.models import AccessibilityStatement, Colophon, PrivacyStatement


class AboutSitemap(Sitemap):
    """The accessibility statement, the privacy statement and the colophon."""

    changefreq = "yearly"
    priority = 0.2
    PAGES = {
        "accessibility": AccessibilityStatement,
        "privacy": PrivacyStatement,
        "colophon": Colophon,
    }

    def items(self):
        updated = {
            name: model._default_manager.values_list("updated_at", flat=True).first()
            for name, model in self.PAGES.items()
        }
        return list(updated.items())

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


SITEMAPS = {**NEWSROOM, "about": AboutSitemap}
