"""A changed slug keeps every old address working: a permanent redirect, for ever."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import OldSlug
from tests.articles.test_admin import article_form
from tests.factories import make_article, make_series, make_speaker
from tests.factories_site import make_blogger, make_whitepaper

pytestmark = pytest.mark.django_db


def rename(item, slug):
    item.slug = slug
    item.save()


def assert_redirects_permanently(client, old_url, new_url):
    response = client.get(old_url)
    assert response.status_code == 301, old_url
    assert response["Location"] == new_url


def test_both_old_addresses_of_an_article_renamed_twice_lead_to_the_new_one(client):
    article = make_article("Reuringcafé", slug="eerste")
    rename(article, "tweede")
    rename(article, "derde")

    new = reverse("articles:detail", args=["derde"])
    assert_redirects_permanently(client, "/nieuws/eerste/", new)
    assert_redirects_permanently(client, "/nieuws/tweede/", new)
    assert client.get(new).status_code == 200


def test_the_redirect_keeps_the_query_string(client):
    article = make_article(slug="oud")
    rename(article, "nieuw")

    assert_redirects_permanently(client, "/nieuws/oud/?reacties=2", "/nieuws/nieuw/?reacties=2")


def test_a_draft_that_was_never_published_leaves_no_old_address(client):
    article = make_article(slug="concept", published=False)
    rename(article, "beter-concept")

    assert not OldSlug.objects.exists()
    assert client.get("/nieuws/concept/").status_code == 404


def test_a_new_article_may_take_a_freed_slug_and_is_then_shown_itself(client):
    first = make_article("Eerste", slug="gedeeld")
    rename(first, "eerste-nieuw")
    second = make_article("Tweede", slug="gedeeld")

    response = client.get(second.get_absolute_url())

    assert response.status_code == 200
    assert response.context["article"] == second


def test_renaming_back_makes_the_old_slug_live_again(client):
    article = make_article(slug="a")
    rename(article, "b")
    rename(article, "a")

    assert client.get("/nieuws/a/").status_code == 200
    assert_redirects_permanently(client, "/nieuws/b/", "/nieuws/a/")


def test_speakers_bloggers_series_and_whitepapers_keep_their_old_addresses(client):
    speaker = make_speaker(slug="spreker-oud")
    make_article(speakers=[speaker])
    blogger = make_blogger("Bea", slug="bea-oud")
    series = make_series()
    old_series = series.slug
    whitepaper = make_whitepaper(slug="wp-oud")
    rename(speaker, "spreker-nieuw")
    rename(blogger, "bea-nieuw")
    rename(series, "serie-nieuw")
    rename(whitepaper, "wp-nieuw")

    assert_redirects_permanently(client, "/sprekers/spreker-oud/", "/sprekers/spreker-nieuw/")
    assert_redirects_permanently(client, "/bloggers/bea-oud/", "/bloggers/bea-nieuw/")
    assert_redirects_permanently(
        client, f"/nieuws/serie/{old_series}/", "/nieuws/serie/serie-nieuw/"
    )
    assert_redirects_permanently(client, "/whitepapers/wp-oud/", "/whitepapers/wp-nieuw/")
    assert_redirects_permanently(
        client, "/whitepapers/wp-oud/download/", "/whitepapers/wp-nieuw/download/"
    )


def test_an_unknown_address_is_still_a_404(client):
    assert client.get("/nieuws/bestaat-niet/").status_code == 404


def test_the_admin_tells_the_editor_that_the_old_address_keeps_working(client, editor):
    article = make_article("Reuringcafé over leren", slug="reuringcafe-over-leren")
    client.force_login(editor)
    change = reverse("admin:articles_article_change", args=[article.pk])

    response = client.post(change, article_form(slug="reuringcafe-leren"), follow=True)

    assertContains(response, "/nieuws/reuringcafe-over-leren/")
    assertContains(response, "blijft werken")
    page = client.get(change)
    assertContains(page, "Eerdere adressen")
    assertContains(page, "/nieuws/reuringcafe-over-leren/")
    assert_redirects_permanently(
        client, "/nieuws/reuringcafe-over-leren/", "/nieuws/reuringcafe-leren/"
    )
