"""Text is never lost: the article form keeps what an editor typed on the server."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.articles.test_admin import article_form, with_speakers
from tests.factories import make_article, make_speaker, make_user
from toolbox.models import Draft

pytestmark = pytest.mark.django_db


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def article():
    return make_article("Reuringcafé over leren", lead="De oude inleiding.")


def test_typing_is_kept_per_editor_and_article(client, editor, article):
    client.force_login(editor)

    response = client.post(autosave_url(article), {"lead": "Half getypte inleiding", "title": "X"})

    assert response.status_code == 200
    assert "Niet-opgeslagen tekst bewaard om" in response.json()["message"]
    draft = Draft.objects.get()
    assert draft.user == editor
    assert draft.object_id == str(article.pk)
    assert draft.data["lead"] == ["Half getypte inleiding"]


def test_each_autosave_replaces_the_one_before(client, editor, article):
    client.force_login(editor)
    client.post(autosave_url(article), {"lead": "Eerst"})
    client.post(autosave_url(article), {"lead": "Daarna"})

    assert Draft.objects.get().data["lead"] == ["Daarna"]


def test_a_new_article_is_kept_too(client, editor):
    client.force_login(editor)

    client.post(autosave_url(), {"title": "Nieuw stuk"})

    assert Draft.objects.get().object_id == ""


def test_the_endpoint_refuses_get(client, editor, article):
    client.force_login(editor)

    assert client.get(autosave_url(article)).status_code == 405


def test_the_endpoint_needs_the_csrf_token(editor, article):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)

    assert browser.post(autosave_url(article), {"lead": "x"}).status_code == 403
    assert not Draft.objects.exists()


def test_an_expired_session_gets_a_json_answer_not_the_login_page(client, article):
    response = client.post(autosave_url(article), {"lead": "x"})

    assert response.status_code == 401
    assert response.json() == {"error": "login"}


def test_staff_without_the_change_permission_keep_nothing(client, article):
    client.force_login(make_user("lezer", is_staff=True, permissions=["articles.view_article"]))

    assert client.post(autosave_url(article), {"lead": "x"}).status_code == 403
    assert not Draft.objects.exists()


def test_the_form_offers_to_restore_and_fills_in_what_was_typed(client, editor, article):
    client.force_login(editor)
    client.post(autosave_url(article), {"lead": "Half getypte inleiding", "title": "Nieuwe titel"})

    offer = client.get(change_url(article))
    assertContains(offer, "U hebt niet-opgeslagen tekst van")
    assertContains(offer, 'href="?concept=terugzetten"')

    restored = client.get(change_url(article) + "?concept=terugzetten")
    form = restored.context["adminform"].form
    assert form["lead"].value() == "Half getypte inleiding"
    assert form["title"].value() == "Nieuwe titel"
    assertContains(restored, "De tekst die u typte staat terug")
    assertNotContains(restored, "U hebt niet-opgeslagen tekst van")


def test_another_editor_does_not_see_my_draft(client, editor, article):
    client.force_login(editor)
    client.post(autosave_url(article), {"lead": "Van mij"})
    client.force_login(make_user("collega", is_staff=True, is_superuser=True))

    assertNotContains(client.get(change_url(article)), "niet-opgeslagen tekst")


def test_a_failed_save_keeps_what_was_typed(client, editor, article):
    client.force_login(editor)
    data = article_form(title="", lead="Een lange inleiding die niet verloren mag gaan")

    response = client.post(change_url(article), data)

    assert response.status_code == 200  # the form with its error
    assert Draft.objects.get().data["lead"] == ["Een lange inleiding die niet verloren mag gaan"]
    assertContains(client.get(change_url(article)), "U hebt niet-opgeslagen tekst van")


def test_a_successful_save_forgets_the_draft(client, editor, article):
    client.force_login(editor)
    client.post(autosave_url(article), {"lead": "Bijna klaar"})

    response = client.post(change_url(article), article_form(slug=article.slug))

    assert response.status_code == 302
    assert not Draft.objects.exists()


def test_drafts_are_deleted_after_the_configured_days(client, editor, article, settings):
    settings.REURING_AUTOSAVE_DAYS = 7
    client.force_login(editor)
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        client.post(autosave_url(article), {"lead": "Oud"})
    assertNotContains(client.get(change_url(article)), "niet-opgeslagen tekst")

    out = io.StringIO()
    call_command("delete_expired_drafts", stdout=out)

    assert "Niet-opgeslagen teksten verwijderd: 1." in out.getvalue()

    assert not Draft.objects.exists()


def test_an_autosave_deletes_other_expired_drafts(client, editor, article, settings):
    settings.REURING_AUTOSAVE_DAYS = 7
    client.force_login(editor)
    other = make_article("Ander artikel")
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        client.post(autosave_url(other), {"lead": "Oud"})

    client.post(autosave_url(article), {"lead": "Nieuw"})

    assert list(Draft.objects.values_list("object_id", flat=True)) == [str(article.pk)]


def test_restoring_brings_back_the_speaker_rows_as_typed(client, editor, article):
    leo, sigrid = make_speaker("Leo Smits"), make_speaker("Sigrid van de Poel")
    client.force_login(editor)
    typed = with_speakers(article_form(), sigrid, leo)
    typed["article_speakers-0-function"] = "Programmamanager"
    typed["article_speakers-1-organisation"] = "Gemeente Zwolle"
    client.post(autosave_url(article), typed)

    restored = client.get(change_url(article) + "?concept=terugzetten")

    rows = restored.context["inline_admin_formsets_after_text"][0].formset.forms
    assert [row["speaker"].value() for row in rows] == [str(sigrid.pk), str(leo.pk)]
    assert rows[0]["function"].value() == "Programmamanager"
    assert rows[1]["organisation"].value() == "Gemeente Zwolle"
    assertContains(restored, 'value="Gemeente Zwolle"')
    # Only the restore link shows the draft; opening the form plainly shows what is saved.
    plain = client.get(change_url(article))
    assertNotContains(plain, 'value="Gemeente Zwolle"')
    assert not article.article_speakers.exists()


def test_a_draft_without_speaker_rows_restores_the_saved_ones(client, editor, article):
    article.article_speakers.create(speaker=make_speaker("Leo Smits"), position=0)
    client.force_login(editor)
    client.post(autosave_url(article), {"lead": "Alleen de inleiding"})

    restored = client.get(change_url(article) + "?concept=terugzetten")

    rows = restored.context["inline_admin_formsets_after_text"][0].formset.forms
    assert [row.instance.speaker.name for row in rows if row.instance.pk] == ["Leo Smits"]
    assert restored.context["adminform"].form["lead"].value() == "Alleen de inleiding"
