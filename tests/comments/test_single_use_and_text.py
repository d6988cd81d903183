"""A comment form sends one comment; invisible text, direction overrides and look-alike
domains cannot fool readers or moderators."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import tasks
from comments.models import Comment
from comments.rendering import comment_html
from comments.services import comment_approve
from comments.tasks import notify_moderators
from tests.comments.conftest import form_data, make_comment, post_comment, reader_address
from tests.factories import make_user
from toolbox.text import has_visible_text

pytestmark = pytest.mark.django_db


def send(client, article, data, *, address=None, json=False):
    headers = {"accept": "application/json"} if json else {}
    return client.post(
        f"/reacties/{article.pk}/", data, REMOTE_ADDR=address or reader_address(), headers=headers
    )


# --- One form, one comment


def test_a_form_replayed_with_other_text_is_refused_and_stores_nothing_more(client, article):
    data = form_data(article, body="Mijn reactie.")
    assert send(client, article, data).status_code == 302

    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        replay = send(client, article, {**data, "body": "Koop nu!", "email": "bot@example.nl"})

    assert replay.status_code == 400
    assert "Met dit formulier is al een reactie verstuurd" in replay.text
    assert list(Comment.objects.values_list("body", flat=True)) == ["Mijn reactie."]


def test_a_form_replayed_from_another_network_is_refused(client, article):
    data = form_data(article)
    send(client, article, data, address="192.0.2.10")

    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        replay = send(client, article, {**data, "name": "Ander"}, address="203.0.113.9")

    assert replay.status_code == 400
    assert Comment.objects.count() == 1


def test_the_same_comment_sent_again_is_stored_once_and_thanked_again(client, article):
    data = form_data(article, body="Ik stuur dit opnieuw na een storing.")
    first = send(client, article, data, address="192.0.2.10", json=True)

    again = send(client, article, data, address="192.0.2.10", json=True)

    assert first.status_code == again.status_code == 201
    assert again.json()["status"] == "posted"
    assert Comment.objects.count() == 1


def test_sending_the_same_form_again_is_not_counted_as_a_flood(client, article):
    data = form_data(article)
    send(client, article, data, address="192.0.2.10")

    again = send(client, article, data, address="192.0.2.10")
    other_form = send(client, article, form_data(article, body="Nog een"), address="192.0.2.10")

    assert again.status_code == 302
    assert other_form.status_code == 429


class UnavailableQueue:
    """A task whose queue fails as a database does when it goes away mid-request."""

    def enqueue(self, *args, **kwargs):
        raise OperationalError("the database system is shutting down")


def test_a_comment_and_its_moderator_mail_are_stored_together_or_not_at_all(
    client, article, monkeypatch
):
    monkeypatch.setattr(tasks, "notify_moderators", UnavailableQueue())
    client.raise_request_exception = False

    response = post_comment(client, article, json=True)

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response["Retry-After"] == "3"
    assert not Comment.objects.exists()


def test_every_stored_comment_has_its_moderator_mail_queued(client, article):
    make_user("moderator", is_staff=True, is_superuser=True, email="moderator@example.nl")

    post_comment(client, article)

    comment = Comment.objects.get()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "comments.tasks.notify_moderators"
    assert queued.args_kwargs["args"] == [comment.pk]


def test_an_approval_and_its_mail_to_the_author_are_stored_together(
    client, article, administrator, monkeypatch
):
    comment = make_comment(article, status=Comment.Status.PENDING, notify_on_approval=True)
    monkeypatch.setattr(tasks, "notify_author_of_approval", UnavailableQueue())

    with pytest.raises(OperationalError):
        comment_approve(comment=comment, moderator=administrator)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert not mail.outbox


# --- Text nobody can see


@pytest.mark.parametrize(
    "invisible",
    [
        "\u200b\u200b\u200b",  # zero-width spaces
        "\u200d\u2060\ufeff",  # joiner, word joiner, byte-order mark
        "\u202e\u2066\u2069",  # direction override and isolates
        "\u3164\u3164",  # Hangul filler
        "\u2800",  # Braille blank
        "\u0301\u0301",  # combining marks on nothing
    ],
)
def test_a_comment_of_only_invisible_characters_is_refused_with_a_message(
    client, article, invisible
):
    response = post_comment(client, article, body=invisible)

    assert response.status_code == 200
    assert "Hier staan alleen onzichtbare tekens." in response.text
    assert not Comment.objects.exists()


def test_a_name_of_only_invisible_characters_is_refused(client, article):
    response = post_comment(client, article, name="\u200b\u200c")

    assert "Hier staan alleen onzichtbare tekens." in response.text
    assert not Comment.objects.exists()


def test_text_with_something_to_see_is_visible():
    assert has_visible_text("\u200bHallo\u200b")
    assert has_visible_text("😀")
    assert has_visible_text("é")
    assert not has_visible_text("\u200b \t\n")


# --- Names keep their direction to themselves


def test_a_name_is_isolated_so_a_direction_override_cannot_reorder_the_page(client, article):
    comment = make_comment(article, name="\u202eLeo")
    reply_link = f"{article.get_absolute_url()}?reageer-op={comment.pk}"

    page = client.get(reply_link).text

    assert f'id="{comment.anchor}"><p><bdi>\u202eLeo</bdi>' in page
    assert "U reageert op <bdi>\u202eLeo</bdi>." in page


def test_the_reader_sees_who_they_reply_to_isolated(client, article):
    parent = make_comment(article, name="\u202eLeo")
    post_comment(client, article, parent=str(parent.pk), body="Eens!")

    page = client.get(article.get_absolute_url()).text

    assert "antwoord op <bdi>\u202eLeo</bdi>" in page


def test_the_moderators_mail_isolates_the_name(client, article, moderator):
    post_comment(client, article, name="\u202eLeo")
    notify_moderators.call(Comment.objects.get().pk)

    assert "Naam: \u2068\u202eLeo\u2069\n" in mail.outbox[0].body


# --- Look-alike domains


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("https://pаypal.com/inloggen", "https://xn--pypal-4ve.com/inloggen"),  # Cyrillic а
        ("www.gооgle.com", "www.xn--ggle-55da.com"),  # Cyrillic о
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
    ],
)
def test_a_link_to_an_international_domain_shows_its_punycode(typed, shown):
    html = comment_html(f"Kijk op {typed} voor meer.")

    assert f">{shown}</a>" in html
    assert typed not in html


def test_a_plain_domain_is_shown_as_typed():
    assert ">https://www.example.nl/nieuws</a>" in comment_html("https://www.example.nl/nieuws")
