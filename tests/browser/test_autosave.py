"""Text is never lost: the article form autosaves while the editor types, and brings the
text back after a reload or an expired session."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import visit
from tests.factories import make_user

pytestmark = pytest.mark.browser

TYPED_LEAD = "Een nieuwe inleiding die niet verloren mag gaan."
TYPED_BODY = " Een extra zin in de tekst."
TYPED_FUNCTION = "Gastspreker en oud-wethouder"


def log_in(page, live_server, next_path="/admin/"):
    visit(page, f"{live_server.url}/admin/login/?next={next_path}")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("correct horse battery staple")
    page.get_by_role("button", name="Aanmelden").click()


def body_editor(page):
    """The prose editor of the text (it wraps the hidden textarea #id_body)."""
    return page.locator("#id_body").locator("xpath=..").get_by_role("textbox")


def type_in_the_form(page):
    page.locator("#id_lead").fill(TYPED_LEAD)
    body_editor(page).click()
    page.keyboard.press("End")
    page.keyboard.type(TYPED_BODY)
    page.locator("#id_article_speakers-0-function").fill(TYPED_FUNCTION)


def test_typed_text_comes_back_after_a_reload(page, newsroom, live_server):
    make_user("redacteur", is_staff=True, is_superuser=True)
    change = f"/admin/articles/article/{newsroom.article.pk}/change/"
    log_in(page, live_server, change)
    expect(page.locator("#id_lead")).to_be_visible()

    type_in_the_form(page)
    expect(page.locator("#autosave-status")).to_contain_text(
        "Niet-opgeslagen tekst bewaard om", timeout=10_000
    )
    page.reload()
    expect(page.locator("#id_lead")).not_to_have_value(TYPED_LEAD)
    page.locator(".messagelist").get_by_role("link", name="Terugzetten").click()

    expect(page.locator("#id_lead")).to_have_value(TYPED_LEAD)
    expect(body_editor(page)).to_contain_text(TYPED_BODY.strip())
    expect(page.locator("#id_article_speakers-0-function")).to_have_value(TYPED_FUNCTION)
    expect(page.locator(".messagelist")).to_contain_text("De tekst die u typte staat terug")


def test_typed_text_survives_an_expired_session(page, newsroom, live_server):
    make_user("redacteur", is_staff=True, is_superuser=True)
    change = f"/admin/articles/article/{newsroom.article.pk}/change/"
    log_in(page, live_server, change)
    expect(page.locator("#id_lead")).to_be_visible()

    page.context.clear_cookies(name="sessionid")  # the session expires while the editor types
    type_in_the_form(page)
    expect(page.locator("#autosave-status")).to_contain_text("sessie is verlopen", timeout=10_000)
    page.get_by_role("button", name=re.compile("^Opslaan$")).first.click()
    expect(page).to_have_url(re.compile("/admin/login/"))
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("correct horse battery staple")
    page.get_by_role("button", name="Aanmelden").click()

    expect(page).to_have_url(re.compile(re.escape(change)))
    page.locator("#autosave-status").get_by_role("link", name="Terugzetten").click()
    expect(page.locator("#id_lead")).to_have_value(TYPED_LEAD)
    expect(body_editor(page)).to_contain_text(TYPED_BODY.strip())
    expect(page.locator("#id_article_speakers-0-function")).to_have_value(TYPED_FUNCTION)
