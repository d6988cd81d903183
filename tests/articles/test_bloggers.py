"""Bloggers: speakers who blog, their page, and the Bloggers block with their latest post."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import image_upload, make_article, make_speaker
from tests.factories_site import make_blog_post, make_blogger

pytestmark = pytest.mark.django_db


def test_an_article_with_a_blogger_is_a_blog_post():
    blogger = make_blogger("Martijn Aslander")
    post = make_blog_post(blogger)
    news = make_article()

    assert post.kind == Article.Kind.BLOG
    assert news.kind == Article.Kind.NEWS
    assert list(Article.objects.blog_posts()) == [post]


def test_the_block_shows_each_blogger_with_their_latest_published_post(client):
    martijn = make_blogger("Martijn Aslander", photo=image_upload(), photo_alt="Portret")
    sigrid = make_blogger("Sigrid van de Poel")
    make_blog_post(martijn, "Oud", publish_at=timezone.now() - timedelta(days=9))
    make_blog_post(martijn, "Nieuwste van Martijn", publish_at=timezone.now() - timedelta(days=1))
    make_blog_post(martijn, "Concept van Martijn", published=False)
    make_blog_post(sigrid, "Van Sigrid", publish_at=timezone.now() - timedelta(days=3))
    make_speaker("Gewone spreker")

    html = client.get(reverse("articles:whitepapers")).text
    block = html[html.index('id="bloggers-blok"') :]

    assert block.index("Martijn Aslander") < block.index("Sigrid van de Poel")
    assert "Nieuwste van Martijn" in block
    assert "Van Sigrid" in block
    assert "Oud<" not in block
    assert "Concept van Martijn" not in html
    assert "Gewone spreker" not in html
    assert f'href="{martijn.get_blogger_url()}"' in block


def test_a_blogger_page_lists_their_published_posts(client):
    blogger = make_blogger("Martijn Aslander", bio="Filosoof en informatiespecialist.")
    first = make_blog_post(blogger, "Eerste blog", publish_at=timezone.now() - timedelta(days=2))
    second = make_blog_post(blogger, "Tweede blog", publish_at=timezone.now() - timedelta(days=1))
    make_blog_post(blogger, "Concept", published=False)
    make_blog_post(make_blogger(), "Van iemand anders")

    response = client.get(blogger.get_blogger_url())

    assert response.status_code == 200
    assert list(response.context["posts"]) == [second, first]
    assert "Filosoof en informatiespecialist." in response.text
    assert "Blogs van Martijn Aslander" in response.text


def test_a_blog_post_names_its_blogger(client):
    blogger = make_blogger("Martijn Aslander")
    post = make_blog_post(blogger, "Leren is werken")

    html = client.get(post.get_absolute_url()).text

    assert f'Blog van <a href="{blogger.get_blogger_url()}">Martijn Aslander</a>' in html


def test_a_speaker_who_does_not_blog_has_no_blogger_page(client):
    speaker = make_speaker()
    assert client.get(reverse("articles:blogger", args=[speaker.slug])).status_code == 404


def test_the_blogger_list_shows_only_bloggers(client):
    make_blogger("Martijn Aslander")
    make_speaker("Gewone spreker")

    response = client.get(reverse("articles:bloggers"))

    assert [blogger.name for blogger in response.context["bloggers"]] == ["Martijn Aslander"]
