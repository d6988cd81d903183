"""Downloading whitepapers: open ones directly, gated ones through the form's signed link."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import Whitepaper, WhitepaperLead
from tests.comments.conftest import reader_address
from tests.factories import make_user
from tests.factories_site import (
    WHITEPAPER_READER,
    make_whitepaper,
    pdf_bytes,
    whitepaper_request_data,
)

pytestmark = pytest.mark.django_db

READER = WHITEPAPER_READER


def request_link(client, whitepaper, data=READER, **extra):
    """The reader sends the form, opened a moment ago, from an address of its own."""
    return client.post(
        reverse("articles:whitepaper_request", args=[whitepaper.slug]),
        {**whitepaper_request_data(whitepaper), **data},
        REMOTE_ADDR=extra.pop("address", None) or reader_address(),
        **extra,
    )


def download_url(whitepaper, token):
    return reverse("articles:whitepaper_lead_download", args=[whitepaper.slug, token])


def token_from(response):
    """The token in the redirect to the thank-you page."""
    assert response.status_code == 302, response
    return response["Location"].rstrip("/").rsplit("/", 1)[-1]


def downloads(whitepaper):
    whitepaper.refresh_from_db()
    return whitepaper.download_count


def test_an_open_whitepaper_downloads_as_an_attachment_and_is_counted(client):
    whitepaper = make_whitepaper("Smart city", slug="smart-city")

    page = client.get(whitepaper.get_absolute_url())
    response = client.get(whitepaper.open_download_url())

    assert f'href="{whitepaper.open_download_url()}"' in page.text
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="smart-city.pdf"'
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert downloads(whitepaper) == 1


def test_the_pdf_has_no_public_media_address(client):
    whitepaper = make_whitepaper()
    assert client.get(f"/media/{whitepaper.pdf.name}").status_code == 404


def test_a_gated_whitepaper_shows_the_form_and_no_open_download(client):
    whitepaper = make_whitepaper(gated=True)

    page = client.get(whitepaper.get_absolute_url())

    assert 'name="consent"' in page.text
    assert "Wat wij met uw gegevens doen" in page.text
    assert "Na 90 dagen wissen wij ze." in page.text
    assert whitepaper.open_download_url() not in page.text
    assert client.get(whitepaper.open_download_url()).status_code == 404
    assert downloads(whitepaper) == 0


def test_the_form_gives_a_signed_link_that_downloads_and_counts(client):
    whitepaper = make_whitepaper(gated=True)

    response = request_link(client, whitepaper)
    token = token_from(response)
    thanks = client.get(response["Location"])
    download = client.get(download_url(whitepaper, token))

    lead = WhitepaperLead.objects.get()
    assert (lead.name, lead.email, lead.organisation) == (
        "Sigrid van de Poel",
        "sigrid@example.nl",
        "Jeugdbescherming Regio Amsterdam",
    )
    assert lead.whitepaper == whitepaper
    assert lead.consented_at is not None
    assert f'href="{download_url(whitepaper, token)}"' in thanks.text
    assert "Deze link werkt 24 uur." in thanks.text
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert downloads(whitepaper) == 1


def test_the_link_expires(client, settings):
    whitepaper = make_whitepaper(gated=True)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        token = token_from(request_link(client, whitepaper))
        traveller.shift(
            timedelta(hours=settings.REURING_WHITEPAPER_LINK_HOURS) - timedelta(minutes=1)
        )
        assert client.get(download_url(whitepaper, token)).status_code == 200

        traveller.shift(timedelta(minutes=2))
        expired = client.get(download_url(whitepaper, token))

    assert expired.status_code == 410
    assert "Deze downloadlink is verlopen" in expired.text
    assert f'href="{whitepaper.get_absolute_url()}"' in expired.text
    assert downloads(whitepaper) == 1


def test_a_link_for_one_whitepaper_does_not_open_another(client):
    asked = make_whitepaper(gated=True)
    other = make_whitepaper(gated=True)
    token = token_from(request_link(client, asked))

    assert client.get(download_url(other, token)).status_code == 404
    assert downloads(other) == 0


def test_a_guessed_or_tampered_link_is_not_found(client):
    whitepaper = make_whitepaper(gated=True)
    token = token_from(request_link(client, whitepaper))
    lead = WhitepaperLead.objects.get()
    unsigned = signing.b64_encode(
        signing.JSONSerializer().dumps({"lead": lead.pk, "whitepaper": whitepaper.pk})
    ).decode()
    forged = signing.TimestampSigner(key="a-guessed-key", salt="articles.whitepaper-download")

    for guess in [
        "1",
        unsigned,
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        forged.sign_object({"lead": lead.pk, "whitepaper": whitepaper.pk}),
        signing.TimestampSigner(salt="another-purpose").sign_object(
            {"lead": lead.pk, "whitepaper": whitepaper.pk}
        ),
    ]:
        assert client.get(download_url(whitepaper, guess)).status_code == 404, guess
    assert downloads(whitepaper) == 0


def test_the_link_stops_working_once_the_request_is_erased(client):
    whitepaper = make_whitepaper(gated=True)
    token = token_from(request_link(client, whitepaper))

    WhitepaperLead.objects.all().delete()

    assert client.get(download_url(whitepaper, token)).status_code == 404


def test_the_form_without_consent_stores_nothing_and_keeps_what_was_typed(client):
    whitepaper = make_whitepaper(gated=True)

    response = request_link(client, whitepaper, {**READER, "consent": "", "email": "geen-adres"})

    assert response.status_code == 200
    assert not WhitepaperLead.objects.exists()
    assert "Controleer het formulier" in response.text
    assert "Vink het vakje aan om akkoord te gaan." in response.text
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in response.text
    assert 'value="Sigrid van de Poel"' in response.text
    assert 'value="Jeugdbescherming Regio Amsterdam"' in response.text
    assert 'value="geen-adres"' in response.text
    assert 'aria-invalid="true"' in response.text


def test_the_form_escapes_what_the_reader_typed(client):
    whitepaper = make_whitepaper(gated=True)

    response = request_link(
        client, whitepaper, {**READER, "name": '"><script>x()</script>', "consent": ""}
    )

    assert "<script>x()" not in response.text
    assert "&quot;&gt;&lt;script&gt;" in response.text


def test_drafts_and_scheduled_whitepapers_are_not_found_for_readers(client):
    draft = make_whitepaper(published=False)
    scheduled = make_whitepaper(publish_at=timezone.now() + timedelta(days=1))

    for whitepaper in (draft, scheduled):
        assert client.get(whitepaper.get_absolute_url()).status_code == 404
        assert client.get(whitepaper.open_download_url()).status_code == 404
    assert client.get(reverse("articles:whitepapers")).context["whitepapers"].count() == 0


def test_staff_who_may_preview_see_drafts_and_download_gated_ones_without_counting(client):
    draft = make_whitepaper("Concept", published=False, gated=True)
    client.force_login(make_user(is_staff=True, permissions=["articles.preview_unpublished"]))

    page = client.get(draft.get_absolute_url())
    download = client.get(draft.open_download_url())

    assert "concept en niet zichtbaar voor lezers" in page.text
    assert download.status_code == 200
    assert downloads(draft) == 0


def test_the_list_shows_published_whitepapers_newest_first(client):
    older = make_whitepaper("Smart city", publish_at=timezone.now() - timedelta(days=3))
    newer = make_whitepaper("Safe in cyberspace", publish_at=timezone.now() - timedelta(days=1))

    response = client.get(reverse("articles:whitepapers"))

    assert list(response.context["whitepapers"]) == [newer, older]
    assert "Voor bestuurders, managers en veranderaars" in response.text


def test_a_whitepaper_summary_is_sanitised_on_save():
    whitepaper = make_whitepaper(summary='<p onclick="x()">Tekst</p><script>alert(1)</script>')
    whitepaper.refresh_from_db()
    assert "script" not in whitepaper.summary
    assert "onclick" not in whitepaper.summary
    assert Whitepaper.objects.published().count() == 1


def test_staff_without_the_preview_permission_need_the_form_like_everybody(client):
    gated = make_whitepaper("Met formulier", gated=True)
    draft = make_whitepaper("Concept", published=False)
    client.force_login(make_user(is_staff=True))

    assert client.get(gated.open_download_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert downloads(gated) == 0
