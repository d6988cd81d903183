"""Query budgets of the public pages: pinned, and constant however much content they show."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import image_upload, make_article, make_series, make_speaker

pytestmark = pytest.mark.django_db

# Pinned budgets, measured with the tests below (see the closing note), with an
# empty cache: the site-wide blocks (contact details, promotions, whitepapers, bloggers)
# cost one query each until they are cached, and none after that
# (tests/reuring/test_block_query_counts.py pins the cached counts).
# Cards on home, Nieuws, tag, series and speaker pages add one query for comment counts.
# Pages that are the same for every reader also ask once when the next scheduled item
# appears, for the page cache (reuring.page_cache).
HOME_QUERIES = 8
NEWS_QUERIES = 10
# The article page: 9 for the article and its blocks, 2 for the comments section.
ARTICLE_QUERIES = 11
SPEAKER_QUERIES = 6
TAG_QUERIES = 11


def count_queries(client, url):
    # Always from an empty cache, so two measurements compare like with like.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def article_with(count, series=None):
    speakers = [make_speaker(photo=image_upload(), photo_alt="Portret") for _ in range(count)]
    return make_article(
        tags=[f"tag {n}" for n in range(count)],
        speakers=speakers,
        series=series,
        image=image_upload(width=800, height=450),
        image_alt="Beeld",
    )


def test_the_article_page_costs_the_same_with_1_or_30_speakers_and_tags(
    client, django_assert_max_num_queries
):
    small, large = article_with(1), article_with(30)

    with django_assert_max_num_queries(ARTICLE_QUERIES):
        client.get(small.get_absolute_url())
    assert count_queries(client, large.get_absolute_url()) == count_queries(
        client, small.get_absolute_url()
    )


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        (reverse("articles:home"), HOME_QUERIES),
        (reverse("articles:list"), NEWS_QUERIES),
        (reverse("articles:tag", args=["gedeeld"]), TAG_QUERIES),
    ],
    ids=["home", "news", "tag"],
)
def test_list_pages_cost_the_same_with_10_or_200_articles(
    client, django_assert_max_num_queries, url, budget
):
    series = make_series()
    for _ in range(10):
        make_article(
            tags=["gedeeld", "een", "twee"], series=series, image=image_upload(), image_alt="x"
        )
    with django_assert_max_num_queries(budget):
        client.get(url)
    ten = count_queries(client, url)

    for _ in range(190):
        make_article(tags=["gedeeld", "drie"], series=series)

    assert count_queries(client, url) == ten


def test_the_series_page_costs_the_same_with_10_or_200_articles(client):
    series = make_series()
    for _ in range(10):
        make_article(series=series, tags=["x"])
    ten = count_queries(client, series.get_absolute_url())
    for _ in range(190):
        make_article(series=series, tags=["y"])

    assert count_queries(client, series.get_absolute_url()) == ten <= TAG_QUERIES


def test_the_speaker_page_costs_the_same_with_1_or_30_articles(
    client, django_assert_max_num_queries
):
    speaker = make_speaker()
    make_article(speakers=[speaker], tags=["a"])
    with django_assert_max_num_queries(SPEAKER_QUERIES):
        client.get(speaker.get_absolute_url())
    one = count_queries(client, speaker.get_absolute_url())
    for _ in range(29):
        make_article(speakers=[speaker], tags=["a", "b"])

    assert count_queries(client, speaker.get_absolute_url()) == one
