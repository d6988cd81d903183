"""Query budgets of the public pages: pinned, and constant however much content they show."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import image_upload, make_article, make_series, make_speaker
from tests.reuring.test_block_query_counts import BUDGETS

pytestmark = pytest.mark.django_db

# The pinned budgets from an empty cache, defined once (with their explanation) in
# tests/reuring/test_block_query_counts.py; the speaker page is only measured here.
HOME_QUERIES = BUDGETS["home"][0]
NEWS_QUERIES = BUDGETS["news"][0]
ARTICLE_QUERIES = BUDGETS["article"][0]
TAG_QUERIES = BUDGETS["tag"][0]
# The speaker, the card list with comment counts, the blocks and the page cache's moment.
SPEAKER_QUERIES = 6


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
