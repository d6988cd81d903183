"""Query budgets: the article page costs the same with 3 or 1,000 comments; counts, one query."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.comments.conftest import make_comment, open_article, post_comment
from tests.comments.test_thread import many_comments
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# The whole article page, with every block on it, may cost at most this many queries
# once the site-wide blocks (contact details, promotions...) are in their cache.
ARTICLE_PAGE_BUDGET = 10
# The comments section's own share: counts with the closing rule, and the page of comments;
# both cached per article until its comments change (comments.thread).
COMMENT_SECTION_QUERIES = 2


@pytest.fixture(autouse=True)
def _pages_built_each_time(request, settings):
    """These budgets are for building the page (what every reader of a fresh page, and
    staff, cost); the page cache, which serves it without queries, is tested in
    tests/reuring."""
    if "page_cache" not in request.keywords:
        settings.REURING_PAGE_CACHE_SECONDS = 0


def warm(client, article):
    """One visit first, so site-wide blocks that other apps cache are cached."""
    assert client.get(article.get_absolute_url()).status_code == 200


def count_queries(client, url, *, cold=False, **params):
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), queries


def comment_queries(queries):
    return [q for q in queries.captured_queries if "comments_" in q["sql"]]


def test_the_article_page_costs_the_same_with_3_or_1000_comments(
    client, django_assert_max_num_queries
):
    small, large = open_article(), open_article()
    many_comments(small, 3)
    many_comments(large, 1000)
    for parent in large.comments.all()[:20]:
        make_comment(large, parent=parent, body="Een antwoord")
    warm(client, large)

    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        client.get(large.get_absolute_url())
    # From an empty cache, so the comments are counted and fetched each time.
    small_count, small_queries = count_queries(client, small.get_absolute_url(), cold=True)
    large_count, large_queries = count_queries(client, large.get_absolute_url(), cold=True)
    later_page_count, _ = count_queries(client, large.get_absolute_url(), cold=True, reacties=7)
    _, again = count_queries(client, large.get_absolute_url(), reacties=7)

    assert small_count == large_count == later_page_count
    assert len(comment_queries(small_queries)) == COMMENT_SECTION_QUERIES
    assert len(comment_queries(large_queries)) == COMMENT_SECTION_QUERIES
    assert comment_queries(again) == []  # the thread came from the cache


def test_a_moderated_comment_is_on_the_next_page_view_although_the_thread_is_cached(client):
    article = open_article()
    many_comments(article, 3)
    warm(client, article)
    waiting = make_comment(article, status="pending", body="Net goedgekeurd")
    assert "Net goedgekeurd" not in client.get(article.get_absolute_url()).text

    waiting.status, waiting.moderated_at = "approved", timezone.now()
    waiting.save()

    assert "Net goedgekeurd" in client.get(article.get_absolute_url()).text
    waiting.delete()
    assert "Net goedgekeurd" not in client.get(article.get_absolute_url()).text


@pytest.mark.page_cache
def test_the_readers_own_waiting_comments_cost_one_query_on_the_cached_page(client, article):
    # They are filled in around the stored page (toolbox.holes); one query however many.
    many_comments(article, 10)
    warm(client, article)
    before, _ = count_queries(client, article.get_absolute_url())
    for n in range(3):
        post_comment(client, article, email=f"ik{n}@example.nl", body=f"Eigen reactie {n}")
    client.get(article.get_absolute_url())  # the "thank you" message, once

    after, _ = count_queries(client, article.get_absolute_url())

    assert before == 0
    assert after == 1


def test_replying_costs_no_extra_query(client, article):
    many_comments(article, 10)
    target = article.comments.first()
    warm(client, article)
    plain, _ = count_queries(client, article.get_absolute_url())

    replying, _ = count_queries(client, article.get_absolute_url(), **{"reageer-op": target.pk})

    assert replying == plain


CARDS = Template(
    "{% load comments %}{% for article in articles|with_comment_counts %}"
    "[{{ article.pk }}:{{ article.comment_count }}]{% endfor %}"
)


def test_comment_counts_for_a_list_of_articles_cost_one_query(django_assert_num_queries):
    articles = [make_article() for _ in range(30)]
    many_comments(articles[0], 4)
    make_comment(articles[1])
    make_comment(articles[1], status="pending")
    listed = list(Article.objects.filter(pk__in=[a.pk for a in articles]))

    with django_assert_num_queries(1):
        html = CARDS.render(Context({"articles": listed}))

    assert f"[{articles[0].pk}:4]" in html
    assert f"[{articles[1].pk}:1]" in html
    assert f"[{articles[2].pk}:0]" in html


def test_the_count_label_reads_as_dutch():
    label = Template('{% include "comments/_count.html" with count=n only %}')

    assert "1 reactie<" in label.render(Context({"n": 1}))
    assert "12 reacties<" in label.render(Context({"n": 12}))
    assert label.render(Context({"n": 0})).strip() == ""
