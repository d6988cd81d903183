"""Comments in Chromium: posting with and without JavaScript, XSS payloads, axe on the form.

Uses the shared browser fixtures (tests/browser/conftest.py): `newsroom`, `urls`, `page`.
"""

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import OperationalError
from django.utils import timezone
from playwright.sync_api import expect

from comments import tasks
from comments.models import Comment
from tests.browser.helpers import describe_violations, visit

pytestmark = pytest.mark.browser

WCAG_A_AND_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
THANKS = "Bedankt! Uw reactie verschijnt zodra een moderator deze heeft goedgekeurd."
# The form refuses posts sent within three seconds of opening it (bots are faster).
READER_PAUSE_MS = 3200


def fill_in(page, *, name="Sigrid van de Poel", email="sigrid@example.nl", text="Mooi debat."):
    page.get_by_label("Naam").fill(name)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Uw reactie").fill(text)


def send(page):
    page.get_by_role("button", name="Reactie versturen").click()


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


def test_without_javascript_a_reader_posts_and_sees_their_comment_waiting(browser, urls):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        visit(page, urls["article"])
        # The honeypot stays hidden (an unclosed brace in site.css once showed it).
        assert page.locator(".comment-form .form-trap").is_hidden()
        fill_in(page, text="Zonder script verstuurd.\nMet een tweede regel.")
        page.wait_for_timeout(READER_PAUSE_MS)

        send(page)

        expect(page.get_by_text(THANKS)).to_be_visible()
        assert page.url.endswith("#reageer")
        own = page.locator("[data-own-comments]")
        expect(own).to_contain_text("Zonder script verstuurd.")
        expect(own).to_contain_text("wacht op goedkeuring")
        assert Comment.objects.get().status == Comment.Status.PENDING
    finally:
        context.close()


def test_without_javascript_mistakes_are_shown_and_the_text_kept(browser, urls):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        visit(page, urls["article"])
        fill_in(page, name="", text="Dit mag niet verloren gaan.")
        page.wait_for_timeout(READER_PAUSE_MS)

        send(page)

        expect(page.get_by_role("alert")).to_contain_text("Vul uw naam in.")
        expect(page.get_by_label("Uw reactie")).to_have_value("Dit mag niet verloren gaan.")
    finally:
        context.close()


def test_the_page_with_mistakes_of_a_plain_form_post_passes_axe(page, urls):
    # axe needs script in the page, so the plain post is made by form.submit(), which
    # skips the script's submit handler just as a browser without JavaScript would.
    visit(page, urls["article"])
    fill_in(page, name="", email="geen-adres", text="Dit mag niet verloren gaan.")
    page.wait_for_timeout(READER_PAUSE_MS)

    with page.expect_navigation():
        page.evaluate("document.querySelector('[data-comment-form]').submit()")

    expect(page.get_by_role("alert")).to_contain_text("Vul uw naam in.")
    assert_no_violations(page)


def test_with_javascript_the_form_posts_in_the_background(page, urls):
    visit(page, urls["article"])
    fill_in(page, text="Via het script verstuurd.")
    page.wait_for_timeout(READER_PAUSE_MS)
    held = []
    page.route("**/reacties/*/", lambda route: held.append(route))
    status = page.locator("[data-status]")

    send(page)

    # While the server has not answered, the reader is asked to wait.
    expect(status).to_have_text("Even geduld a.u.b.")
    assert len(held) == 1
    held[0].continue_()
    expect(status).to_have_text(THANKS)
    assert page.url == urls["article"]  # no page load
    own = page.locator("[data-own-comments]")
    expect(own).to_be_visible()
    expect(own).to_contain_text("Via het script verstuurd.")
    expect(own).to_contain_text("wacht op goedkeuring")
    expect(page.get_by_label("Uw reactie")).to_have_value("")
    assert Comment.objects.get().body == "Via het script verstuurd."


def test_with_javascript_a_network_error_keeps_the_text_for_another_try(page, urls):
    visit(page, urls["article"])
    fill_in(page, text="Dit wil ik echt kwijt.")
    page.wait_for_timeout(READER_PAUSE_MS)
    page.route("**/reacties/*/", lambda route: route.abort("internetdisconnected"))

    send(page)

    status = page.locator("[data-status]")
    expect(status).to_contain_text("Het versturen is niet gelukt")
    expect(page.get_by_label("Uw reactie")).to_have_value("Dit wil ik echt kwijt.")
    assert not Comment.objects.exists()

    page.unroute("**/reacties/*/")
    send(page)

    expect(status).to_have_text(THANKS)
    assert Comment.objects.get().body == "Dit wil ik echt kwijt."


class UnavailableQueue:
    """The mail queue failing as the database does while it restarts."""

    def enqueue(self, *args, **kwargs):
        raise OperationalError("the database system is shutting down")


def test_with_javascript_a_database_outage_keeps_the_text_and_offers_to_send_again(
    page, urls, monkeypatch
):
    visit(page, urls["article"])
    fill_in(page, text="Tijdens de herstart getypt.")
    page.wait_for_timeout(READER_PAUSE_MS)
    monkeypatch.setattr(tasks, "notify_moderators", UnavailableQueue())

    send(page)

    status = page.locator("[data-status]")
    expect(status).to_contain_text("Wij kunnen onze database even niet bereiken")
    expect(page.get_by_label("Uw reactie")).to_have_value("Tijdens de herstart getypt.")
    assert not Comment.objects.exists()

    monkeypatch.undo()
    page.get_by_role("button", name="Opnieuw versturen").click()

    expect(status).to_have_text(THANKS)
    assert Comment.objects.get().body == "Tijdens de herstart getypt."


