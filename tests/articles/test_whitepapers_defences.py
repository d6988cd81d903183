"""The whitepaper form has the comment form's defences, through the same code
(toolbox.formguard and toolbox.ratelimit), and a request changes no cached page."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import WhitepaperLead
from tests.factories_site import make_whitepaper, whitepaper_request_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def whitepaper():
    return make_whitepaper("Smart city", gated=True)


def send(client, whitepaper, data, address="192.0.2.10"):
    url = reverse("articles:whitepaper_request", args=[whitepaper.slug])
    return client.post(url, data, REMOTE_ADDR=address)


def test_25_requests_from_one_address_store_one(client, whitepaper):
    statuses = [
        send(
            client, whitepaper, whitepaper_request_data(whitepaper, email=f"lezer{n}@example.nl")
        ).status_code
        for n in range(25)
    ]

    assert statuses == [302] + [429] * 24
    assert WhitepaperLead.objects.count() == 1


def test_a_second_request_within_15_seconds_is_refused_keeping_what_was_typed(client, whitepaper):
    send(client, whitepaper, whitepaper_request_data(whitepaper, email="een@example.nl"))

    response = send(
        client,
        whitepaper,
        whitepaper_request_data(whitepaper, email="twee@example.nl", organisation="Gemeente Ede"),
        address="192.0.2.77",
    )

    assert response.status_code == 429
    assert "U vroeg net een whitepaper aan." in response.text
    assert 'value="Gemeente Ede"' in response.text
    assert WhitepaperLead.objects.count() == 1


def test_the_same_address_from_another_network_is_refused_too(client, whitepaper):
    send(client, whitepaper, whitepaper_request_data(whitepaper))

    again = send(client, whitepaper, whitepaper_request_data(whitepaper), address="203.0.113.5")

    assert again.status_code == 429


def test_a_network_has_an_hourly_limit(client, whitepaper, settings):
    settings.REURING_WHITEPAPER_HOURLY_LIMIT_PER_NETWORK = 2
    start = timezone.now()
    statuses = []
    for n in range(3):
        with time_machine.travel(start + timedelta(seconds=20 * n)):
            data = whitepaper_request_data(whitepaper, email=f"lezer{n}@example.nl")
            statuses.append(send(client, whitepaper, data, address=f"192.0.2.{n + 1}").status_code)

    assert statuses == [302, 302, 429]


def test_a_filled_in_honeypot_is_refused(client, whitepaper):
    response = send(client, whitepaper, whitepaper_request_data(whitepaper, website="spam"))

    assert response.status_code == 400
    assert not WhitepaperLead.objects.exists()


@pytest.mark.parametrize("field", ["whitepaper", "timestamp", "form_id", "security_hash"])
def test_a_changed_signed_field_is_refused(client, whitepaper, field):
    data = whitepaper_request_data(whitepaper)
    data[field] = "1" + data[field][1:] if data[field][0] != "1" else "2" + data[field][1:]

    response = send(client, whitepaper, data)

    assert response.status_code == 400
    assert "Dit verzoek konden wij niet lezen" in response.text
    assert not WhitepaperLead.objects.exists()


def test_a_form_sent_within_three_seconds_is_shown_again(client, whitepaper):
    response = send(client, whitepaper, whitepaper_request_data(whitepaper, age=1))

    assert response.status_code == 200
    assert "erg snel" in response.text
    assert 'value="Sigrid van de Poel"' in response.text
    assert not WhitepaperLead.objects.exists()


def test_a_form_open_for_more_than_two_hours_is_shown_again(client, whitepaper):
    response = send(client, whitepaper, whitepaper_request_data(whitepaper, age=3 * 60 * 60))

    assert response.status_code == 200
    assert "langer dan twee uur open" in response.text
    assert not WhitepaperLead.objects.exists()


def test_a_form_replayed_for_someone_else_is_refused(client, whitepaper):
    data = whitepaper_request_data(whitepaper)
    send(client, whitepaper, data)

    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        replay = send(client, whitepaper, {**data, "email": "ander@example.nl"}, "203.0.113.5")

    assert replay.status_code == 400
    assert WhitepaperLead.objects.count() == 1


def test_the_same_request_sent_again_gets_the_same_link_and_stores_once(client, whitepaper):
    data = whitepaper_request_data(whitepaper)

    first = send(client, whitepaper, data)
    again = send(client, whitepaper, data)

    assert first.status_code == again.status_code == 302
    assert WhitepaperLead.objects.count() == 1


def test_a_name_of_only_invisible_characters_is_refused(client, whitepaper):
    response = send(client, whitepaper, whitepaper_request_data(whitepaper, name="\u200b\u2060"))

    assert "alleen onzichtbare tekens" in response.text
    assert not WhitepaperLead.objects.exists()


def test_the_form_carries_the_signed_fields_and_a_hidden_honeypot(client, whitepaper):
    html = client.get(whitepaper.get_absolute_url()).text

    for name in ("whitepaper", "timestamp", "form_id", "security_hash"):
        assert f'type="hidden" name="{name}"' in html
    assert '<div class="form-trap" aria-hidden="true">' in html


def test_a_request_clears_no_cached_page(client, whitepaper):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    assert send(client, whitepaper, whitepaper_request_data(whitepaper)).status_code == 302

    assert client.get("/").get("X-Page-Cache") == "hit"
