"""The article page and a gated whitepaper come from the page cache, with each reader's own
parts (CSRF token, the form's signed fields, their waiting comments) filled in around the
stored page: nothing one reader owns is ever stored or shown to another."""

import pickle
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from tests.comments.conftest import make_comment, open_article, reader_address
from tests.factories import make_user
from tests.factories_site import WHITEPAPER_READER, make_whitepaper

pytestmark = pytest.mark.django_db

HIDDEN = re.compile(r'<input type="hidden" name="([\w-]+)" value="([^"]*)">')


def hidden_fields(html: str) -> dict[str, str]:
    return dict(HIDDEN.findall(html))


def reader() -> Client:
    """A browser of its own, which checks CSRF tokens as a real one would be checked."""
    return Client(enforce_csrf_checks=True)


def post_from_page(client, html, action, **fields):
    """Send the form of a page as the reader's browser would, ten seconds after opening it."""
    data = {**hidden_fields(html), "website": "", **fields}
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        return client.post(action, data, REMOTE_ADDR=reader_address())


@pytest.fixture
def article():
    article = open_article("Reuringcafé", allow_comments=True)
    make_comment(article, body="Goedgekeurde reactie.")
    return article


def test_a_second_reader_gets_the_article_page_from_the_cache_without_queries(
    article, django_assert_num_queries
):
    first = reader().get(article.get_absolute_url())
    with django_assert_num_queries(0):
        second = reader().get(article.get_absolute_url())

    assert "X-Page-Cache" not in first
    assert second["X-Page-Cache"] == "hit"
    assert "Goedgekeurde reactie." in second.text
    assert second["Content-Length"] == str(len(second.content))
    # Only this reader's browser may keep their copy.
    assert "private" in second["Cache-Control"]


def test_two_readers_get_their_own_csrf_token_and_form_fields(article):
    first, second = reader(), reader()
    first_html = first.get(article.get_absolute_url()).text
    second_page = second.get(article.get_absolute_url())

    assert second_page["X-Page-Cache"] == "hit"
    mine, theirs = hidden_fields(first_html), hidden_fields(second_page.text)
    for name in ("csrfmiddlewaretoken", "form_id", "security_hash"):
        assert mine[name] and theirs[name] and mine[name] != theirs[name], name
    # Each reader without a CSRF cookie gets one, and their token belongs to it.
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "<!--hole" not in second_page.text


def test_a_reader_can_post_a_comment_with_the_form_of_a_cached_page(article):
    client = reader()
    reader().get(article.get_absolute_url())  # someone else filled the cache
    page = client.get(article.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"

    response = post_from_page(
        client, page.text, f"/reacties/{article.pk}/", name="Anna", email="a@example.nl", body="Hoi"
    )

    assert response.status_code == 302
    assert Comment.objects.filter(name="Anna").exists()


def test_a_reader_with_a_csrf_cookie_keeps_it(article):
    client = reader()
    client.get(article.get_absolute_url())
    cookie = client.cookies["csrftoken"].value

    page = client.get(article.get_absolute_url())

    assert page["X-Page-Cache"] == "hit"
    assert client.cookies["csrftoken"].value == cookie


def test_a_malformed_csrf_cookie_is_replaced(article):
    reader().get(article.get_absolute_url())
    client = reader()
    client.cookies["csrftoken"] = "kapot!"

    page = client.get(article.get_absolute_url())

    assert page["X-Page-Cache"] == "hit"
    assert re.fullmatch(r"[A-Za-z0-9]{32}", client.cookies["csrftoken"].value)


def test_a_reader_sees_their_own_waiting_comment_and_nobody_else_does(article):
    anna, bert = reader(), reader()
    page = anna.get(article.get_absolute_url())
    post_from_page(
        anna,
        page.text,
        f"/reacties/{article.pk}/",
        name="Anna",
        email="a@example.nl",
        body="Mijn wachtende reactie.",
    )
    assert Comment.objects.get(name="Anna").status == Comment.Status.PENDING

    anna.get(article.get_absolute_url())  # shows the "thank you" message once
    annas_page = anna.get(article.get_absolute_url())
    berts_page = bert.get(article.get_absolute_url())

    assert annas_page["X-Page-Cache"] == berts_page["X-Page-Cache"] == "hit"
    assert "Mijn wachtende reactie." in annas_page.text
    assert "Mijn wachtende reactie." not in berts_page.text
    # A waiting comment changes no public page: the cache was not emptied for it.
    assert bert.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_form_with_errors_is_shown_to_its_reader_only_and_never_stored(article):
    anna, bert = reader(), reader()
    page = anna.get(article.get_absolute_url())

    response = post_from_page(
        anna, page.text, f"/reacties/{article.pk}/", name="Geheime Naam", email="fout", body="x"
    )

    assert response.status_code == 200
    assert "Geheime Naam" in response.text
    assert "Geheime Naam" not in bert.get(article.get_absolute_url()).text
    assert "Geheime Naam" not in anna.get(article.get_absolute_url()).text


def test_a_logged_in_editor_is_not_served_the_anonymous_page(article):
    reader().get(article.get_absolute_url())
    editor = Client()
    editor.force_login(make_user("eva", is_staff=True, email="eva@example.nl"))

    response = editor.get(article.get_absolute_url())

    assert "X-Page-Cache" not in response
    assert 'value="eva@example.nl"' in response.text  # the form is filled in for staff
    # ...and what was built for the editor is not served to readers.
    assert "eva@example.nl" not in reader().get(article.get_absolute_url()).text


def test_the_stored_page_holds_no_token_of_any_reader(article):
    client = reader()
    client.get(article.get_absolute_url())
    html = client.get(article.get_absolute_url()).text
    fields = hidden_fields(html)

    # Everything in the (local memory) cache, as stored.
    entries = [pickle.loads(value) for value in cache._cache.values()]  # type: ignore[attr-defined]  # noqa: S301
    stored = repr(entries).encode()
    assert b"Reuringcaf" in stored  # the page itself is there

    for name in ("csrfmiddlewaretoken", "form_id", "security_hash"):
        assert fields[name].encode() not in stored, name
    assert client.cookies["csrftoken"].value.encode() not in stored


def test_the_form_disappears_when_comments_close_even_from_the_cache(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 1
    article = open_article(allow_comments=True)
    closes = article.publish_at + timedelta(days=1)

    with time_machine.travel(closes - timedelta(seconds=1)):
        reader().get(article.get_absolute_url())
        assert reader().get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    with time_machine.travel(closes + timedelta(seconds=1)):
        response = reader().get(article.get_absolute_url())
    assert 'name="csrfmiddlewaretoken"' not in response.text


def test_a_gated_whitepaper_comes_from_the_cache_with_each_readers_form(
    django_assert_num_queries,
):
    whitepaper = make_whitepaper("Smart city", gated=True)
    first = reader().get(whitepaper.get_absolute_url())
    client = reader()
    with django_assert_num_queries(0):
        second = client.get(whitepaper.get_absolute_url())

    assert second["X-Page-Cache"] == "hit"
    mine, theirs = hidden_fields(first.text), hidden_fields(second.text)
    for name in ("csrfmiddlewaretoken", "form_id", "security_hash"):
        assert mine[name] != theirs[name], name

    response = post_from_page(
        client, second.text, f"{whitepaper.get_absolute_url()}aanvragen/", **WHITEPAPER_READER
    )
    assert response.status_code == 302
