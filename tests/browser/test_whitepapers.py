"""Whitepaper pages and the request form in Chromium: axe finds nothing, errors included."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from articles.models import WhitepaperLead
from tests.browser.helpers import DESKTOP, PHONE, describe_violations, visit
from tests.factories import image_upload
from tests.factories_site import make_whitepaper

pytestmark = pytest.mark.browser

WCAG_A_AND_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The form refuses requests sent within three seconds of opening it (bots are faster).
READER_PAUSE_MS = 3200


@pytest.fixture
def gated(newsroom):
    return make_whitepaper(
        "Safe in cyberspace voor bestuurders",
        gated=True,
        cover=image_upload(width=600, height=800),
        summary="<p>Wat u leest.</p><h2>Inhoud</h2><ul><li>Risico's</li></ul>",
        tags=["cybersecurity"],
    )


def assert_no_violations(page):
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_A_AND_AA},
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    assert not violations, describe_violations(violations)
    assert results.response["passes"]
    assert page.locator("main h1").count() == 1


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_whitepaper_pages_have_no_violations(page, live_server, newsroom, gated, width):
    blogger = newsroom.article.__class__.objects.blog_posts().first().blogger
    for path in [
        reverse("articles:whitepapers"),
        gated.get_absolute_url(),
        reverse("articles:bloggers"),
        blogger.get_blogger_url(),
    ]:
        visit(page, live_server.url + path, width)
        assert_no_violations(page)


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_form_in_its_error_state_has_no_violations(page, live_server, gated, width):
    visit(page, live_server.url + gated.get_absolute_url(), width)
    page.get_by_label("Uw naam").fill("Sigrid van de Poel")
    page.get_by_label("Uw e-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Vraag de downloadlink aan").click()
    page.wait_for_load_state("load")

    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Uw naam").input_value() == "Sigrid van de Poel"
    assert page.get_by_label("Uw e-mailadres").get_attribute("aria-invalid") == "true"
    assert_no_violations(page)


def test_a_reader_gets_the_whitepaper_through_the_form(page, live_server, gated):
    visit(page, live_server.url + gated.get_absolute_url())
    # The honeypot stays hidden (an unclosed brace in site.css once showed it).
    assert page.locator(".form-trap").is_hidden()
    page.get_by_label("Uw naam").fill("Sigrid van de Poel")
    page.get_by_label("Uw e-mailadres").fill("sigrid@example.nl")
    page.get_by_label("Uw organisatie").fill("Jeugdbescherming Regio Amsterdam")
    page.get_by_label("Ik ga ermee akkoord").check()
    page.wait_for_timeout(READER_PAUSE_MS)
    page.get_by_role("button", name="Vraag de downloadlink aan").click()
    page.wait_for_load_state("load")

    assert page.locator("h1").inner_text() == "Bedankt"
    assert_no_violations(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download").click()
    download = download_info.value
    assert download.suggested_filename == f"{gated.slug}.pdf"
    assert Path(download.path()).read_bytes()[:5] == b"%PDF-"
    assert WhitepaperLead.objects.filter(whitepaper=gated).count() == 1
