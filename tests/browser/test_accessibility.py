"""axe-core finds no WCAG 2.0/2.1 A or AA problems on the public pages, on a phone and a desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import DESKTOP, PHONE, describe_violations, visit

pytestmark = pytest.mark.browser

WCAG_A_AND_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


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
    # The rules really ran on a real page: an empty page would pass vacuously.
    assert results.response["passes"]


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "name", ["home", "news", "article", "speaker", "search", "accessibility", "privacy"]
)
def test_it_finds_no_wcag_violations(page, urls, name, width):
    visit(page, urls[name], width)

    assert_no_violations(page)
    assert page.locator("main h1").count() == 1


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_error_page_finds_no_wcag_violations(page, live_server, newsroom, width):
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(f"{live_server.url}/bestaat-niet/", wait_until="load")

    assert response is not None and response.status == 404
    assert_no_violations(page)
    assert page.locator("main h1").inner_text() == "Pagina niet gevonden"
