"""Share links: plain links holding the article's encoded address, networks chosen by staff."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from reuring.sharing import share_links
from tests.factories import make_article, make_user
from tests.factories_site import make_site_details
from tests.matching import search

pytestmark = pytest.mark.django_db

TITLE = "Reuringcafé over leren & ontwikkelen?"


def shared_links(client, article):
    html = client.get(article.get_absolute_url()).text
    section = search(r'<section class="share".*?</section>', html, re.S).group(0)
    found = re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', section)
    return {key: unescape(href) for key, href in found}


def test_each_network_gets_the_articles_full_address_encoded(client):
    article = make_article(TITLE, slug="reuringcafe-leren")
    address = f"http://testserver{article.get_absolute_url()}"

    links = shared_links(client, article)

    assert set(links) == {"linkedin", "x", "bluesky", "whatsapp", "email", "copy"}
    linkedin = urlsplit(links["linkedin"])
    assert (linkedin.scheme, linkedin.netloc) == ("https", "www.linkedin.com")
    assert parse_qs(linkedin.query) == {"url": [address]}
    assert parse_qs(urlsplit(links["x"]).query) == {"url": [address], "text": [TITLE]}
    assert parse_qs(urlsplit(links["bluesky"]).query) == {"text": [f"{TITLE} {address}"]}
    assert parse_qs(urlsplit(links["whatsapp"]).query) == {"text": [f"{TITLE} {address}"]}
    email = urlsplit(links["email"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": [TITLE], "body": [address]}
    assert links["copy"] == address


def test_the_title_cannot_add_parameters_or_markup():
    links = share_links("https://example.nl/a?b=1&c=2", 'x&url=https://evil" onclick="', ["x"])
    query = parse_qs(urlsplit(links[0].href).query)
    assert query == {
        "url": ["https://example.nl/a?b=1&c=2"],
        "text": ['x&url=https://evil" onclick="'],
    }
    assert '"' not in links[0].href


def test_the_page_loads_no_script_from_a_network(client):
    html = client.get(make_article().get_absolute_url()).text
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    assert "<iframe" not in html


def test_staff_choose_the_networks(client):
    make_site_details(share_networks=["linkedin", "copy"])
    article = make_article()

    assert set(shared_links(client, article)) == {"linkedin", "copy"}


def test_the_choice_is_made_in_the_admin(client):
    make_site_details()
    article = make_article()
    assert "whatsapp" in shared_links(client, article)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    form = (
        client.get(reverse("admin:reuring_sitedetails_change", args=[1])).context["adminform"].form
    )
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name != "share_networks"
    }

    response = client.post(
        reverse("admin:reuring_sitedetails_change", args=[1]),
        {**data, "share_networks": ["email", "bluesky"]},
    )
    client.logout()

    assert response.status_code == 302
    assert set(shared_links(client, article)) == {"email", "bluesky"}
