""" "Offline na": an article or whitepaper past its end disappears everywhere at that moment,
cached pages included, and its address answers 410 Gone."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, SearchDocument, Whitepaper
from tests.factories import make_article, make_speaker
from tests.factories_site import make_blog_post, make_blogger, make_whitepaper

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = [
    "/",
    "/nieuws/",
    "/nieuws/tag/leren/",
    "/nieuws/feed/",
    "/nieuws/feed/atom/",
    "/nieuws/tag/leren/feed/",
    "/sitemap.xml",
    "/zoeken/?q=zeldzaamwoord",
]


@pytest.fixture
def ends():
    return timezone.now() + timedelta(hours=2)


def test_an_article_disappears_from_every_list_feed_sitemap_and_search_on_time(client, ends):
    speaker = make_speaker("Leo Smits")
    make_article("Blijvend bericht", tags=["leren"], speakers=[speaker])
    make_article(
        "Verdwijnbericht",
        slug="verdwijnbericht",
        lead="Een zeldzaamwoord in de inleiding.",
        tags=["leren"],
        speakers=[speaker],
        unpublish_at=ends,
    )

    with time_machine.travel(ends - timedelta(minutes=5)):
        for url in [*PUBLIC_LISTS, speaker.get_absolute_url()]:
            assert "erdwijnbericht" in client.get(url).text, url
            client.get(url)  # stored in the page cache now
    with time_machine.travel(ends + timedelta(seconds=1)):
        for url in [*PUBLIC_LISTS, speaker.get_absolute_url()]:
            response = client.get(url)
            assert response.status_code == 200, url
            assert "erdwijnbericht" not in response.text, url


def test_its_address_answers_410_gone_with_a_dutch_page_in_the_site_layout(client, ends):
    article = make_article("Verdwijnbericht", unpublish_at=ends)
    assert client.get(article.get_absolute_url()).status_code == 200

    with time_machine.travel(ends + timedelta(minutes=1)):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 410
    assert "Niet meer beschikbaar" in response.text
    assert '<html lang="nl"' in response.text
    assert "no-store" in response["Cache-Control"]
    assert "Verdwijnbericht" not in response.text


def test_an_unknown_address_is_still_404_not_410(client):
    assert client.get("/nieuws/bestaat-niet/").status_code == 404


def test_it_leaves_the_related_articles_of_other_articles(client, ends):
    make_article("Vast stuk over leren", slug="vast", tags=["leren"])
    make_article("Verwant verdwijnstuk", tags=["leren"], unpublish_at=ends)

    with time_machine.travel(ends - timedelta(minutes=5)):
        assert "Verwant verdwijnstuk" in client.get("/nieuws/vast/").text
    with time_machine.travel(ends + timedelta(seconds=1)):
        assert "Verwant verdwijnstuk" not in client.get("/nieuws/vast/").text


def test_a_whitepaper_goes_offline_from_its_list_and_block_and_its_page_is_gone(client, ends):
    make_whitepaper("Blijvende whitepaper")
    paper = make_whitepaper("Verdwijnpaper", unpublish_at=ends)

    with time_machine.travel(ends - timedelta(minutes=5)):
        assert "Verdwijnpaper" in client.get("/whitepapers/").text
        assert "Verdwijnpaper" in client.get("/nieuws/").text  # the Whitepapers block
    with time_machine.travel(ends + timedelta(seconds=1)):
        assert "Verdwijnpaper" not in client.get("/whitepapers/").text
        assert "Verdwijnpaper" not in client.get("/nieuws/").text
        assert client.get(paper.get_absolute_url()).status_code == 410
        assert client.get(paper.open_download_url()).status_code == 404


def test_the_bloggers_block_shows_the_previous_post_once_the_newest_goes_offline(client, ends):
    blogger = make_blogger("Martijn Aslander")
    make_blog_post(blogger, "Oudere blog", publish_at=timezone.now() - timedelta(days=2))
    make_blog_post(blogger, "Nieuwste blog", unpublish_at=ends)

    with time_machine.travel(ends - timedelta(minutes=5)):
        assert "Nieuwste blog" in client.get("/nieuws/").text
    with time_machine.travel(ends + timedelta(seconds=1)):
        html = client.get("/nieuws/").text
    assert "Nieuwste blog" not in html
    assert "Oudere blog" in html


def test_search_finds_only_what_is_online(ends):
    make_article("Verdwijnbericht over zoeken", unpublish_at=ends)
    with time_machine.travel(ends + timedelta(seconds=1)):
        assert not SearchDocument.objects.visible().filter(article__isnull=False).exists()


def test_offline_before_online_is_refused_by_the_form_rules_and_the_database():
    article = make_article("Verkeerd om")
    article.unpublish_at = article.publish_at - timedelta(hours=1)
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert "unpublish_at" in refused.value.message_dict
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(unpublish_at=article.unpublish_at)


def test_the_public_pages_cost_no_more_queries_with_offline_articles(
    client, django_assert_max_num_queries
):
    from tests.articles.test_query_counts import HOME_QUERIES, NEWS_QUERIES

    past = timezone.now() - timedelta(hours=1)
    for number in range(5):
        make_article(
            f"Oud {number}",
            publish_at=past - timedelta(days=1),
            unpublish_at=past,
        )
    make_article("Actueel")
    with django_assert_max_num_queries(HOME_QUERIES):
        client.get("/")
    with django_assert_max_num_queries(NEWS_QUERIES):
        client.get("/nieuws/")


def test_a_whitepaper_can_be_given_an_end_in_the_admin_and_shows_its_state(admin_client):
    paper = make_whitepaper("Met einde", unpublish_at=timezone.now() + timedelta(days=3))

    listing = admin_client.get(reverse("admin:articles_whitepaper_changelist"))

    assert "Online tot" in listing.text
    paper.unpublish_at = timezone.now() - timedelta(seconds=1)
    Whitepaper.objects.filter(pk=paper.pk).update(
        publish_at=paper.unpublish_at - timedelta(days=1), unpublish_at=paper.unpublish_at
    )
    listing = admin_client.get(reverse("admin:articles_whitepaper_changelist"))
    assert "Offline sinds" in listing.text
