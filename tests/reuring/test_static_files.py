"""Static files in production: collected under hashed names, so browsers keep them for good,
and served compressed to browsers that accept it, with the site's security headers."""

import gzip

import brotli
import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

from tests.reuring.test_error_pages import assert_security_headers

PRODUCTION_STATIC = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """What `make serve` collects, served by WhiteNoise as in production."""
    root = tmp_path_factory.mktemp("static")
    from django.conf import settings

    storages = {**settings.STORAGES, "staticfiles": PRODUCTION_STATIC}
    with override_settings(
        STATIC_ROOT=root,
        STORAGES=storages,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        # The site's own files only: compressing the admin's and the editor's takes 20 s.
        call_command(
            "collectstatic",
            interactive=False,
            verbosity=0,
            ignore_patterns=["admin", "django_prose_editor"],
        )
        middleware = WhiteNoiseMiddleware(lambda request: HttpResponse("not static"))
        yield middleware, staticfiles_storage.url("css/site.css")


def fetch(middleware, url, encoding=""):
    request = RequestFactory().get(url, HTTP_ACCEPT_ENCODING=encoding)
    response = middleware(request)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_a_stylesheet_has_a_hashed_name_kept_for_ten_years(collected):
    middleware, url = collected
    response, _ = fetch(middleware, url)

    assert url != "/static/css/site.css"  # the name changes when the file does
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert_security_headers(response)


def test_browsers_that_accept_brotli_or_gzip_get_the_stylesheet_compressed(collected):
    middleware, url = collected
    _, plain = fetch(middleware, url)
    brotli_response, brotli_body = fetch(middleware, url, "br, gzip")
    gzip_response, gzip_body = fetch(middleware, url, "gzip")

    assert brotli_response["Content-Encoding"] == "br"
    assert brotli.decompress(brotli_body) == plain
    assert gzip_response["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzip_body) == plain
    assert len(brotli_body) < len(plain) / 2
    assert "Accept-Encoding" in brotli_response["Vary"]
