import pytest
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /zoeken/" in lines


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/", "http://testserver/"),
        ("/nieuws/?page=1", "http://testserver/nieuws/"),
        ("/nieuws/?utm_source=linkedin", "http://testserver/nieuws/"),
        ("/whitepapers/", "http://testserver/whitepapers/"),
        ("/zoeken/?q=leren&utm_source=x", "http://testserver/zoeken/?q=leren"),
    ],
)
def test_every_page_has_a_canonical_link_without_tracking_parameters(client, path, canonical):
    make_article()
    html = client.get(path).text
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_an_article_page_is_canonical_without_its_comment_page(client):
    article = make_article()
    html = client.get(article.get_absolute_url() + "?reacties=2&utm_medium=social").text
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html


def test_the_second_page_of_the_news_is_its_own_canonical_page(client):
    for _ in range(13):
        make_article()
    html = client.get(reverse("articles:list") + "?page=2").text
    assert '<link rel="canonical" href="http://testserver/nieuws/?page=2">' in html
