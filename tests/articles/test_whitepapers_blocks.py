"""The Whitepapers block (latest two) and the related whitepapers below an article."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article
from tests.factories_site import make_whitepaper

pytestmark = pytest.mark.django_db


def test_the_block_shows_the_latest_two_with_the_teaser_cut_off(client):
    make_whitepaper("Oudste", publish_at=timezone.now() - timedelta(days=5))
    make_whitepaper(
        "Smart city",
        publish_at=timezone.now() - timedelta(days=2),
        audience="",
        teaser="‘Smart’ lijkt wel een nieuw toverwoord. Net zoals innovatie dat ook al enige "
        "jaren is, wordt het te pas en te onpas gebruikt.",
    )
    make_whitepaper(
        "Safe in cyberspace",
        publish_at=timezone.now() - timedelta(days=1),
        audience="Voor bestuurders, managers en veranderaars",
        teaser="Met de digitalisering van onze samenleving is het belang van veiligheid gegroeid.",
    )
    make_whitepaper("Concept", published=False)

    html = client.get(reverse("articles:list")).text
    block = html[html.index('id="whitepapers-blok"') :]

    assert block.index("Safe in cyberspace") < block.index("Smart city")
    assert "Oudste" not in block
    assert "Concept" not in html
    # As the seed: audience and teaser, cut after fourteen words.
    assert (
        "‘Smart’ lijkt wel een nieuw toverwoord. Net zoals innovatie dat ook al enige jaren …"
        in block
    )
    assert (
        "Voor bestuurders, managers en veranderaars Met de digitalisering van onze samenleving "
        "is het belang …"
    ) in block
    assert "te pas en te onpas" not in block


def test_an_article_shows_the_whitepapers_the_editor_chose(client):
    chosen = make_whitepaper("Gekozen")
    make_whitepaper("Zelfde tag", tags=["cyber"])
    article = make_article(tags=["cyber"])
    article.related_whitepapers.add(chosen)

    html = client.get(article.get_absolute_url()).text
    related = html[html.index('id="gerelateerde-whitepapers"') :]
    related = related[: related.index("</section>")]

    assert "Gekozen" in related
    assert "Zelfde tag" not in related


def test_otherwise_an_article_shows_whitepapers_sharing_its_tags(client):
    make_whitepaper("Over cyber", tags=["cyber"])
    make_whitepaper("Over steden", tags=["smart city"])
    make_whitepaper("Concept over cyber", tags=["cyber"], published=False)
    article = make_article(tags=["cyber", "veiligheid"])

    html = client.get(article.get_absolute_url()).text
    related = html[html.index('id="gerelateerde-whitepapers"') :]
    related = related[: related.index("</section>")]

    assert "Over cyber" in related
    assert "Over steden" not in related
    assert "Concept over cyber" not in related


def test_a_chosen_whitepaper_that_is_not_published_is_not_shown(client):
    article = make_article()
    article.related_whitepapers.add(make_whitepaper("Nog niet klaar", published=False))
    assert "Whitepapers over dit onderwerp" not in client.get(article.get_absolute_url()).text


def test_an_article_without_tags_or_choice_shows_no_related_whitepapers(client):
    make_whitepaper("Los")
    article = make_article()
    assert "Whitepapers over dit onderwerp" not in client.get(article.get_absolute_url()).text
