"""Whitepaper requests in the admin: listed, exported as CSV, erased after the set days."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import WhitepaperLead
from tests.factories import make_user
from tests.factories_site import make_whitepaper

pytestmark = pytest.mark.django_db


def make_lead(whitepaper, *, days_ago=0, **fields):
    values = {
        "name": "Nico Versteeg",
        "email": "nico@example.nl",
        "organisation": "Gemeente Lelystad",
        "consented_at": timezone.now() - timedelta(days=days_ago),
        "created_at": timezone.now() - timedelta(days=days_ago),
        **fields,
    }
    return WhitepaperLead.objects.create(whitepaper=whitepaper, **values)


@pytest.fixture
def lead_viewer(db):
    return make_user(
        "accountmanager",
        is_staff=True,
        permissions=["articles.view_whitepaperlead", "articles.delete_whitepaperlead"],
    )


def test_staff_see_the_requests_with_the_retention_period(client, lead_viewer):
    make_lead(make_whitepaper("Smart city"))
    client.force_login(lead_viewer)

    response = client.get(reverse("admin:articles_whitepaperlead_changelist"))

    assert response.status_code == 200
    assert "Nico Versteeg" in response.text
    assert "Gemeente Lelystad" in response.text
    assert "Aanvragen worden na 90 dagen automatisch gewist." in response.text


def test_a_request_cannot_be_added_or_changed_in_the_admin(client, lead_viewer):
    lead = make_lead(make_whitepaper())
    client.force_login(make_user(is_staff=True, is_superuser=True))

    assert client.get(reverse("admin:articles_whitepaperlead_add")).status_code == 403
    response = client.post(
        reverse("admin:articles_whitepaperlead_change", args=[lead.pk]),
        {"name": "Iemand anders"},
    )
    lead.refresh_from_db()
    assert response.status_code == 403
    assert lead.name == "Nico Versteeg"


def test_the_csv_export_holds_the_selected_requests_and_defuses_formulas(client, lead_viewer):
    whitepaper = make_whitepaper("Safe in cyberspace")
    first = make_lead(whitepaper, name="Leo Smits", days_ago=2)
    second = make_lead(whitepaper, name='=HYPERLINK("http://evil")', organisation="Zoë & co")
    make_lead(whitepaper, name="Niet gekozen")
    client.force_login(lead_viewer)

    response = client.post(
        reverse("admin:articles_whitepaperlead_changelist"),
        {"action": "export_csv", "_selected_action": [first.pk, second.pk]},
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="whitepaper-requests-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["whitepaper", "naam", "e-mailadres", "organisatie", "aangevraagd"]
    assert [row[1] for row in rows[1:]] == ["Leo Smits", '\'=HYPERLINK("http://evil")']
    assert rows[2][3] == "Zoë & co"
    assert "Niet gekozen" not in response.content.decode()


def test_staff_without_permission_cannot_see_requests(client):
    make_lead(make_whitepaper())
    client.force_login(make_user(is_staff=True))
    assert client.get(reverse("admin:articles_whitepaperlead_changelist")).status_code == 403


def test_the_command_erases_requests_older_than_the_setting(settings):
    settings.REURING_WHITEPAPER_LEAD_DAYS = 30
    whitepaper = make_whitepaper()
    old = make_lead(whitepaper, days_ago=31)
    recent = make_lead(whitepaper, days_ago=29)
    out = io.StringIO()

    call_command("erase_whitepaper_requests", stdout=out)

    assert list(WhitepaperLead.objects.all()) == [recent]
    assert not WhitepaperLead.objects.filter(pk=old.pk).exists()
    assert "Erased 1" in out.getvalue()


def test_the_form_tells_readers_the_configured_period(client, settings):
    settings.REURING_WHITEPAPER_LEAD_DAYS = 30
    whitepaper = make_whitepaper(gated=True)
    assert "Na 30 dagen wissen wij ze." in client.get(whitepaper.get_absolute_url()).text
