"""Whole public pages come from the cache, and never show anything older than the content."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_user
from tests.factories_site import make_promotion, make_whitepaper

pytestmark = pytest.mark.django_db


def test_a_second_reader_gets_the_page_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    make_article("Eerste bericht")
    first = client.get(reverse("articles:list"))

    with django_assert_num_queries(0):
        second = client.get(reverse("articles:list"))

    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_saving_an_article_shows_at_once_on_cached_pages(client):
    article = make_article("Oude titel", tags=["leren"])
    for url in ["/", "/nieuws/", "/nieuws/tag/leren/", "/nieuws/feed/"]:
        client.get(url)

    article.title = "Nieuwe titel"
    article.save()

    for url in ["/", "/nieuws/", "/nieuws/tag/leren/", "/nieuws/feed/"]:
        html = client.get(url).text
        assert "Nieuwe titel" in html, url
        assert "Oude titel" not in html, url


def test_a_new_tag_or_a_deleted_article_shows_at_once(client):
    article = make_article("Weg ermee")
    client.get("/nieuws/")

    article.tags.add("nieuw-label")
    assert "nieuw-label" in client.get("/nieuws/").text

    article.delete()
    assert "Weg ermee" not in client.get("/nieuws/").text


def test_a_scheduled_article_appears_on_cached_pages_exactly_on_time(client):
    moment = timezone.now() + timedelta(minutes=30)
    make_article("Vast bericht")
    make_article("Ingepland bericht", publish_at=moment)

    with time_machine.travel(moment - timedelta(seconds=1)):
        assert "Ingepland bericht" not in client.get("/").text
        assert "Ingepland bericht" not in client.get("/").text  # now from the cache
    with time_machine.travel(moment + timedelta(seconds=1)):
        assert "Ingepland bericht" in client.get("/").text


def test_a_promotion_disappears_from_cached_pages_when_it_ends(client):
    ends = timezone.now() + timedelta(hours=1)
    make_promotion(title="Inschrijven kan nog", placement="home", active_until=ends)

    with time_machine.travel(ends - timedelta(seconds=1)):
        assert "Inschrijven kan nog" in client.get("/").text
        assert "Inschrijven kan nog" in client.get("/").text
    with time_machine.travel(ends + timedelta(seconds=1)):
        assert "Inschrijven kan nog" not in client.get("/").text


def test_logged_in_staff_never_get_a_cached_page(client):
    make_article("Openbaar")
    client.get("/nieuws/")
    client.force_login(make_user(is_staff=True))

    response = client.get("/nieuws/")

    assert "X-Page-Cache" not in response


def test_the_article_page_with_its_comment_form_is_never_stored(client):
    article = make_article(allow_comments=True)
    client.get(article.get_absolute_url())

    response = client.get(article.get_absolute_url())

    assert "X-Page-Cache" not in response


def test_a_page_with_a_form_is_not_stored_for_a_reader_who_already_has_a_csrf_cookie(client):
    article = make_article(allow_comments=True)
    client.get(article.get_absolute_url())
    assert "csrftoken" in client.cookies

    client.get(article.get_absolute_url())
    client.cookies.clear()
    response = client.get(article.get_absolute_url())

    assert "X-Page-Cache" not in response
    assert response.cookies["csrftoken"].value


def test_an_open_whitepaper_page_is_stored_although_staff_could_preview_it(client):
    whitepaper = make_whitepaper("Smart city")
    client.get(whitepaper.get_absolute_url())

    assert client.get(whitepaper.get_absolute_url())["X-Page-Cache"] == "hit"


def test_pages_that_are_not_found_are_not_stored(client):
    client.get("/nieuws/bestaat-niet/")
    assert "X-Page-Cache" not in client.get("/nieuws/bestaat-niet/")


def test_the_cache_can_be_turned_off(client, settings):
    settings.REURING_PAGE_CACHE_SECONDS = 0
    make_article()
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")
