"""The article page fits every screen: one column on phones, content and sidebar on desktops.

The screenshots it saves under test-output/screenshots/ are for people to look at.
"""

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.helpers import DESKTOP, PHONE, load_all_images, visit

pytestmark = pytest.mark.browser

BOXES = """() => Object.fromEntries(
    [".layout__content", ".layout__sidebar", ".rich-text", ".lead", ".article__image img"].map(
        (selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return [selector, {x: box.x, y: box.y, width: box.width, right: box.right}];
        }
    )
)"""

# The innermost elements that stick out on the right, to say what to fix.
TOO_WIDE = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.body.querySelectorAll("*")].filter(
        (element) => element.getBoundingClientRect().right > width + 0.5
    );
    const innermost = wide.filter(
        (element) => !wide.some((other) => other !== element && element.contains(other))
    );
    return innermost.map((element) => `${element.tagName.toLowerCase()}.${element.className}`
            + ` (${Math.round(element.getBoundingClientRect().right)}px)`);
}"""

NO_HORIZONTAL_SCROLL = (
    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
)


def test_the_article_page_has_a_sidebar_beside_the_text_on_a_desktop(page, urls):
    visit(page, urls["article"], DESKTOP)
    load_all_images(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"article-{DESKTOP}.png", full_page=True)

    boxes = page.evaluate(BOXES)
    content, sidebar = boxes[".layout__content"], boxes[".layout__sidebar"]
    assert sidebar["x"] >= content["right"], "the sidebar is not beside the content"
    assert sidebar["y"] == pytest.approx(content["y"], abs=16)
    # A readable measure: article text at most 40rem (640px) wide.
    assert boxes[".rich-text"]["width"] <= 640
    assert boxes[".lead"]["width"] <= 640
    assert page.evaluate(NO_HORIZONTAL_SCROLL)


def test_the_article_page_is_one_column_on_a_phone(page, urls):
    visit(page, urls["article"], PHONE)
    load_all_images(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"article-{PHONE}.png", full_page=True)

    boxes = page.evaluate(BOXES)
    content, sidebar = boxes[".layout__content"], boxes[".layout__sidebar"]
    assert sidebar["y"] > content["y"], "the sidebar does not follow the content"
    assert sidebar["x"] == pytest.approx(content["x"], abs=1)
    # The image uses the full width of the column.
    assert boxes[".article__image img"]["width"] == pytest.approx(content["width"], abs=1)
    assert page.evaluate(NO_HORIZONTAL_SCROLL)


@pytest.mark.parametrize("name", ["home", "news", "article", "speaker"])
def test_nothing_scrolls_sideways_on_a_320px_screen(page, urls, name):
    visit(page, urls[name], 320)
    load_all_images(page)

    sizes = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], (
        f"page is {sizes[0]}px wide on a {sizes[1]}px screen; too wide: {page.evaluate(TOO_WIDE)}"
    )
