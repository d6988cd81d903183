"""The admin in Chromium at 1280 px, as a member of Redactie, of the Eindredactie and as a
moderator: every page they use fits without sideways scrolling and shows none of Django's or
the apps' English, including what scripts write (calendar, time zone note, the rich-text
editor's menu).

The pages are the lists in tests/admin_pages.py (EDITOR_PAGES, FINAL_EDITOR_PAGES,
MODERATOR_PAGES)."""

import pytest
from playwright.sync_api import expect

from tests.admin_pages import (
    EDITOR_PAGES,
    FINAL_EDITOR_PAGES,
    MODERATOR_PAGES,
    PASSWORD,
    english_in,
    make_admin_objects,
    make_staff,
    page_paths,
)
from tests.browser.conftest import SCREENSHOTS
from tests.browser.helpers import DESKTOP, HEIGHT, visit

pytestmark = pytest.mark.browser

# What a user reads or hears on the page, after the scripts ran: visible text (the editor's
# icon ligatures such as "format_bold" are drawn as icons, not read), every element's whole
# text (a sentence split by a link), labels, tooltips, placeholders and button captions.
READABLE_TEXT = """() => {
    const visible = (element) => element && element.getClientRects().length > 0
        && getComputedStyle(element).visibility !== "hidden";
    const skipped = (element) => element.closest("script, style, textarea, .material-icons");
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        if (walker.currentNode.textContent.trim() && visible(element) && !skipped(element)) {
            texts.push(walker.currentNode.textContent);
        }
    }
    for (const element of document.body.querySelectorAll("*")) {
        if (element.closest("script, style")) continue;
        for (const name of ["title", "aria-label", "placeholder", "alt"]) {
            if (element.getAttribute(name)) texts.push(element.getAttribute(name));
        }
        if (element.matches("input[type=submit], input[type=button]")) texts.push(element.value);
        if (skipped(element)) continue;
        if (element.matches("option")) texts.push(element.textContent);
        const whole = element.textContent;
        if (visible(element) && whole.length < 300 && element.children.length) texts.push(whole);
    }
    return texts;
}"""

# Sideways scrolling: of the page, of a box that scrolls (the list's results), or a table
# running past the window's right edge (an inline's last column cut off).
SIDEWAYS = """() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) {
        problems.push(`page ${document.documentElement.scrollWidth}px wide`);
    }
    for (const element of document.body.querySelectorAll("*")) {
        const overflow = getComputedStyle(element).overflowX;
        const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
            + (element.className && typeof element.className === "string"
               ? "." + element.className.trim().split(/\\s+/).join(".") : "");
        if (["auto", "scroll"].includes(overflow) && element.tagName !== "TEXTAREA"
                && element.scrollWidth > element.clientWidth + 1) {
            problems.push(`${name} scrolls: ${element.scrollWidth}px in ${element.clientWidth}px`);
        }
        if (element.matches("table, th, td, button, .button")
                && element.getClientRects().length
                && element.getBoundingClientRect().right > width + 1) {
            problems.push(`${name} ends at ${Math.round(element.getBoundingClientRect().right)}px`);
        }
    }
    return problems.slice(0, 5);
}"""


@pytest.fixture
def admin_objects(transactional_db):
    return make_admin_objects()


@pytest.fixture
def staff_browser(browser, live_server):
    """Log a staff member in through the login page; yields a function returning the page."""
    contexts = []

    def log_in(username):
        # UTC, so the admin's note about the time zone difference appears and is read too.
        context = browser.new_context(locale="nl-NL", timezone_id="UTC")
        contexts.append(context)
        page = context.new_page()
        visit(page, live_server.url + "/admin/login/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Aanmelden").click()
        expect(page.locator("#user-tools")).to_contain_text(username)
        return page

    yield log_in
    for context in contexts:
        context.close()


def check_pages(page, base_url, paths, role):
    """Visit each page at 1280 px; return what is wrong on each, as readable lines."""
    problems = []
    for path in paths:
        visit(page, base_url + path, width=DESKTOP)
        if page.locator("textarea[data-django-prose-editor-configurable]").count():
            # The editor's menu is written by a script: read it once it is there.
            expect(page.locator(".prose-menubar").first).to_be_attached()
        wrong = [f"sideways: {line}" for line in page.evaluate(SIDEWAYS)]
        wrong += [f"English: {text!r}" for text in english_in(page.evaluate(READABLE_TEXT))]
        if wrong:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = path.strip("/").replace("/", "-").replace("?", "_") or "index"
            page.screenshot(path=SCREENSHOTS / f"admin-{role}-{name}.png", full_page=True)
            problems.append(f"{path}: " + "; ".join(wrong))
    return problems


# (group, a member's user name, the pages they use)
ROLES = {
    "redactie": ("Redactie", "redacteur", EDITOR_PAGES),
    "eindredactie": ("Eindredactie", "eindredacteur", FINAL_EDITOR_PAGES),
    "moderatoren": ("Moderatoren", "moderator", MODERATOR_PAGES),
}


@pytest.mark.parametrize("role", ROLES)
def test_every_page_of_each_role_is_dutch_and_fits_1280_px(
    staff_browser, live_server, admin_objects, role
):
    group, username, pages = ROLES[role]
    make_staff(username, group)
    page = staff_browser(username)

    problems = check_pages(page, live_server.url, page_paths(pages, admin_objects), role)

    assert not problems, "\n".join(problems)


def test_the_moderation_queue_shows_its_buttons_and_reasons_at_1280_px(
    staff_browser, live_server, admin_objects
):
    make_staff("moderator", "Moderatoren")
    page = staff_browser("moderator")
    visit(page, live_server.url + "/admin/comments/comment/?status__exact=pending", width=DESKTOP)

    row = page.locator("#result_list tbody tr").first
    for visible in (
        page.get_by_role("columnheader", name="Status"),
        page.get_by_role("columnheader", name="Reden van controle"),
        row.get_by_role("button", name="Goedkeuren"),
        row.get_by_role("button", name="Afwijzen"),
    ):
        expect(visible).to_be_visible()
        box = visible.bounding_box()
        assert box is not None and box["x"] + box["width"] <= DESKTOP, box


def test_the_rich_text_editor_and_the_time_note_speak_dutch(
    staff_browser, live_server, admin_objects
):
    make_staff("redacteur", "Redactie")
    page = staff_browser("redacteur")
    visit(page, f"{live_server.url}/admin/articles/article/{admin_objects['article']}/change/")

    menu = page.locator(".prose-menubar").first
    expect(menu.locator("[title='Vet']")).to_have_count(1)
    expect(menu.locator("[title='Link invoegen']")).to_have_count(1)
    expect(menu.locator("[aria-label='Cursief']")).to_have_count(1)
    expect(page.locator(".timezonewarning").first).to_contain_text("uur")
    expect(page.locator(".timezonewarning").first).to_contain_text("Let op")
    assert page.viewport_size == {"width": DESKTOP, "height": HEIGHT}


def test_the_confirmation_of_a_bulk_deletion_is_dutch_and_fits(
    staff_browser, live_server, admin_objects
):
    make_staff("moderator", "Moderatoren")
    page = staff_browser("moderator")
    visit(page, live_server.url + "/admin/comments/comment/", width=DESKTOP)
    page.locator("#result_list tbody input.action-select").first.check()
    page.locator("select[name=action]").select_option("delete_selected")

    page.get_by_role("button", name="Uitvoeren").click()

    expect(page.get_by_role("button", name="Ja, ik weet het zeker")).to_be_visible()
    assert not page.evaluate(SIDEWAYS)
    assert not english_in(page.evaluate(READABLE_TEXT))
