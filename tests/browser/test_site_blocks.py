"""The site-wide blocks and share links in Chromium: nothing loads from another origin."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP, PHONE, load_all_images, visit

pytestmark = pytest.mark.browser


def requests_made(page, url, width=DESKTOP):
    """Every request the page makes while it loads, its images and scripts included."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    visit(page, url, width)
    load_all_images(page)
    page.wait_for_load_state("networkidle")
    return seen


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", ["home", "news", "article"])
def test_pages_with_all_blocks_load_nothing_from_other_origins(
    page, urls, live_server, name, width
):
    seen = requests_made(page, urls[name], width)

    assert seen, "the page made no requests at all"
    foreign = [url for url in seen if not url.startswith(live_server.url)]
    assert foreign == []
    assert page.locator("#contactgegevens").count() == 1


def test_the_share_links_hold_the_article_address(page, urls):
    visit(page, urls["article"])
    share = page.locator("section.share")
    hrefs = {
        " ".join(link.text_content().split()).removeprefix("Delen via "): link.get_attribute("href")
        for link in share.locator("a").all()
    }

    assert list(hrefs) == ["LinkedIn", "X", "Bluesky", "WhatsApp", "E-mail", "Kopieer link"]
    linkedin = urlsplit(hrefs["LinkedIn"])
    assert parse_qs(linkedin.query) == {"url": [urls["article"]]}
    assert parse_qs(urlsplit(hrefs["X"]).query)["url"] == [urls["article"]]
    assert parse_qs(urlsplit(hrefs["E-mail"]).query)["body"] == [urls["article"]]
    assert hrefs["Kopieer link"] == urls["article"]


def test_copy_link_copies_the_address_and_says_so(page, context, urls, live_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    visit(page, urls["article"])

    page.get_by_role("link", name="Kopieer link").click()

    # The status line keeps its height while empty: wait for the words, not for it to show.
    expect(page.locator("[data-copy-status]")).to_contain_text("De link is gekopieerd")
    assert page.evaluate("navigator.clipboard.readText()") == urls["article"]
    assert page.url == urls["article"]
    assert all(url.startswith(live_server.url) for url in seen)


def test_clicking_nothing_sends_nothing_to_a_network(page, urls, live_server):
    """Hovering and focusing the share links loads nothing: only a click leaves the site."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    visit(page, urls["article"])
    for link in page.locator("section.share a").all():
        link.hover()
        link.focus()
    page.wait_for_load_state("networkidle")

    assert all(url.startswith(live_server.url) for url in seen)
