"""The share fields in the article admin count characters while the editor types."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import visit
from tests.factories import make_user

pytestmark = pytest.mark.browser


def test_the_share_title_hint_counts_as_the_editor_types(page, newsroom, live_server):
    make_user("redacteur", is_staff=True, is_superuser=True)
    visit(page, f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("correct horse battery staple")
    page.get_by_role("button", name="Aanmelden").click()
    visit(page, f"{live_server.url}/admin/articles/article/{newsroom.article.pk}/change/")

    title = page.locator("#id_share_title")
    hint = page.locator("#id_share_title_lengthhint")
    expect(hint).to_have_text("Leeg: de eigen tekst van het artikel wordt gebruikt.")
    title.fill("Wat moeten ambtenaren leren?")
    expect(hint).to_have_text("28 tekens: wordt helemaal getoond (tot ongeveer 60).")
    title.fill("x" * 75)
    expect(hint).to_have_text("75 tekens: 15 meer dan helemaal wordt getoond (ongeveer 60).")
    assert "id_share_title_lengthhint" in (title.get_attribute("aria-describedby") or "")
