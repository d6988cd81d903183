"""Feeds: RSS and Atom for all news and per tag, series and blogger, announced on pages."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_series
from tests.factories_site import make_blog_post, make_blogger

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    if root.tag == f"{ATOM}feed":
        assert response["Content-Type"].startswith("application/atom+xml")
        assert root.findtext(f"{ATOM}author/{ATOM}name")
        assert root.findtext(f"{ATOM}subtitle")
        return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in root.iter("item")]


@pytest.fixture
def content():
    cafe = make_series("Reuringcafé")
    blogger = make_blogger("Bea Blogger")
    make_article("Leren in de overheid", tags=["leren"], series=cafe)
    make_article("Over sport", tags=["sport"])
    make_blog_post(blogger, "Bea schrijft over leren", tags=["leren"])
    make_article("Concept over leren", tags=["leren"], series=cafe, published=False)
    make_article("Straks over leren", tags=["leren"], publish_at=timezone.now() + timedelta(days=1))
    return cafe, blogger


@pytest.mark.parametrize("kind", ["", "_atom"])
def test_every_feed_comes_as_rss_and_atom_with_published_articles_only(client, content, kind):
    cafe, blogger = content

    everything = titles(client, reverse(f"articles:feed{kind}"))
    tag = titles(client, reverse(f"articles:tag_feed{kind}", args=["leren"]))
    series = titles(client, reverse(f"articles:series_feed{kind}", args=[cafe.slug]))
    blog = titles(client, reverse(f"articles:blogger_feed{kind}", args=[blogger.slug]))

    assert sorted(everything) == ["Bea schrijft over leren", "Leren in de overheid", "Over sport"]
    assert sorted(tag) == ["Bea schrijft over leren", "Leren in de overheid"]
    assert series == ["Leren in de overheid"]
    assert blog == ["Bea schrijft over leren"]


def test_each_list_page_announces_its_feeds(client, content):
    cafe, blogger = content
    pages = {
        reverse("articles:home"): ["articles:feed"],
        reverse("articles:tag", args=["leren"]): ["articles:feed", "articles:tag_feed"],
        cafe.get_absolute_url(): ["articles:feed", "articles:series_feed"],
        blogger.get_blogger_url(): ["articles:feed", "articles:blogger_feed"],
    }
    slugs = {
        "articles:tag_feed": "leren",
        "articles:series_feed": cafe.slug,
        "articles:blogger_feed": blogger.slug,
    }
    for page, feeds in pages.items():
        html = client.get(page).text
        for name in feeds:
            args = [slugs[name]] if name in slugs else []
            rss, atom = reverse(name, args=args), reverse(f"{name}_atom", args=args)
            assert '<link rel="alternate" type="application/rss+xml"' in html
            assert f'href="{rss}"' in html, (page, rss)
            assert 'type="application/atom+xml" title="' in html
            assert f'href="{atom}"' in html, (page, atom)


def test_an_unknown_tag_or_blogger_feed_is_a_404(client):
    assert client.get(reverse("articles:tag_feed", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("articles:blogger_feed_atom", args=["niemand"])).status_code == 404


def test_a_renamed_series_keeps_its_feed_address(client, content):
    cafe, _blogger = content
    old = cafe.slug
    cafe.slug = "reuringcafe-nieuw"
    cafe.save()

    response = client.get(reverse("articles:series_feed_atom", args=[old]))

    assert response.status_code == 301
    assert response["Location"] == reverse("articles:series_feed_atom", args=["reuringcafe-nieuw"])
