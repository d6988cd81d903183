"""The site details: edited once in the admin, shown on every page and in the page head."""

import json
import re

import pytest
from django.urls import reverse

from reuring.models import SiteDetails
from tests.factories import make_article, make_speaker, make_user
from tests.factories_site import make_site_details, make_whitepaper

pytestmark = pytest.mark.django_db


def site_details_form(**overrides):
    return {
        "organisation_name": "PBLQ",
        "visiting_street": "Muzenstraat 120",
        "visiting_postcode": "2511 WB",
        "visiting_city": "Den Haag",
        "postal_box": "Postbus 18607",
        "postal_postcode": "2502 EP",
        "postal_city": "Den Haag",
        "phone": "+31 70 376 36 36",
        "phone_display": "070- 376 36 36",
        "email": "info@pblq.nl",
        "website": "https://www.pblq.nl",
        "linkedin_url": "https://www.linkedin.com/company/pblq",
        "linkedin_followers": "59130",
        "share_networks": ["linkedin", "email", "copy"],
        **overrides,
    }


@pytest.fixture
def site_editor(db):
    return make_user(
        "webredacteur",
        is_staff=True,
        permissions=[
            "reuring.add_sitedetails",
            "reuring.change_sitedetails",
            "reuring.view_sitedetails",
        ],
    )


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD in the page"
    return json.loads(match.group(1))


def public_pages():
    article = make_article("Reuringcafé over leren en ontwikkelen")
    whitepaper = make_whitepaper("Smart city")
    speaker = make_speaker("Leo Smits")
    return [
        reverse("articles:home"),
        reverse("articles:list"),
        article.get_absolute_url(),
        speaker.get_absolute_url(),
        reverse("articles:whitepapers"),
        whitepaper.get_absolute_url(),
        reverse("articles:bloggers"),
    ]


def test_one_save_in_the_admin_shows_the_details_on_every_page(client, site_editor):
    pages = public_pages()
    for url in pages:  # Cache every page's blocks before the save.
        assert "Muzenstraat" not in client.get(url).text

    client.force_login(site_editor)
    response = client.post(reverse("admin:reuring_sitedetails_add"), site_details_form())
    assert response.status_code == 302
    client.logout()

    for url in pages:
        html = client.get(url).text
        assert "Muzenstraat 120" in html, url
        assert 'href="tel:+31703763636"' in html, url
        assert 'href="mailto:info@pblq.nl"' in html, url
        assert json_ld(html)["name"] == "PBLQ", url


def test_the_contact_block_shows_the_seed_details_with_links(client):
    make_site_details()
    article = make_article()

    html = client.get(article.get_absolute_url()).text

    assert "Contactgegevens" in html
    assert "Muzenstraat 120,<br>2511 WB Den Haag" in html
    assert "Postbus 18607,<br>2502 EP Den Haag" in html
    assert '<a href="tel:+31703763636">070- 376 36 36</a>' in html
    assert '<a href="mailto:info@pblq.nl">info@pblq.nl</a>' in html
    assert '<a href="https://www.pblq.nl">www.pblq.nl</a>' in html
    assert 'href="https://www.linkedin.com/company/pblq">Volg ons op LinkedIn</a>' in html
    assert "59130 volgers op LinkedIn" in html


def test_a_change_replaces_the_old_details_at_once(client, site_editor):
    make_site_details()
    article = make_article()
    assert "070- 376 36 36" in client.get(article.get_absolute_url()).text

    client.force_login(site_editor)
    client.post(
        reverse("admin:reuring_sitedetails_change", args=[1]),
        site_details_form(phone_display="", phone="+31 70 123 45 67", linkedin_followers="60000"),
    )
    client.logout()

    html = client.get(article.get_absolute_url()).text
    assert "070- 376 36 36" not in html
    assert '<a href="tel:+31701234567">+31 70 123 45 67</a>' in html
    assert "60000 volgers op LinkedIn" in html


def test_without_a_follower_count_no_number_is_shown(client):
    make_site_details(linkedin_followers=None)
    html = client.get(reverse("articles:list")).text
    assert "Volg ons op LinkedIn" in html
    assert "volgers op LinkedIn" not in html


def test_the_page_head_carries_organization_data(client):
    make_site_details()

    data = json_ld(client.get(reverse("articles:home")).text)

    assert data["@type"] == "Organization"
    assert data["url"] == "https://www.pblq.nl"
    assert data["telephone"] == "+31 70 376 36 36"
    assert data["email"] == "info@pblq.nl"
    assert data["address"][0]["streetAddress"] == "Muzenstraat 120"
    assert data["address"][1]["postOfficeBoxNumber"] == "Postbus 18607"
    assert data["sameAs"] == ["https://www.linkedin.com/company/pblq"]


def test_staff_text_cannot_break_out_of_the_json_ld(client):
    make_site_details(organisation_name='</script><script>alert("x")</script> & co')

    html = client.get(reverse("articles:home")).text

    assert '<script>alert("x")' not in html
    assert json_ld(html)["name"] == '</script><script>alert("x")</script> & co'


def test_the_json_ld_needs_no_nonce_so_pages_stay_the_same_for_every_reader(client):
    make_site_details()
    response = client.get(reverse("articles:home"))
    assert json_ld(response.text)["@type"] == "Organization"
    assert "nonce" not in response["Content-Security-Policy"]


def test_there_is_only_one_record_and_the_list_opens_it(client, site_editor):
    make_site_details()
    client.force_login(site_editor)

    response = client.get(reverse("admin:reuring_sitedetails_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:reuring_sitedetails_change", args=[1])
    assert client.get(reverse("admin:reuring_sitedetails_add")).status_code == 403
    SiteDetails(organisation_name="Tweede").save()
    assert SiteDetails.objects.count() == 1


def test_a_bad_phone_number_gets_a_dutch_message_and_keeps_the_rest(client, site_editor):
    client.force_login(site_editor)

    response = client.post(
        reverse("admin:reuring_sitedetails_add"), site_details_form(phone="bel ons")
    )

    assert response.status_code == 200
    assert "Vul een telefoonnummer in met alleen cijfers" in response.text
    assert 'value="Muzenstraat 120"' in response.text
    assert not SiteDetails.objects.exists()


def test_pages_work_before_the_details_are_filled_in(client):
    response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    assert "application/ld+json" not in response.text
    assert "Contactgegevens" not in response.text
