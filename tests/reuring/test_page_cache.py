"""Whole public pages come from the cache, and never show anything older than the content."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from comments.services import comment_approve, comment_reject
from reuring.page_cache import PAGES
from tests.comments.conftest import make_comment, reader_address
from tests.factories import make_article, make_user
from tests.factories_site import make_promotion, make_whitepaper, whitepaper_request_data
from toolbox.cache_versions import current_version

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


def test_a_change_made_by_another_process_shows_on_the_next_response(client):
    make_article("Bericht")
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    # What a management command, another app server or the admin on another worker does
    # when it saves: a separate Python process, sharing nothing with this one but the
    # version store (here the embedded default: files under var/).
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from reuring import page_cache; page_cache.content_changed()",
        ],
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "reuring.test_settings"},
    )

    assert "X-Page-Cache" not in client.get("/")


def test_a_scheduled_moment_expires_pages_once_without_a_window_of_misses(
    client, django_assert_num_queries
):
    moment = timezone.now() + timedelta(minutes=30)
    make_article("Ingepland bericht", publish_at=moment)
    client.get("/")

    with time_machine.travel(moment + timedelta(seconds=1)):
        first = client.get("/")
        with django_assert_num_queries(0):
            second = client.get("/")
    with time_machine.travel(moment + timedelta(minutes=5)):
        later = client.get("/")

    assert "X-Page-Cache" not in first
    assert "Ingepland bericht" in first.text
    assert second["X-Page-Cache"] == later["X-Page-Cache"] == "hit"


def test_a_waiting_comment_or_a_whitepaper_request_leaves_cached_pages_alone(client):
    article = make_article("Bericht", allow_comments=True)
    whitepaper = make_whitepaper("Smart city", gated=True)
    client.get("/")
    version = current_version(PAGES)

    waiting = make_comment(article, status=Comment.Status.PENDING)
    client.post(
        f"{whitepaper.get_absolute_url()}aanvragen/",
        whitepaper_request_data(whitepaper),
        REMOTE_ADDR=reader_address(),
    )
    comment_reject(
        comment=waiting,
        moderator=make_user("mod", is_staff=True, permissions=["comments.can_moderate"]),
    )
    waiting.delete()

    assert current_version(PAGES) == version
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_approving_a_comment_shows_at_once(client):
    article = make_article("Bericht", allow_comments=True)
    comment = make_comment(article, status=Comment.Status.PENDING, body="Nu zichtbaar.")
    client.get(article.get_absolute_url())

    comment_approve(
        comment=comment,
        moderator=make_user("mod", is_staff=True, permissions=["comments.can_moderate"]),
    )

    assert "Nu zichtbaar." in client.get(article.get_absolute_url()).text


def test_parameters_a_page_does_not_read_are_served_from_the_clean_page(
    client, django_assert_num_queries
):
    make_article("Bericht")
    client.get("/")

    with django_assert_num_queries(0):
        tracked = client.get("/?utm_source=linkedin&utm_medium=social")
        paged = client.get("/?page=2")  # the home page has no pages

    assert tracked["X-Page-Cache"] == paged["X-Page-Cache"] == "hit"


def test_parameters_a_page_reads_are_part_of_its_key(client):
    for number in range(13):
        make_article(f"Bericht {number}")
    first = client.get("/nieuws/").text
    client.get("/nieuws/?page=2")

    second = client.get("/nieuws/?page=2&utm_source=x")

    assert second["X-Page-Cache"] == "hit"
    assert second.text != first


def test_a_page_first_asked_for_with_junk_is_stored_as_the_clean_page(client):
    make_article("Bericht")
    client.get("/?junk=1")

    assert client.get("/")["X-Page-Cache"] == "hit"


def test_300_junk_query_strings_do_not_push_the_home_page_out_of_the_cache(client):
    make_article("Bericht")
    client.get("/")

    for number in range(300):
        assert client.get(f"/?junk={number}")["X-Page-Cache"] == "hit"

    assert client.get("/")["X-Page-Cache"] == "hit"
