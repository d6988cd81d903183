import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.factories import make_article, make_speaker

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    cache.clear()  # both measurements start from an empty cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [reverse("articles:home"), reverse("articles:list")])
def test_cards_show_how_many_approved_comments_an_article_has(client, url):
    article = make_article("Besproken artikel")
    make_comment(article)
    make_comment(article)
    make_comment(article, status=Comment.Status.PENDING)

    response = client.get(url)

    assert "2 reacties" in response.text


def test_cards_show_no_count_without_approved_comments(client):
    article = make_article("Stil artikel")
    make_comment(article, status=Comment.Status.PENDING)

    assert "reactie" not in client.get(reverse("articles:list")).text.split("Stil artikel")[1][:300]


@pytest.mark.parametrize("url_name", ["articles:home", "articles:list", "speaker"])
def test_comment_counts_cost_no_query_per_article(client, url_name):
    speaker = make_speaker()
    url = speaker.get_absolute_url() if url_name == "speaker" else reverse(url_name)
    for _ in range(3):
        make_comment(make_article(speakers=[speaker]))
    few = queries_for(client, url)

    for _ in range(12):
        make_comment(make_article(speakers=[speaker]))

    assert queries_for(client, url) == few
