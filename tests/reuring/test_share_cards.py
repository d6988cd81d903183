"""Share previews (OpenGraph, Twitter cards) and structured data (JSON-LD) on public pages."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image

from tests.factories import image_upload, make_article, make_series, make_speaker
from tests.factories_site import make_blog_post, make_blogger, make_site_details, make_whitepaper
from tests.reuring.structured_data_rules import open_graph_problems, read_head, schema_problems
from toolbox.renditions import share_image_for

pytestmark = pytest.mark.django_db

LEAD = (
    "Wat hebben ambtenaren nodig om goed aan te blijven sluiten bij de samenleving en wat "
    "moeten ze daarvoor leren? Deze vragen waren aanleiding voor een geanimeerd debat."
)


@pytest.fixture
def cafe_article():
    make_site_details()
    leo = make_speaker("Leo Smits", function="directeur", organisation="PBLQ")
    return make_article(
        "Reuringcafé over leren en ontwikkelen",
        lead=LEAD,
        series=make_series("Reuringcafé"),
        tags=["leren", "HR"],
        speakers=[leo],
        image=image_upload(width=1600, height=900),
        image_alt="De vijf sprekers aan tafel",
    )


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return read_head(response.text)


def one(head, key):
    (value,) = head.meta[key]
    return value


def test_a_share_of_the_reuringcafe_article_shows_title_description_and_image(client, cafe_article):
    head = head_of(client, cafe_article.get_absolute_url())

    assert open_graph_problems(head.meta) == []
    assert one(head, "og:title") == "Reuringcafé over leren en ontwikkelen"
    assert one(head, "og:description").startswith("Wat hebben ambtenaren nodig")
    assert len(one(head, "og:description")) <= 160
    assert one(head, "og:type") == "article"
    assert one(head, "og:locale") == "nl_NL"
    assert one(head, "og:url") == f"http://testserver{cafe_article.get_absolute_url()}"
    assert one(head, "og:image:alt") == "De vijf sprekers aan tafel"
    assert one(head, "article:section") == "Reuringcafé"
    assert sorted(head.meta["article:tag"]) == ["HR", "leren"]
    assert one(head, "twitter:card") == "summary_large_image"
    # The image exists, made once when the article was saved, at the size the tags say.
    image_path = one(head, "og:image").removeprefix("http://testserver" + settings.MEDIA_URL)
    with Image.open(Path(settings.MEDIA_ROOT) / image_path) as image:
        assert image.size == (1200, 630)
        assert image.format == "JPEG"
    assert (one(head, "og:image:width"), one(head, "og:image:height")) == ("1200", "630")


def test_the_editor_may_override_the_share_title_description_and_image(client, cafe_article):
    cafe_article.share_title = "Wat moeten ambtenaren leren?"
    cafe_article.share_description = "Vijf sprekers over leren in de overheid."
    cafe_article.share_image = image_upload("deel.png", width=2400, height=1260)
    cafe_article.share_image_alt = "Leo Smits aan het woord"
    cafe_article.save()

    html = client.get(cafe_article.get_absolute_url()).text
    head = read_head(html)

    assert one(head, "og:title") == "Wat moeten ambtenaren leren?"
    assert one(head, "og:description") == "Vijf sprekers over leren in de overheid."
    assert one(head, "og:image:alt") == "Leo Smits aan het woord"
    # The card shows the override's rendition, not the article's own image.
    override = share_image_for(cafe_article, "share_image")
    assert override is not None
    assert one(head, "og:image") == f"http://testserver{override.url}"
    assert override != share_image_for(cafe_article, "image")
    assert '<meta name="description" content="Vijf sprekers over leren in de overheid.">' in html
    assert "<title>Wat moeten ambtenaren leren? – Reuring</title>" in html


def test_the_article_has_valid_news_article_and_breadcrumb_data(client, cafe_article):
    head = head_of(client, cafe_article.get_absolute_url())
    by_type = {block["@type"]: block for block in head.json_ld}

    for block in head.json_ld:
        assert schema_problems(block) == []
    article = by_type["NewsArticle"]
    assert article["headline"] == "Reuringcafé over leren en ontwikkelen"
    assert article["publisher"]["name"] == "PBLQ"
    assert article["mentions"] == [
        {
            "@type": "Person",
            "name": "Leo Smits",
            "url": "http://testserver/sprekers/"
            + cafe_article.ordered_speakers[0].speaker.slug
            + "/",
            "jobTitle": "directeur",
            "worksFor": {"@type": "Organization", "name": "PBLQ"},
        }
    ]
    assert article["image"][0]["width"] == 1200
    names = [item["name"] for item in by_type["BreadcrumbList"]["itemListElement"]]
    assert names == ["Home", "Nieuws", "Reuringcafé", "Reuringcafé over leren en ontwikkelen"]
    assert "Organization" in by_type


def test_a_blog_post_is_a_blog_posting_by_its_blogger(client):
    blogger = make_blogger("Bea Blogger")
    post = make_blog_post(blogger, "Waarom de overheid moet blijven leren")

    head = head_of(client, post.get_absolute_url())
    (posting,) = [block for block in head.json_ld if block["@type"] == "BlogPosting"]

    assert schema_problems(posting) == []
    assert posting["author"][0]["name"] == "Bea Blogger"
    assert posting["author"][0]["url"] == f"http://testserver{blogger.get_blogger_url()}"


def test_speaker_and_blogger_pages_describe_a_person(client):
    speaker = make_speaker(
        "Sigrid van de Poel", photo=image_upload(width=320, height=320), photo_alt="Portret"
    )
    make_article(speakers=[speaker])
    blogger = make_blogger("Bea Blogger")

    for url in (speaker.get_absolute_url(), blogger.get_blogger_url()):
        head = head_of(client, url)
        assert open_graph_problems(head.meta) == []
        assert one(head, "og:type") == "profile"
        people = [block for block in head.json_ld if block["@type"] == "Person"]
        assert len(people) == 1 and schema_problems(people[0]) == []
    speaker_head = head_of(client, speaker.get_absolute_url())
    assert one(speaker_head, "og:title") == "Sigrid van de Poel"
    assert one(speaker_head, "og:image:width") == "1200"


@pytest.mark.parametrize(
    "page",
    ["home", "news", "tag", "series", "whitepapers", "whitepaper", "bloggers", "search", "policy"],
)
def test_every_public_page_has_a_valid_share_card(client, page):
    series = make_series()
    make_article(tags=["leren"], series=series)
    whitepaper = make_whitepaper(cover=image_upload(width=600, height=800))
    urls = {
        "home": reverse("articles:home"),
        "news": reverse("articles:list"),
        "tag": reverse("articles:tag", args=["leren"]),
        "series": series.get_absolute_url(),
        "whitepapers": reverse("articles:whitepapers"),
        "whitepaper": whitepaper.get_absolute_url(),
        "bloggers": reverse("articles:bloggers"),
        "search": reverse("articles:search") + "?q=leren",
        "policy": reverse("comments:policy"),
    }

    head = head_of(client, urls[page])

    assert open_graph_problems(head.meta) == []
    for block in head.json_ld:
        assert schema_problems(block) == []


def test_text_typed_by_staff_cannot_break_out_of_the_json_ld(client):
    article = make_article("Kop </script><script>alert(1)</script>")

    html = client.get(article.get_absolute_url()).text

    assert "<script>alert(1)" not in html
    assert any(
        block["headline"].startswith("Kop </script>")
        for block in read_head(html).json_ld
        if "headline" in block
    )


def test_the_article_admin_offers_the_share_fields_with_a_live_length_hint(client, editor):
    article = make_article()
    client.force_login(editor)

    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).text

    assert 'name="share_title"' in html and 'name="share_description"' in html
    assert 'name="share_image"' in html
    assert 'data-length-best="60"' in html and 'data-length-best="160"' in html
    assert "articles/length-hint.js" in html
    assert "Delen en zoekmachines" in html


def test_a_long_lead_is_shortened_between_words_for_the_card():
    from articles.models.sharing import shorten

    assert shorten("Een korte zin.", 160) == "Een korte zin."
    assert (
        shorten("Wat hebben ambtenaren nodig om goed aan te sluiten", 30)
        == "Wat hebben ambtenaren nodig…"
    )
    assert len(shorten("woord " * 100, 160)) <= 160
