"""One test per defence of the comment form: nothing from a forged or automated post is stored."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from comments.forms import security_data
from comments.models import ArticleCommentSettings, Comment, ModerationAction, WordRule
from tests.comments.conftest import form_data, make_comment, post_comment
from tests.factories import make_article
from tests.matching import search

pytestmark = pytest.mark.django_db


# --- The signed timestamp: tampering is a 400 with nothing stored


def test_it_refuses_a_form_whose_article_was_changed(client, article):
    other = make_article()
    data = form_data(article)
    data["article"] = str(other.pk)

    response = client.post(f"/reacties/{other.pk}/", data)

    assert response.status_code == 400
    assert "Er ging iets mis met dit formulier" in response.text
    assert not Comment.objects.exists()


def test_it_refuses_a_form_posted_to_another_article_than_it_was_signed_for(client, article):
    other = make_article()

    response = client.post(f"/reacties/{other.pk}/", form_data(article))

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_it_refuses_a_form_whose_timestamp_was_changed(client, article):
    data = form_data(article)
    data["timestamp"] = str(int(data["timestamp"]) - 60)

    response = client.post(f"/reacties/{article.pk}/", data)

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_it_refuses_a_form_whose_timestamp_is_not_a_number(client, article):
    data = form_data(article, timestamp="gisteren")

    assert client.post(f"/reacties/{article.pk}/", data).status_code == 400
    assert not Comment.objects.exists()


def test_it_refuses_a_form_whose_signature_was_changed(client, article):
    data = form_data(article)
    data["security_hash"] = security_data(article, timestamp=12345)["security_hash"]

    response = client.post(f"/reacties/{article.pk}/", data)

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_it_refuses_a_form_without_its_signed_fields(client, article):
    data = form_data(article)
    del data["security_hash"]

    assert client.post(f"/reacties/{article.pk}/", data).status_code == 400
    assert not Comment.objects.exists()


def test_the_script_gets_a_400_with_a_message_for_a_tampered_form(client, article):
    data = form_data(article, security_hash="0" * 64)

    response = client.post(f"/reacties/{article.pk}/", data, headers={"accept": "application/json"})

    assert response.status_code == 400
    assert response.json()["status"] == "bad_request"


# --- Too old or too fast: the reader gets the form back, text and all


def test_a_form_older_than_two_hours_is_shown_again_with_the_text_kept(client, article):
    response = post_comment(client, article, age=2 * 60 * 60 + 5, body="Lang over nagedacht")

    assert response.status_code == 200
    assert "langer dan twee uur open" in response.text
    assert "Lang over nagedacht</textarea>" in response.text
    assert not Comment.objects.exists()


def test_the_form_shown_again_carries_a_fresh_signature_that_works(client, article):
    stale = post_comment(client, article, age=3 * 60 * 60, body="Tweede poging")
    resent = form_data(article, body="Tweede poging")
    for name in ("timestamp", "form_id", "security_hash"):
        resent[name] = search(rf'name="{name}" value="([^"]+)"', stale.text).group(1)

    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        response = client.post(f"/reacties/{article.pk}/", resent, REMOTE_ADDR="192.0.2.1")

    assert response.status_code == 302
    assert Comment.objects.get().body == "Tweede poging"


def test_a_form_sent_within_three_seconds_is_shown_again_with_the_text_kept(client, article):
    response = post_comment(client, article, age=1, body="Snel getypt")

    assert response.status_code == 200
    assert "erg snel" in response.text
    assert "Snel getypt</textarea>" in response.text
    assert not Comment.objects.exists()


# --- The honeypot


def test_a_filled_in_honeypot_is_refused_and_nothing_is_stored(client, article):
    response = post_comment(client, article, website="https://spam.example")

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_the_honeypot_is_in_the_form_but_hidden_from_people(client, article):
    html = client.get(article.get_absolute_url()).text

    assert 'name="website"' in html
    assert 'class="form-trap" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html


# --- Flood control


def test_a_second_comment_from_the_same_network_within_15_seconds_gets_a_429(client, article):
    post_comment(client, article, address="192.0.2.10", email="een@example.nl")

    response = post_comment(
        client, article, address="192.0.2.77", email="twee@example.nl", body="Nog eentje"
    )

    assert response.status_code == 429
    assert "U heeft net een reactie verstuurd" in response.text
    assert "Nog eentje</textarea>" in response.text
    assert Comment.objects.count() == 1


def test_a_second_comment_from_the_same_e_mail_within_15_seconds_gets_a_429(client, article):
    post_comment(client, article, address="192.0.2.10", email="sigrid@example.nl")

    response = post_comment(client, article, address="198.51.100.4", email="Sigrid@Example.nl")

    assert response.status_code == 429
    assert Comment.objects.count() == 1


def test_after_15_seconds_the_same_reader_may_comment_again(client, article):
    post_comment(client, article, address="192.0.2.10")

    with time_machine.travel(timezone.now() + timedelta(seconds=16)):
        response = post_comment(client, article, address="192.0.2.10")

    assert response.status_code == 302
    assert Comment.objects.count() == 2


def test_readers_on_other_networks_are_not_held_up(client, article):
    post_comment(client, article, address="192.0.2.10", email="een@example.nl")

    response = post_comment(client, article, address="192.0.3.10", email="twee@example.nl")

    assert response.status_code == 302


def test_a_network_has_an_hourly_limit(client, article, settings):
    settings.COMMENTS_HOURLY_LIMIT_PER_NETWORK = 3
    start = timezone.now()
    statuses = []
    for n in range(4):
        with time_machine.travel(start + timedelta(seconds=20 * n)):
            response = post_comment(
                client, article, address=f"192.0.2.{n + 1}", email=f"lezer{n}@example.nl"
            )
            statuses.append(response.status_code)

    assert statuses == [302, 302, 302, 429]
    assert Comment.objects.count() == 3
    with time_machine.travel(start + timedelta(hours=1, minutes=1)):
        assert post_comment(client, article, address="192.0.2.9").status_code == 302


def test_flood_control_counts_ipv6_readers_per_48_network(client, article):
    post_comment(client, article, address="2001:db8:1:aaaa::1", email="een@example.nl")

    same_48 = post_comment(client, article, address="2001:db8:1:bbbb::2", email="twee@example.nl")
    other_48 = post_comment(client, article, address="2001:db8:2::1", email="drie@example.nl")

    assert same_48.status_code == 429
    assert other_48.status_code == 302


def test_the_script_gets_a_429_with_the_form_and_the_text_kept(client, article):
    post_comment(client, article, address="192.0.2.10")

    response = post_comment(client, article, address="192.0.2.10", json=True, body="Bewaard")

    assert response.status_code == 429
    data = response.json()
    assert data["status"] == "rate_limited"
    assert "Wacht even" in data["message"]
    assert "Bewaard</textarea>" in data["form_html"]


def test_no_ip_address_or_user_agent_is_stored_with_a_comment(client, article):
    client.post(
        f"/reacties/{article.pk}/",
        form_data(article),
        REMOTE_ADDR="192.0.2.10",
        headers={"user-agent": "Firefox/130"},
    )

    stored = Comment.objects.values().get()
    assert "192.0.2" not in str(stored)
    assert "Firefox" not in str(stored)


# --- Links and words


def test_two_links_hold_a_comment_with_that_reason(client, article):
    post_comment(client, article, body="Zie https://a.example/ en www.b.example.org voor meer.")

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == Comment.HeldReason.LINKS
    assert comment.held_detail == "2"


def test_one_link_is_no_reason_to_hold(client, article):
    post_comment(client, article, body="Zie https://a.example/ voor meer.")

    assert Comment.objects.get().held_reason == ""


def test_a_word_from_the_moderation_list_holds_a_comment_with_that_word_as_reason(client, article):
    WordRule.objects.create(word="casino", action=WordRule.Action.HOLD)

    post_comment(client, article, body="Ik ga naar het Casino vanavond.")

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == Comment.HeldReason.MODERATION_WORD
    assert comment.held_detail == "casino"


def test_words_match_whole_words_only(client, article):
    WordRule.objects.create(word="ass", action=WordRule.Action.HOLD)

    post_comment(client, article, body="Een klassieke fout in de klasse.")

    assert Comment.objects.get().held_reason == ""


def test_a_word_from_the_block_list_sends_a_comment_straight_to_spam(client, article):
    WordRule.objects.create(word="viagra", action=WordRule.Action.BLOCK)

    response = post_comment(client, article, name="VIAGRA shop", follow=True)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert comment.held_reason == Comment.HeldReason.BLOCK_WORD
    assert ModerationAction.objects.get(comment=comment).moderator is None
    # The sender learns nothing: the same thanks as everyone.
    assert "Bedankt! Uw reactie verschijnt zodra een moderator" in response.text


# --- Trusted authors (off unless switched on)


def test_authors_with_approved_comments_still_wait_by_default(client, article):
    for _ in range(5):
        make_comment(article, email="vaste.lezer@example.nl")

    post_comment(client, article, email="vaste.lezer@example.nl", body="Weer ik")

    assert Comment.objects.get(body="Weer ik").status == Comment.Status.PENDING


def test_when_switched_on_authors_with_n_approved_comments_are_approved(client, article, settings):
    settings.COMMENTS_TRUST_AFTER_APPROVED = 2
    make_comment(article, email="vaste.lezer@example.nl")
    post_comment(client, article, email="vaste.lezer@example.nl", body="Nog niet vertrouwd")
    make_comment(article, email="vaste.lezer@example.nl")

    with time_machine.travel(timezone.now() + timedelta(seconds=20)):
        post_comment(client, article, email="Vaste.Lezer@example.nl", body="Nu wel")

    assert Comment.objects.get(body="Nog niet vertrouwd").status == Comment.Status.PENDING
    trusted = Comment.objects.get(body="Nu wel")
    assert trusted.status == Comment.Status.APPROVED
    assert trusted.moderation_actions.get().moderator is None


def test_trusted_authors_are_still_held_for_links(client, article, settings):
    settings.COMMENTS_TRUST_AFTER_APPROVED = 1
    make_comment(article, email="vaste.lezer@example.nl")

    post_comment(
        client, article, email="vaste.lezer@example.nl", body="https://a.example https://b.example"
    )

    assert Comment.objects.get(body__startswith="https").status == Comment.Status.PENDING


# --- Closing


def test_comments_close_after_the_site_default_number_of_days(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(publish_at=timezone.now() - timedelta(days=31))

    page = client.get(old.get_absolute_url())
    response = post_comment(client, old, body="Te laat")

    assert "Reageren op dit artikel is gesloten." in page.text
    assert "Reageer op dit artikel" not in page.text
    assert response.status_code == 403
    assert "Te laat</textarea>" in response.text
    assert not Comment.objects.exists()


def test_an_article_can_stay_open_longer_than_the_site_default(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(publish_at=timezone.now() - timedelta(days=31))
    ArticleCommentSettings.objects.create(article=old, close_after_days=60)

    assert "Reageer op dit artikel" in client.get(old.get_absolute_url()).text
    assert post_comment(client, old).status_code == 302


def test_an_article_can_close_sooner_than_the_site_default(client, article):
    ArticleCommentSettings.objects.create(article=article, close_after_days=0)

    assert "Reageren op dit artikel is gesloten." in client.get(article.get_absolute_url()).text
    assert post_comment(client, article).status_code == 403


def test_approved_comments_stay_readable_after_closing(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 1
    old = make_article(publish_at=timezone.now() - timedelta(days=3))
    make_comment(old, body="Nog steeds te lezen")

    assert "Nog steeds te lezen" in client.get(old.get_absolute_url()).text


def test_an_article_without_comments_has_no_comment_section_and_refuses_posts(client):
    quiet = make_article(allow_comments=False)

    assert 'id="reacties"' not in client.get(quiet.get_absolute_url()).text
    assert post_comment(client, quiet).status_code == 403
    assert not Comment.objects.exists()
