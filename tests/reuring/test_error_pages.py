"""Every error page is Dutch, in the site's layout, carries the security headers and is
never cached; the 500 and 503 pages render without the database."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.comments.conftest import form_data, open_article

FAILING_URLS = "tests.reuring.error_urls"


def assert_dutch_error_page(response, status, heading):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f"Foutcode {status}" in html
    assert 'class="site-header"' in html  # the site's layout, with its navigation
    assert_security_headers(response)
    assert response["Cache-Control"] == "no-store"


def assert_security_headers(response):
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_missing_page_is_a_dutch_404(client):
    response = client.get("/bestaat-niet/")

    assert_dutch_error_page(response, 404, "Pagina niet gevonden")


@pytest.mark.django_db
def test_a_404_is_never_stored_by_the_page_cache(client):
    client.get("/nieuws/bestaat-niet/")
    again = client.get("/nieuws/bestaat-niet/")

    assert again.status_code == 404
    assert "X-Page-Cache" not in again


@pytest.mark.django_db
def test_a_wrong_host_header_is_a_dutch_400_with_the_security_headers(client):
    response = client.get("/", headers={"host": "evil.example"})

    assert_dutch_error_page(response, 400, "Dit verzoek konden wij niet lezen")


@pytest.mark.django_db
@pytest.mark.urls(FAILING_URLS)
def test_a_refused_page_is_a_dutch_403(client):
    response = client.get("/test/verboden/")

    assert_dutch_error_page(response, 403, "Geen toegang")


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_is_a_dutch_403_that_says_what_to_do():
    article = open_article()
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(f"/reacties/{article.pk}/", form_data(article))

    assert_dutch_error_page(response, 403, "Dit formulier is verlopen")
    assert "herlaad de pagina" in response.text


@pytest.mark.django_db
def test_a_wrong_method_is_a_dutch_405_that_keeps_the_allow_header(client):
    article = open_article()

    response = client.get(f"/reacties/{article.pk}/")

    assert_dutch_error_page(response, 405, "Dit adres werkt niet zo")
    assert response["Allow"] == "POST"


@pytest.mark.django_db
def test_a_list_page_posted_to_is_a_dutch_405(client):
    response = client.post("/nieuws/")

    assert_dutch_error_page(response, 405, "Dit adres werkt niet zo")


@pytest.mark.urls(FAILING_URLS)
def test_a_bug_is_a_dutch_500_rendered_without_the_database():
    # No django_db mark: any query while rendering the page would fail this test.
    response = Client(raise_request_exception=False).get("/test/kapot/")

    assert_dutch_error_page(response, 500, "Er ging iets mis")


@pytest.mark.urls(FAILING_URLS)
def test_a_lost_database_connection_is_a_503_with_retry_after_not_a_500():
    response = Client(raise_request_exception=False).get("/test/database-weg/")

    assert_dutch_error_page(response, 503, "De website is even niet bereikbaar")
    assert response["Retry-After"] == "3"


@pytest.mark.django_db
def test_every_page_answers_503_while_the_database_is_unreachable():
    article = open_article()
    reader = Client(raise_request_exception=False)
    unreachable = OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=unreachable):
        pages = [reader.get(url) for url in ("/", "/nieuws/", article.get_absolute_url())]

    for response in pages:
        assert_dutch_error_page(response, 503, "De website is even niet bereikbaar")
        assert response["Retry-After"] == "3"


def test_static_files_carry_the_security_headers(client):
    response = client.get("/static/css/site.css")

    assert response.status_code == 200
    assert_security_headers(response)
