import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains

from articles.models import Article
from tests.factories import image_upload, make_article, make_speaker
from tests.toolbox.test_imaging import jpeg_with_gps, png_claiming
from toolbox.renditions import rendition

pytestmark = pytest.mark.django_db


def article_form(**overrides):
    """The admin's add/change form for an article, as a browser would post it."""
    data = {
        "title": "Reuringcafé over leren",
        "slug": "reuringcafe-over-leren",
        "lead": "Wat moeten ambtenaren leren?",
        "body": "<h2>Leren</h2><p>Tekst<script>alert(1)</script></p>",
        "image_alt": "Vijf sprekers aan tafel",
        "image_caption": "Het debat",
        "image_credit": "Redactie",
        "status": "published",
        "publish_at_0": "2026-11-20",
        "publish_at_1": "10:00:00",
        "tags": "leren\nontwikkelen",
        "allow_comments": "on",
        "article_speakers-TOTAL_FORMS": "0",
        "article_speakers-INITIAL_FORMS": "0",
        "article_speakers-MIN_NUM_FORMS": "0",
        "article_speakers-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def with_speakers(data, *speakers):
    data["article_speakers-TOTAL_FORMS"] = str(len(speakers))
    for index, speaker in enumerate(speakers):
        data[f"article_speakers-{index}-speaker"] = str(speaker.pk)
        data[f"article_speakers-{index}-position"] = str(index)
    return data


def test_an_editor_adds_an_article_with_an_image_and_speakers(client, editor):
    leo, sigrid = make_speaker("Leo Smits"), make_speaker("Sigrid van de Poel")
    client.force_login(editor)
    data = with_speakers(article_form(image=image_upload("foto.png", 1600, 900)), leo, sigrid)

    response = client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="reuringcafe-over-leren")
    assert article.author == editor
    assert article.body == "<h2>Leren</h2><p>Tekst</p>"
    assert sorted(article.tags.names()) == ["leren", "ontwikkelen"]
    assert [role.speaker for role in article.article_speakers.all()] == [leo, sigrid]
    assert (article.image_width, article.image_height) == (1600, 900)
    assert str(article.image.name).startswith("articles/")
    assert "foto" not in str(article.image.name)
    assert Path(rendition(article, "image", 800, "webp").path).exists()


def test_an_editor_changes_an_article_and_replaces_its_image(client, editor):
    article = make_article("Oud", image=image_upload(), image_alt="Oud beeld")
    client.force_login(editor)
    data = article_form(
        title="Nieuw",
        slug=article.slug,
        image=SimpleUploadedFile("gps.jpg", jpeg_with_gps(), content_type="image/jpeg"),
    )

    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Nieuw"
    with Image.open(article.image.path) as stored:
        assert 0x8825 not in stored.getexif()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("bom.png", png_claiming(10_000, 10_000), content_type="image/png"),
            "meer dan 40 megapixel",
        ),
        (
            SimpleUploadedFile("foto.jpg", b"<html><script>alert(1)</script></html>"),
            "geen afbeelding die wij kunnen lezen",
        ),
    ],
    ids=["decompression-bomb", "renamed-html"],
)
def test_a_bad_upload_is_refused_in_dutch_and_keeps_what_was_typed(client, editor, upload, message):
    client.force_login(editor)

    response = client.post(reverse("admin:articles_article_add"), article_form(image=upload))

    assert response.status_code == 200
    assert message in response.text
    assert "Reuringcafé over leren" in response.text
    assert "Wat moeten ambtenaren leren?" in response.text
    assert not Article.objects.exists()


def test_an_image_without_description_is_refused_unless_decorative(client, editor):
    client.force_login(editor)

    refused = client.post(
        reverse("admin:articles_article_add"), article_form(image=image_upload(), image_alt="")
    )
    accepted = client.post(
        reverse("admin:articles_article_add"),
        article_form(image=image_upload(), image_alt="", image_is_decorative="on"),
    )

    assert "Beschrijf de afbeelding" in refused.text
    assert accepted.status_code == 302
    assert Article.objects.get().image_text_alternative == ""


def test_the_article_list_shows_visibility_publication_moment_and_tags(client, editor):
    make_article("Live artikel", tags=["leren"])
    make_article("Concept artikel", published=False)
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_changelist"))

    # The cells of the list itself: the filters in the sidebar carry the same words.
    assertContains(response, '<td class="field-visibility">Online</td>', html=True)
    assertContains(response, '<td class="field-visibility">Concept</td>', html=True)
    assertContains(response, '<td class="field-tag_names">leren</td>', html=True)


def test_the_article_list_filters_drafts(client, editor):
    make_article("Live artikel")
    make_article("Concept artikel", published=False)
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_changelist"), {"visibility": "draft"})

    assert list(response.context["cl"].result_list.values_list("title", flat=True)) == [
        "Concept artikel"
    ]


def test_the_admin_article_list_does_not_query_per_article(
    client, editor, django_assert_max_num_queries
):
    for _ in range(30):
        make_article(tags=["a", "b"])
    client.force_login(editor)

    with django_assert_max_num_queries(16):
        client.get(reverse("admin:articles_article_changelist"))


def test_speakers_are_found_by_autocomplete(client, editor):
    make_speaker("Martijn Aslander")
    client.force_login(editor)

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Aslan",
            "app_label": "articles",
            "model_name": "articlespeaker",
            "field_name": "speaker",
        },
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Martijn Aslander"]


def test_view_on_site_opens_the_preview_of_a_draft(client, editor):
    article = make_article(published=False)
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert article.get_absolute_url() in response.text
    assert client.get(article.get_absolute_url()).status_code == 200


def test_the_rich_text_editor_ships_its_own_assets(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_add"))

    assets = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"', response.text)
    assert any(
        url.startswith(settings.STATIC_URL) and "django_prose_editor" in url for url in assets
    )
    assert [url for url in assets if not url.startswith("/") or url.startswith("//")] == []


def test_uploaded_images_are_checked_on_the_speaker_form_too(client):
    from tests.factories import make_user

    user = make_user(is_staff=True, is_superuser=True)
    client.force_login(user)
    buffer = io.BytesIO(b"GIF89a not really")

    response = client.post(
        reverse("admin:articles_speaker_add"),
        {
            "name": "Test",
            "slug": "test",
            "photo": SimpleUploadedFile("x.gif", buffer.getvalue()),
            "photo_alt": "x",
        },
    )

    assert response.status_code == 200
    assert "geen afbeelding die wij kunnen lezen" in response.text


def test_a_speaker_photo_without_description_is_refused_in_dutch(client):
    from tests.factories import make_user

    client.force_login(make_user(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("admin:articles_speaker_add"),
        {"name": "Leo Smits", "slug": "leo-smits", "photo": image_upload(), "photo_alt": ""},
    )

    assert response.status_code == 200
    assert "Beschrijf de foto voor lezers" in response.text
    assert "Leo Smits" in response.text
