"""A reader posts a comment without JavaScript (a plain form post) and with it (JSON)."""

import pytest
from django.utils import timezone

from comments.models import Comment
from tests.comments.conftest import make_comment, post_comment

pytestmark = pytest.mark.django_db

THANKS = "Bedankt! Uw reactie verschijnt zodra een moderator deze heeft goedgekeurd."


def test_the_article_page_shows_the_form_with_its_privacy_notice(client, article):
    response = client.get(article.get_absolute_url())

    html = response.text
    assert "Reageer op dit artikel" in html
    assert 'name="email"' in html
    assert "Verplicht. Wij tonen uw e-mailadres nooit." in html
    assert "90 dagen" in html
    assert 'href="/reactiebeleid/"' in html
    assert 'src="/static/comments/comments.js"' in html


def test_a_posted_comment_waits_for_a_moderator_and_the_reader_is_thanked(client, article):
    response = post_comment(client, article, body="Goed punt over leren.\r\nTweede regel.")

    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#reageer"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.body == "Goed punt over leren.\nTweede regel."
    assert comment.email == "sigrid@example.nl"

    page = client.get(response["Location"])
    assert THANKS in page.text


def test_the_author_sees_their_own_pending_comment_marked_as_waiting(client, article):
    post_comment(client, article, body="Mijn eigen reactie")

    page = client.get(article.get_absolute_url())

    assert "Mijn eigen reactie" in page.text
    assert "wacht op goedkeuring" in page.text


def test_nobody_else_sees_a_pending_comment(client, article):
    post_comment(client, article, body="Mijn eigen reactie")
    client.cookies.clear()

    page = client.get(article.get_absolute_url())

    assert "Mijn eigen reactie" not in page.text
    assert "wacht op goedkeuring" not in page.text


def test_a_forged_own_comments_cookie_shows_nothing(client, article):
    other = make_comment(article, status=Comment.Status.PENDING, body="Van iemand anders")
    client.cookies["reuring_own_comments"] = str(other.pk)

    page = client.get(article.get_absolute_url())

    assert "Van iemand anders" not in page.text


def test_mistakes_are_shown_next_to_the_fields_and_in_a_summary_keeping_the_text(client, article):
    response = post_comment(
        client, article, name="", email="geen-adres", body="Mijn zorgvuldig getypte tekst"
    )

    assert response.status_code == 200
    html = response.text
    assert "Uw reactie is nog niet verstuurd" in html  # the summary
    assert html.count("Vul uw naam in.") == 2  # in the summary and next to the field
    assert html.count("Vul een e-mailadres in zoals naam@voorbeeld.nl.") == 2
    assert 'href="#reactie-name"' in html
    assert "Mijn zorgvuldig getypte tekst</textarea>" in html
    assert 'value="geen-adres"' in html
    assert 'aria-invalid="true"' in html
    assert not Comment.objects.exists()


def test_a_comment_over_3000_characters_is_refused_with_the_text_kept(client, article):
    text = "a" * 3001

    response = post_comment(client, article, body=text)

    assert "maximaal 3000 tekens" in response.text
    assert text in response.text
    assert not Comment.objects.exists()


def test_3000_characters_with_windows_line_breaks_are_accepted(client, article):
    text = ("x" * 99 + "\r\n") * 30  # 3000 characters when a line break counts as one

    post_comment(client, article, body=text.rstrip())

    assert Comment.objects.get().body == text.replace("\r\n", "\n").rstrip()


def test_a_reader_can_reply_to_an_approved_comment(client, article):
    parent = make_comment(article, name="Leo")

    form_page = client.get(article.get_absolute_url(), {"reageer-op": parent.pk})
    post_comment(client, article, parent=str(parent.pk), body="Eens met Leo")

    assert "U reageert op <bdi>Leo</bdi>." in form_page.text
    assert f'name="parent" value="{parent.pk}"' in form_page.text
    assert Comment.objects.get(body="Eens met Leo").parent == parent


def test_replies_go_one_level_deep_only(client, article):
    parent = make_comment(article)
    reply = make_comment(article, parent=parent)

    response = post_comment(client, article, parent=str(reply.pk), body="Antwoord op antwoord")

    assert "bestaat niet meer" in response.text
    assert not Comment.objects.filter(body="Antwoord op antwoord").exists()


def test_a_reply_to_a_comment_of_another_article_is_refused(client, article):
    from tests.factories import make_article

    elsewhere = make_comment(make_article())

    post_comment(client, article, parent=str(elsewhere.pk))

    assert not Comment.objects.filter(article=article).exists()


def test_the_reader_can_ask_for_an_e_mail_on_approval(client, article):
    post_comment(client, article, notify="on")

    assert Comment.objects.get().notify_on_approval is True


def test_a_get_on_the_post_address_is_not_allowed(client, article):
    assert client.get(f"/reacties/{article.pk}/").status_code == 405


def test_drafts_cannot_be_commented_on(client):
    from tests.factories import make_article

    draft = make_article(published=False)

    assert post_comment(client, draft).status_code == 404


# --- With JavaScript: the script asks for JSON


def test_the_script_gets_the_confirmation_the_pending_comment_and_a_fresh_form(client, article):
    response = post_comment(client, article, json=True, body="Via het script")

    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "posted"
    assert data["message"] == THANKS
    assert "Via het script" in data["comment_html"]
    assert "wacht op goedkeuring" in data["comment_html"]
    assert 'name="security_hash"' in data["form_html"]
    assert "Via het script" not in data["form_html"]
    assert "reuring_own_comments" in response.cookies


def test_the_script_gets_the_form_with_errors_and_the_text_kept(client, article):
    response = post_comment(client, article, json=True, name="", body="Bewaar mij")

    assert response.status_code == 422
    data = response.json()
    assert data["status"] == "invalid"
    assert "Vul uw naam in." in data["form_html"]
    assert "Bewaar mij</textarea>" in data["form_html"]


def test_a_staff_moderators_reply_is_published_and_marked_as_the_organisations(
    client, article, moderator
):
    client.force_login(moderator)

    post_comment(client, article, name="Redactie Reuring", body="Dank voor uw vraag.")

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED
    assert comment.is_staff_reply
    client.logout()
    page = client.get(article.get_absolute_url())
    assert "Reactie van de redactie" in page.text
    assert "Dank voor uw vraag." in page.text


def test_moderated_at_is_set_when_a_comment_is_approved_right_away(client, article, moderator):
    client.force_login(moderator)
    before = timezone.now()

    post_comment(client, article)

    moderated_at = Comment.objects.get().moderated_at
    assert moderated_at is not None and moderated_at >= before


def test_a_reply_with_a_mistake_still_says_whom_it_replies_to(client, article):
    parent = make_comment(article, name="Leo")

    response = post_comment(client, article, parent=str(parent.pk), name="")

    assert "U reageert op <bdi>Leo</bdi>." in response.text
    assert f'name="parent" value="{parent.pk}"' in response.text
