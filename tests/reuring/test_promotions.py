"""Promotions appear in their place during their window, and nowhere else."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from reuring.models import Promotion
from tests.factories import image_upload, make_article, make_user
from tests.factories_site import make_promotion, promotion_form_data

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 12, 1, 9, 0, tzinfo=AMSTERDAM)
END = datetime(2026, 12, 15, 17, 0, tzinfo=AMSTERDAM)


def test_a_promotion_appears_and_disappears_on_its_dates(client):
    with time_machine.travel(START - timedelta(days=2), tick=False) as traveller:
        make_promotion("Metropool opleiding", active_from=START, active_until=END)
        news = reverse("articles:list")
        assert "Metropool opleiding" not in client.get(news).text  # Cached before it starts.

        traveller.move_to(START - timedelta(seconds=1))
        assert "Metropool opleiding" not in client.get(news).text

        traveller.move_to(START)
        assert "Metropool opleiding" in client.get(news).text

        traveller.move_to(END - timedelta(seconds=1))
        assert "Metropool opleiding" in client.get(news).text

        traveller.move_to(END)
        assert "Metropool opleiding" not in client.get(news).text


def test_a_promotion_without_an_end_stays(client):
    with time_machine.travel(START, tick=False) as traveller:
        make_promotion("Weten hoe het is om bij PBLQ te werken?", active_from=START)
        traveller.shift(timedelta(days=400))
        assert (
            "Weten hoe het is om bij PBLQ te werken?" in client.get(reverse("articles:list")).text
        )


def test_each_placement_shows_only_its_own_promotions_in_order(client):
    article = make_article()
    make_promotion("Tweede in de zijkolom", position=2)
    make_promotion("Eerste in de zijkolom", position=1)
    make_promotion("Onder het artikel", placement=Promotion.Placement.BELOW_ARTICLE)
    make_promotion("Op de voorpagina", placement=Promotion.Placement.HOME)

    article_page = client.get(article.get_absolute_url()).text
    home = client.get(reverse("articles:home")).text

    assert article_page.index("Eerste in de zijkolom") < article_page.index("Tweede in de zijkolom")
    assert "Onder het artikel" in article_page
    assert "Op de voorpagina" not in article_page
    assert "Op de voorpagina" in home
    assert "Onder het artikel" not in home


def test_a_promotion_links_to_an_internal_page_or_an_outside_address(client):
    make_promotion("Informatiemanagement Traineeship", link="https://www.example.nl/traineeship")
    make_promotion("Nieuws", link="/nieuws/", text="Al het nieuws.", image=image_upload())

    html = client.get(reverse("articles:list")).text

    assert 'href="https://www.example.nl/traineeship">Informatiemanagement Traineeship</a>' in html
    assert 'href="/nieuws/">Nieuws</a>' in html
    assert "Al het nieuws." in html


def test_the_admin_refuses_a_script_link_and_an_end_before_the_start(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("admin:reuring_promotion_add"),
        promotion_form_data(
            title="Klik hier",
            link="javascript:alert(1)",
            active_from_0="10-12-2026",
            active_until_0="01-12-2026",
            active_until_1="09:00:00",
        ),
    )

    assert response.status_code == 200
    assert "Vul een pagina van deze site in die begint met /" in response.text
    assert "Het einde moet na het begin liggen." in response.text
    assert 'value="Klik hier"' in response.text
    assert not Promotion.objects.exists()


def test_deleting_a_promotion_removes_it_at_once(client):
    promotion = make_promotion("Opleiding Informatiemanagement voor verbinders")
    assert promotion.title in client.get(reverse("articles:list")).text

    promotion.delete()

    assert promotion.title not in client.get(reverse("articles:list")).text


def test_staff_filter_promotions_on_what_is_shown_now(client):
    with time_machine.travel(START, tick=False):
        make_promotion("Loopt nu", active_from=START - timedelta(days=1))
        make_promotion("Komt nog", active_from=START + timedelta(days=1))
        make_promotion("Voorbij", active_from=START - timedelta(days=9), active_until=START)
        client.force_login(make_user(is_staff=True, is_superuser=True))

        shown = client.get(reverse("admin:reuring_promotion_changelist"), {"shown": "now"})
        later = client.get(reverse("admin:reuring_promotion_changelist"), {"shown": "later"})

    assert [p.title for p in shown.context["cl"].result_list] == ["Loopt nu"]
    assert [p.title for p in later.context["cl"].result_list] == ["Komt nog"]


@pytest.mark.parametrize(
    "link",
    [
        "//evil.example/",
        "/\\evil.example",
        "/\t/evil.example",
        "http://www.example.nl/",
        "https://",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_a_link_that_leaves_the_site_without_https_is_refused(client, link):
    client.force_login(make_user(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("admin:reuring_promotion_add"), promotion_form_data(title="Weg", link=link)
    )

    assert response.status_code == 200
    assert "Vul een pagina van deze site in die begint met /" in response.text
    assert not Promotion.objects.exists()


@pytest.mark.parametrize("link", ["/nieuws/", "/nieuws/?page=2#lijst", "https://www.pblq.nl/"])
def test_a_page_of_the_site_or_an_https_address_is_accepted(link):
    Promotion(title="Goed", link=link).full_clean(exclude=["image"])
