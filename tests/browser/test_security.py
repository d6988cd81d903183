"""The Content Security Policy holds: nothing is blocked, nothing comes from elsewhere."""

from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import load_all_images, visit

pytestmark = pytest.mark.browser


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("name", ["home", "news", "article", "speaker"])
def test_pages_break_no_csp_rule_and_load_only_from_their_own_site(page, urls, live_server, name):
    console = []
    requests = []
    failures = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("response", lambda response: None if response.ok else failures.append(response.url))

    visit(page, urls[name])
    load_all_images(page)
    page.wait_for_load_state("networkidle")

    violations = [text for text in console if "Content Security Policy" in text]
    assert not violations, "\n".join(violations)
    assert requests, "the page made no requests at all"
    elsewhere = [url for url in requests if origin(url) != origin(live_server.url)]
    assert not elsewhere, f"requests to other origins: {elsewhere}"
    assert not failures, f"failed requests: {failures}"
    # The stylesheet really applied (a blocked one would leave the browser's defaults).
    header_background = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header_background == "rgb(21, 66, 115)"
