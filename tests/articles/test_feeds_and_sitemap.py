from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_news_feed_lists_published_articles_only(client):
    make_article("Gepubliceerd nieuws", tags=["leren"])
    make_article("Geheim concept", published=False)
    make_article("Nog niet", publish_at=timezone.now() + timedelta(days=1))

    response = client.get(reverse("articles:feed"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Gepubliceerd nieuws" in response.text
    assert "<category>leren</category>" in response.text
    assert "Geheim concept" not in response.text
    assert "Nog niet" not in response.text


def test_the_sitemap_lists_published_articles_only(client):
    live = make_article()
    draft = make_article(published=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert live.get_absolute_url() in response.text
    assert draft.get_absolute_url() not in response.text


def test_pages_announce_the_feed(client):
    response = client.get(reverse("articles:home"))
    assert reverse("articles:feed") in response.text
