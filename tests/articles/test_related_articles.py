"""“Gerelateerd” under an article: hand-picked first, then what shares the most with it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.articles.test_query_counts import count_queries
from tests.factories import make_article, make_series, make_speaker

pytestmark = pytest.mark.django_db


def shown_related(client, article):
    html = client.get(article.get_absolute_url()).text
    if 'id="gerelateerd"' not in html:
        return []
    section = html.split('id="gerelateerd"')[1].split("</section>")[0]
    return [part.split("</a>")[0].split(">")[-1] for part in section.split("<a ")[1:]]


def test_hand_picked_articles_come_first_then_those_sharing_the_most(client):
    leo = make_speaker("Leo")
    cafe = make_series("Reuringcafé")
    article = make_article("Het artikel", tags=["leren", "HR"], speakers=[leo], series=cafe)
    make_article("Niets gemeen", tags=["sport"])
    one_tag = make_article("Eén tag", tags=["leren"])
    all_three = make_article("Spreker, tag en serie", tags=["leren"], speakers=[leo], series=cafe)
    two_tags = make_article("Twee tags", tags=["leren", "HR"])
    picked = make_article("Gekozen", tags=["sport"])
    article.related_articles.add(picked)

    assert shown_related(client, article) == [
        "Gekozen",
        "Spreker, tag en serie",
        "Twee tags",
        "Eén tag",
    ]
    assert one_tag and all_three and two_tags


def test_only_published_articles_are_related(client):
    article = make_article(tags=["leren"])
    make_article("Concept", tags=["leren"], published=False)
    make_article("Straks", tags=["leren"], publish_at=timezone.now() + timedelta(days=1))
    draft_pick = make_article("Gekozen concept", published=False)
    article.related_articles.add(draft_pick)
    make_article("Gepubliceerd", tags=["leren"])

    assert shown_related(client, article) == ["Gepubliceerd"]


def test_an_article_with_nothing_in_common_shows_no_related_section(client):
    article = make_article(tags=["uniek"])
    make_article(tags=["anders"])

    assert 'id="gerelateerd"' not in client.get(article.get_absolute_url()).text


def test_related_articles_cost_one_query_however_many_there_are(client):
    leo = make_speaker()
    article = make_article(tags=["a", "b"], speakers=[leo])
    make_article(tags=["a"])
    few = count_queries(client, article.get_absolute_url())
    for _ in range(30):
        make_article(tags=["a", "b"], speakers=[leo])

    assert count_queries(client, article.get_absolute_url()) == few
