from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from reuring import views
from reuring.sitemaps import SITEMAPS

admin.site.site_header = _("Reuring newsroom")
admin.site.site_title = _("Reuring")
admin.site.index_title = _("Manage the site")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_statement, name="privacy"),
    path("colofon/", views.colophon, name="colophon"),
    path("", include("comments.urls")),
    path("", include("articles.urls")),
]

if settings.REURING_SERVE_MEDIA:
    # Development and tests only; in production the web server serves media.
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