def test_with_javascript_mistakes_appear_in_place_and_pass_axe(page, urls):
    visit(page, urls["article"])
    fill_in(page, name="", email="geen-adres", text="x" * 3005)
    page.wait_for_timeout(READER_PAUSE_MS)

    send(page)

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Vul uw naam in.")
    expect(summary).to_contain_text("Vul een e-mailadres in zoals naam@voorbeeld.nl.")
    expect(summary).to_contain_text("Uw reactie is te lang")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Uw reactie")).to_have_value("x" * 3005)
    assert page.url == urls["article"]
    assert_no_violations(page)


def test_the_counter_says_how_many_characters_are_left(page, urls):
    visit(page, urls["article"])

    page.get_by_label("Uw reactie").fill("Hallo\nwereld")

    expect(page.locator("[data-counter-for]")).to_have_text("U heeft nog 2988 tekens over.")
    page.get_by_label("Uw reactie").fill("x" * 3002)
    expect(page.locator("[data-counter-for]")).to_have_text("U heeft 2 tekens te veel.")


def test_with_javascript_a_reader_replies_to_a_comment(page, newsroom, urls):
    leo = Comment.objects.create(
        article=newsroom.article,
        name="Leo",
        email="leo@example.nl",
        body="Wat vindt u?",
        status=Comment.Status.APPROVED,
        moderated_at=timezone.now(),
    )
    visit(page, urls["article"])

    page.get_by_role("link", name="Reageer op Leo").click()

    expect(page.get_by_text("U reageert op Leo.")).to_be_visible()
    expect(page.get_by_label("Uw reactie")).to_be_focused()
    fill_in(page, text="Ik ben het eens.")
    page.wait_for_timeout(READER_PAUSE_MS)
    send(page)
    expect(page.locator("[data-status]")).to_have_text(THANKS)
    assert Comment.objects.get(body="Ik ben het eens.").parent == leo


XSS_PAYLOADS = [
    "<script>window.__pwned = 1; alert(1)</script>",
    '<img src=x onerror="window.__pwned = 1; alert(1)">',
    '"><svg onload="window.__pwned = 1; alert(1)">',
    '<a href="javascript:window.__pwned = 1">klik</a> javascript:alert(1)',
    'https://example.org/"onmouseover="window.__pwned=1" x="',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<style>body{display:none}</style>",
    "{{ 7*7 }} {% csrf_token %} ${alert(1)}",
]


def naughty_script_strings():
    """The script-injection strings of the Big List of Naughty Strings."""
    strings = json.loads(
        (Path(__file__).parents[1] / "comments" / "data" / "blns.json").read_text("utf-8")
    )
    markers = ("<script", "onerror", "onload", "javascript:", "<svg", "<img", "<iframe")
    return [s for s in strings if any(marker in s.lower() for marker in markers)]


def test_approved_comments_with_xss_payloads_run_no_script(page, newsroom, urls):
    payloads = (XSS_PAYLOADS + naughty_script_strings())[:50]
    for n, payload in enumerate(payloads):
        Comment.objects.create(
            article=newsroom.article,
            name=payload[:80],
            email=f"x{n}@example.nl",
            body=payload,
            status=Comment.Status.APPROVED,
            moderated_at=timezone.now(),
        )
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)

    visit(page, urls["article"])
    for link in page.locator(".comment-list li > div a").all():
        link.hover()
    page.wait_for_timeout(500)

    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".comment-list li").count() == len(payloads)
    handlers = page.evaluate(
        """() => [...document.querySelectorAll('#reacties *')]
            .flatMap((el) => [...el.attributes].map((a) => a.name))
            .filter((name) => name.startsWith('on'))"""
    )
    assert handlers == []
    assert page.locator("#reacties script, #reacties iframe, #reacties img").count() == 0
    hrefs = page.eval_on_selector_all("#reacties a", "links => links.map(a => a.href)")
    assert not [href for href in hrefs if href.lower().startswith("javascript:")]
    # The text is all there, as text (newest first: the first payload is at the bottom).
    expect(page.locator(".comment-list li > div").last).to_contain_text("<script>window.__pwned")


def test_a_moderator_approves_a_readers_comment_in_the_admin_and_it_appears(
    page, urls, live_server
):
    from tests.factories import make_user

    make_user(
        "moderator",
        is_staff=True,
        permissions=["comments.view_comment", "comments.change_comment", "comments.can_moderate"],
    )
    # A reader posts and sees their comment waiting.
    visit(page, urls["article"])
    fill_in(page, text="Graag een vervolg op dit debat.")
    page.wait_for_timeout(READER_PAUSE_MS)
    send(page)
    expect(page.locator("[data-status]")).to_have_text(THANKS)

    # A moderator approves it from the queue with the row's button.
    moderator = page.context.browser.new_context()
    admin = moderator.new_page()
    try:
        visit(admin, f"{live_server.url}/admin/login/?next=/admin/")
        admin.get_by_label("Gebruikersnaam").fill("moderator")
        admin.get_by_label("Wachtwoord").fill("correct horse battery staple")
        admin.get_by_role("button", name="Aanmelden").click()
        expect(admin.get_by_text("1 reactie wacht op goedkeuring")).to_be_visible()
        admin.get_by_text("1 reactie wacht op goedkeuring").click()
        admin.get_by_role("button", name="Goedkeuren: Sigrid van de Poel").click()
        expect(admin.get_by_text("Reactie van Sigrid van de Poel goedgekeurd.")).to_be_visible()
    finally:
        moderator.close()

    # Everybody now sees it on the article.
    reader = page.context.browser.new_context()
    try:
        other = reader.new_page()
        visit(other, urls["article"])
        expect(other.locator(".comment-list").first).to_contain_text(
            "Graag een vervolg op dit debat."
        )
        expect(other.get_by_role("heading", name="Reacties (1)")).to_be_visible()
    finally:
        reader.close()
