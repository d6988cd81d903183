"""Keyboard users can skip to the content and always see where the focus is."""

import pytest

from tests.browser.helpers import DESKTOP, HEIGHT, PHONE, contrast, visit

pytestmark = pytest.mark.browser

ACTIVE_ELEMENT = """() => {
    const backgroundOf = (element) => {
        for (; element; element = element.parentElement) {
            const color = getComputedStyle(element).backgroundColor;
            if (color !== "rgba(0, 0, 0, 0)" && color !== "transparent") return color;
        }
        return "rgb(255, 255, 255)";
    };
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        link: [...document.querySelectorAll("a[href]")].indexOf(element),
        tag: element.tagName.toLowerCase(),
        id: element.id,
        className: element.className,
        text: element.textContent.trim().slice(0, 60),
        inMain: Boolean(element.closest("main")),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        outlineColor: style.outlineColor,
        // The outline is drawn around the element, so it is seen against its parent.
        around: backgroundOf(element.parentElement),
    };
}"""


def test_pages_say_they_are_in_dutch(page, urls):
    for url in urls.values():
        visit(page, url)
        assert page.locator("html").get_attribute("lang") == "nl"


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_tab_shows_the_skip_link_and_it_moves_focus_to_the_content(page, urls, width):
    visit(page, urls["article"], width)
    skip_link = page.locator(".skip-link")
    hidden = skip_link.bounding_box()
    assert hidden["y"] + hidden["height"] <= 0, "the skip link shows before it has focus"

    page.keyboard.press("Tab")

    assert page.evaluate(ACTIVE_ELEMENT)["className"] == "skip-link"
    shown = skip_link.bounding_box()
    assert shown["y"] >= 0 and shown["y"] + shown["height"] <= HEIGHT
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= width
    assert shown["width"] > 40 and shown["height"] >= 24

    page.keyboard.press("Enter")

    assert page.evaluate(ACTIVE_ELEMENT)["id"] == "inhoud"
    # The next Tab continues inside the content, past the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE_ELEMENT)["inMain"]


@pytest.mark.parametrize("name", ["home", "article"])
def test_everything_reached_by_tab_shows_a_clear_outline(page, urls, name):
    visit(page, urls[name])
    shown_links = set(
        page.evaluate(
            """[...document.querySelectorAll("a[href]")].flatMap(
                (link, index) => link.checkVisibility() ? [index] : []
            )"""
        )
    )
    focusable = page.locator("a[href], button, input, select, textarea, [tabindex]").count()

    links_seen = set()
    for _ in range(focusable + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(ACTIVE_ELEMENT)
        if focused["tag"] == "body" or focused["link"] in links_seen:
            break  # past the last element, or round again
        if focused["link"] >= 0:
            links_seen.add(focused["link"])
        assert focused["outlineStyle"] not in ("none", "hidden"), focused
        assert focused["outlineWidth"] >= 3, focused
        # WCAG 1.4.11: a focus indicator needs 3:1 against what is around it.
        assert contrast(focused["outlineColor"], focused["around"]) >= 3, focused

    # Header, content and sidebar links were all reached by Tab.
    assert links_seen == shown_links
