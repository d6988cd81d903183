"""The article admin in Chromium: the focal point is set by clicking the picture (or typing
its two percentages), and speakers are reordered with the keyboard."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.helpers import visit
from tests.factories import image_upload, make_article, make_speaker, make_user

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor_page(page, live_server, transactional_db):
    make_user("hoofdredacteur", is_staff=True, is_superuser=True)
    visit(page, f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Gebruikersnaam").fill("hoofdredacteur")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state("load")
    return page


def test_clicking_the_picture_sets_the_focal_point_and_typing_moves_the_marker(
    editor_page, live_server
):
    page = editor_page
    article = make_article(image=image_upload(width=1600, height=900), image_alt="Beeld")
    visit(page, f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    picture = page.get_by_role("img", name="De huidige afbeelding")
    expect(picture).to_be_visible()
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.1, "y": box["height"] * 0.8})

    across, down = (
        page.get_by_label("Brandpunt horizontaal (%)"),
        page.get_by_label("Brandpunt verticaal (%)"),
    )
    assert abs(int(across.input_value()) - 10) <= 1
    assert abs(int(down.input_value()) - 80) <= 1
    marker = page.locator(".image-preview__marker")
    expect(marker).to_be_visible()

    # The keyboard way: type the percentages; the marker follows.
    across.fill("75")
    left = marker.evaluate("element => element.style.left")
    assert left == "75%"

    page.get_by_role("button", name="Opslaan en opnieuw bewerken").first.click()
    page.wait_for_load_state("load")
    article.refresh_from_db()
    assert article.image_focus_x == 75
    assert abs(article.image_focus_y - 80) <= 1


def test_speakers_are_reordered_with_the_keyboard_and_the_order_is_saved(editor_page, live_server):
    page = editor_page
    leo, sigrid, nico = (make_speaker(name) for name in ("Leo Smits", "Sigrid", "Nico"))
    article = make_article(speakers=[leo, sigrid, nico])
    visit(page, f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    # Nico moves to the top: focus his "Omhoog" button and press Enter twice.
    rows = page.locator("#article_speakers-group tbody tr.has_original")
    up = rows.nth(2).get_by_role("button", name="Omhoog")
    up.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(page.locator(".speaker-order__status")).to_have_text("Nico staat nu op plaats 1.")

    page.get_by_role("button", name="Opslaan en opnieuw bewerken").first.click()
    page.wait_for_load_state("load")
    saved = Article.objects.for_page().get(pk=article.pk)
    assert [role.speaker for role in saved.ordered_speakers] == [nico, leo, sigrid]
