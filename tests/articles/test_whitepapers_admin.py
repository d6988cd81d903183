"""The whitepaper admin: the redactie's pages open, and an article names related whitepapers."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_user
from tests.factories_site import make_blogger, make_whitepaper

pytestmark = pytest.mark.django_db


def management_forms(response):
    """The inline formsets' management data of an admin form, with no extra rows sent."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.initial_form_count())
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
    return data


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def test_the_whitepaper_pages_open_with_counts_and_the_current_pdf(admin_client):
    whitepaper = make_whitepaper("Smart city", slug="smart-city")
    whitepaper.record_download()

    listing = admin_client.get(reverse("admin:articles_whitepaper_changelist"))
    change = admin_client.get(reverse("admin:articles_whitepaper_change", args=[whitepaper.pk]))

    assert listing.status_code == change.status_code == 200
    assert '<td class="field-visibility">Online</td>' in listing.text
    assert 'href="/whitepapers/smart-city/download/">smart-city.pdf</a>' in change.text
    assert admin_client.get(reverse("admin:articles_whitepaper_add")).status_code == 200


def test_an_editor_chooses_related_whitepapers_and_a_blogger_on_an_article(admin_client):
    whitepaper = make_whitepaper("Safe in cyberspace")
    blogger = make_blogger("Martijn Aslander")
    article = make_article("Blog over veiligheid")
    form = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert form.status_code == 200

    data = {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "status": "published",
        "publish_at_0": "01-11-2026",
        "publish_at_1": "10:00:00",
        "tags": "",
        "allow_comments": "on",
        "blogger": blogger.pk,
        "related_whitepapers": [whitepaper.pk],
        **management_forms(form),
    }
    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302, [
        (f.formset.prefix, f.formset.errors, f.formset.non_form_errors())
        for f in response.context["inline_admin_formsets"]
    ]
    article.refresh_from_db()
    assert article.kind == "blog"
    assert list(article.related_whitepapers.all()) == [whitepaper]
