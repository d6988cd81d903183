from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import image_upload, make_article, make_series, make_speaker

pytestmark = pytest.mark.django_db


def test_home_shows_the_lead_article_and_the_latest_news(client):
    older = make_article("Ouder nieuws", publish_at=timezone.now() - timedelta(days=2))
    newest = make_article("Het nieuwste", publish_at=timezone.now() - timedelta(hours=1))

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert list(response.context["articles"]) == [newest, older]
    assert response.text.index("Het nieuwste") < response.text.index("Ouder nieuws")
    assert "Het nieuwste" in response.text
    assert "Ouder nieuws" in response.text


def test_news_lists_published_articles_newest_first(client):
    first = make_article("Eerste", publish_at=timezone.now() - timedelta(days=3))
    second = make_article("Tweede", publish_at=timezone.now() - timedelta(days=1))
    make_article("Concept", published=False)

    response = client.get(reverse("articles:list"))

    assert list(response.context["articles"]) == [second, first]
    assert "Concept" not in response.text


def test_news_is_paginated(client, settings):
    for _ in range(settings.REURING_ARTICLES_PER_PAGE + 1):
        make_article()

    first_page = client.get(reverse("articles:list"))
    second_page = client.get(reverse("articles:list"), {"page": 2})

    assert len(first_page.context["articles"]) == settings.REURING_ARTICLES_PER_PAGE
    assert len(second_page.context["articles"]) == 1
    assert "Pagina 1 van 2" in first_page.text


def test_a_page_number_beyond_the_last_is_not_found(client):
    make_article()
    assert client.get(reverse("articles:list"), {"page": 9}).status_code == 404


def test_tag_page_lists_only_articles_with_that_tag(client):
    tagged = make_article("Over leren", tags=["leren"])
    make_article("Over iets anders", tags=["verkiezingen"])

    response = client.get(reverse("articles:tag", args=["leren"]))

    assert list(response.context["articles"]) == [tagged]
    assert "Nieuws over leren" in response.text


def test_series_page_lists_only_articles_in_that_series(client):
    cafe = make_series("Reuringcafé")
    in_series = make_article("Debat", series=cafe)
    make_article("Los bericht")

    response = client.get(cafe.get_absolute_url())

    assert list(response.context["articles"]) == [in_series]
    assert "Reuringcafé" in response.text


def test_unknown_tag_and_series_are_not_found(client):
    assert client.get(reverse("articles:tag", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("articles:series", args=["bestaat-niet"])).status_code == 404


def test_article_page_shows_everything_of_the_article(client):
    hans = make_speaker("Hans Hillen", function="oud-minister", organisation="")
    leo = make_speaker("Leo Smits", function="directeur", organisation="PBLQ")
    article = make_article(
        "Reuringcafé over leren",
        lead="Wat moeten ambtenaren leren?",
        body="<h2>Leren in het licht van het doel</h2><p>Tekst.</p>",
        tags=["leren en ontwikkelen"],
        speakers=[leo, hans],
        image=image_upload(width=1600, height=900),
        image_alt="Vijf sprekers aan tafel",
        image_caption="Het debat in Den Haag",
        image_credit="Redactie",
    )
    role = article.article_speakers.get(speaker=hans)
    role.function = "oud minister en voorzitter"
    role.organisation = "NTRO"
    role.save()

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.text
    assert "<h1>Reuringcafé over leren</h1>" in html
    assert "Wat moeten ambtenaren leren?" in html
    assert "<h2>Leren in het licht van het doel</h2>" in html
    assert 'alt="Vijf sprekers aan tafel"' in html
    assert "Het debat in Den Haag" in html
    assert "Foto: Redactie" in html
    assert html.index("Leo Smits") < html.index("Hans Hillen")
    assert "directeur, PBLQ" in html
    assert "oud minister en voorzitter, NTRO" in html
    assert f'href="{hans.get_absolute_url()}"' in html
    assert "leren en ontwikkelen" in html


def test_article_page_shows_more_news_without_itself(client):
    other = make_article("Ander nieuws")
    article = make_article("Dit artikel")

    response = client.get(article.get_absolute_url())

    assert list(response.context["more_news"]) == [other]
    assert "Meer nieuws" in response.text


def test_speaker_page_lists_the_published_articles_they_appear_in(client):
    speaker = make_speaker("Sigrid van de Poel", bio="Bestuurder in de jeugdbescherming.")
    appears = make_article("Met Sigrid", speakers=[speaker])
    make_article("Concept met Sigrid", published=False, speakers=[speaker])
    make_article("Zonder Sigrid")

    response = client.get(speaker.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["articles"]) == [appears]
    assert "Bestuurder in de jeugdbescherming." in response.text


def test_pages_are_dutch_and_have_a_skip_link(client):
    make_article()
    response = client.get(reverse("articles:home"))
    assert '<html lang="nl">' in response.text
    assert 'href="#inhoud"' in response.text
    assert "Naar de inhoud" in response.text
