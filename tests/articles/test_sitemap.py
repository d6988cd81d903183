"""The sitemap lists every public page of the newsroom with its last change."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_series, make_speaker
from tests.factories_site import make_blog_post, make_blogger, make_whitepaper

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.findtext("s:loc", "", NS).removeprefix("http://testserver"): url.find("s:lastmod", NS)
        for url in root.findall("s:url", NS)
    }


def lastmod(entries, path):
    return entries[path].text if entries[path] is not None else None


def test_it_lists_articles_speakers_series_tags_whitepapers_and_bloggers_with_lastmod(client):
    series = make_series()
    speaker = make_speaker()
    article = make_article(tags=["leren"], series=series, speakers=[speaker])
    blogger = make_blogger()
    post = make_blog_post(blogger)
    whitepaper = make_whitepaper()

    entries = sitemap(client)

    for path in [
        article.get_absolute_url(),
        post.get_absolute_url(),
        speaker.get_absolute_url(),
        series.get_absolute_url(),
        reverse("articles:tag", args=["leren"]),
        whitepaper.get_absolute_url(),
        blogger.get_blogger_url(),
        reverse("articles:home"),
        reverse("articles:list"),
    ]:
        assert path in entries, path
        assert lastmod(entries, path), path
    for path in ("/toegankelijkheid/", "/privacy/", "/colofon/"):
        assert path in entries, path


def test_a_tag_page_changes_when_its_newest_article_changes(client):
    make_article(tags=["leren"])
    newest = make_article(tags=["leren"])
    Article.objects.filter(pk=newest.pk).update(updated_at=timezone.now() + timedelta(days=3))

    entries = sitemap(client)

    expected = timezone.localdate(timezone.now() + timedelta(days=3)).isoformat()
    assert lastmod(entries, reverse("articles:tag", args=["leren"])).startswith(expected)


def test_it_lists_only_what_readers_can_see(client):
    draft = make_article(published=False, tags=["geheim"])
    scheduled = make_whitepaper(publish_at=timezone.now() + timedelta(days=1))
    lonely = make_speaker()
    make_article(published=False, speakers=[lonely])

    entries = sitemap(client)

    assert draft.get_absolute_url() not in entries
    assert reverse("articles:tag", args=["geheim"]) not in entries
    assert scheduled.get_absolute_url() not in entries
    assert lonely.get_absolute_url() not in entries


def test_the_sitemap_costs_the_same_with_1_or_20_items_of_each_kind(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/sitemap.xml")
        return len(captured)

    def add_one_of_each(number):
        make_article(tags=[f"tag {number}"], series=make_series(), speakers=[make_speaker()])
        make_blog_post(make_blogger())
        make_whitepaper()

    add_one_of_each(0)
    one = queries()
    for number in range(1, 20):
        add_one_of_each(number)

    assert queries() == one
