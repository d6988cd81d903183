from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from reuring import views
from reuring.sitemaps import SITEMAPS
from toolbox.params import SITEMAP_PAGE

# Dutch error pages in the site's layout (see reuring.errors).
handler400 = "reuring.errors.bad_request"
handler403 = "reuring.errors.permission_denied"
handler404 = "reuring.errors.page_not_found"
handler500 = "reuring.errors.server_error"

admin.site.site_header = _("Reuring newsroom")
admin.site.site_title = _("Reuring")
admin.site.index_title = _("Manage the site")
# No app menu beside every page: at 1280 px it left the moderation queue and the lists too
# little room (the index and the breadcrumbs lead to every list).
admin.site.enable_nav_sidebar = False


def parsed_sitemap(request, **kwargs):
    """Django's sitemap, after its page parameter passed our parser (404 if it does not)."""
    SITEMAP_PAGE.read(request)
    return sitemap(request, **kwargs)


urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", parsed_sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
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
