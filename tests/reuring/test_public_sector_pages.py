"""The pages a Dutch public-sector site must have: edited in the admin, linked in the footer."""

from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains

from reuring.models import AccessibilityIssue, AccessibilityStatement, Colophon
from tests.factories import make_user
from tests.factories_site import make_site_details

pytestmark = pytest.mark.django_db


def test_every_page_links_to_them_in_the_footer(client):
    html = client.get(reverse("articles:home")).text
    footer = html.split('<footer class="site-footer">')[1]
    for name in ("accessibility", "privacy", "colophon"):
        assert f'href="{reverse(name)}"' in footer


def test_the_accessibility_statement_follows_the_model_statement(client):
    make_site_details()
    statement = AccessibilityStatement.objects.create(
        status=AccessibilityStatement.Status.B,
        statement_date=date(2026, 11, 1),
        evaluated_on=date(2026, 10, 15),
        evaluated_by="Stichting Toegankelijk",
        report_url="https://example.org/rapport.pdf",
        approved_by="Leo Smits, directeur",
        approved_on=date(2026, 11, 2),
        response_days=5,
    )
    AccessibilityIssue.objects.create(
        statement=statement,
        description="Oude pdf's hebben geen koppen.",
        criterion="1.3.1 Info en relaties",
        fixed_by=date(2027, 6, 1),
    )

    html = client.get(reverse("accessibility")).text

    headings = [part.split("</h2>")[0] for part in html.split("<h2>")[1:]]
    for heading in (
        "Status",
        "Hoe we de website hebben onderzocht",
        "Bekende problemen",
        "Goedkeuring",
        "Feedback en contact",
        "Handhavingsprocedure",
    ):
        assert heading in headings, heading
    assert "PBLQ wil dat iedereen testserver kan gebruiken" in html
    assert "Status B: voldoet gedeeltelijk aan de eisen." in html
    assert "1 november 2026" in html
    assert "Stichting Toegankelijk" in html
    assert "Oude pdf&#x27;s hebben geen koppen." in html
    assert "1 juni 2027" in html
    assert 'href="mailto:info@pblq.nl"' in html
    assert "binnen 5 werkdagen" in html
    assert "Nationale ombudsman" in html


def test_without_a_statement_the_page_says_plainly_that_nothing_was_evaluated(client):
    html = client.get(reverse("accessibility")).text
    assert "nog niet vastgesteld" in html
    assert "nog niet onderzocht" in html


@override_settings(COMMENTS_ERASE_EMAIL_AFTER_DAYS=45, REURING_WHITEPAPER_LEAD_DAYS=30)
def test_the_privacy_statement_takes_its_retention_periods_from_the_settings(client):
    make_site_details()

    html = client.get(reverse("privacy")).text

    assert "45 dagen nadat een moderator uw reactie heeft bekeken" in html
    assert "30 dagen, daarna wissen we ze" in html
    assert "Hoogstens 1 uur" in html
    assert "<code>csrftoken</code>" in html
    assert "<code>reuring_own_comments</code>" in html
    assert "30 dagen" in html
    assert 'href="mailto:info@pblq.nl"' in html
    assert "Autoriteit Persoonsgegevens" in html


def test_the_colophon_shows_what_the_editors_wrote(client):
    Colophon.objects.create(body="<p>Gemaakt door de redactie.</p><script>x()</script>")

    html = client.get(reverse("colophon")).text

    assert "<p>Gemaakt door de redactie.</p>" in html
    assert "<script>x()" not in html


def test_staff_edit_the_statement_in_the_admin(client):
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.post(
        reverse("admin:reuring_accessibilitystatement_add"),
        {
            "status": "C",
            "statement_date": "2026-11-20",
            "evaluation_method": "WCAG-EM",
            "response_days": "3",
            "issues-TOTAL_FORMS": "1",
            "issues-INITIAL_FORMS": "0",
            "issues-0-description": "Video zonder ondertitels.",
            "issues-0-position": "0",
        },
    )

    assert response.status_code == 302
    statement = AccessibilityStatement.current()
    assert statement is not None
    assert statement.issues.get().description == "Video zonder ondertitels."
    assertContains(client.get(reverse("accessibility")), "Video zonder ondertitels.")
    assert "binnen 3 werkdagen" in client.get(reverse("accessibility")).text
