"""Editing images, tags and speakers in the article admin: the thumbnail of the current
image and its focal point, tags one per line, speakers right after the text, in order."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.articles.test_admin import article_form, with_speakers
from tests.factories import image_upload, make_article, make_speaker
from toolbox.renditions import preview_url

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_form_shows_a_thumbnail_of_the_current_image_not_only_its_file_name(client, editor):
    article = make_article(image=image_upload(width=1600, height=900), image_alt="Vijf sprekers")
    client.force_login(editor)

    response = client.get(change_url(article))

    thumbnail = preview_url(article, "image")
    assert thumbnail is not None
    assert thumbnail.startswith("/media/renditions/") and thumbnail.endswith(".jpg")
    assertContains(response, f'src="{thumbnail}"')
    assertContains(response, 'alt="De huidige afbeelding"')
    # The picker clicks into the two fields, which are there for the keyboard too.
    assertContains(response, 'data-focus-x="image_focus_x"')
    assertContains(response, 'name="image_focus_x"')
    assertContains(response, "Brandpunt horizontaal (%)")
    assertContains(response, "toolbox/focal-point-picker.js")


def test_without_an_image_there_is_no_thumbnail_yet(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_add"))

    assertContains(response, "data-focal-picker")
    assertNotContains(response, "/media/renditions/")


def test_the_speaker_form_shows_the_photo_and_its_focal_point_too(admin_client):
    speaker = make_speaker(
        "Leo Smits", photo=image_upload(width=640, height=640), photo_alt="Portret"
    )

    response = admin_client.get(reverse("admin:articles_speaker_change", args=[speaker.pk]))

    assertContains(response, f'src="{preview_url(speaker, "photo")}"')
    assertContains(response, 'data-focus-y="photo_focus_y"')


def test_the_focal_point_is_saved_and_empty_means_the_middle(client, editor):
    article = make_article(image=image_upload(width=1600, height=900), image_alt="Beeld")
    client.force_login(editor)

    client.post(
        change_url(article),
        article_form(slug=article.slug, image_focus_x="10", image_focus_y="80"),
    )
    article.refresh_from_db()
    assert (article.image_focus_x, article.image_focus_y) == (10, 80)

    client.post(change_url(article), article_form(slug=article.slug, image_focus_x=""))
    article.refresh_from_db()
    assert (article.image_focus_x, article.image_focus_y) == (50, 50)


@pytest.mark.parametrize("value", ["101", "-5", "veertig"])
def test_a_focal_point_outside_the_picture_gets_a_dutch_message(client, editor, value):
    article = make_article(image=image_upload(), image_alt="Beeld")
    client.force_login(editor)

    response = client.post(
        change_url(article), article_form(slug=article.slug, image_focus_x=value)
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image_focus_x"]
    assert errors and all(re.search(r"[Gg]eheel getal|waarde", error) for error in errors)


def test_tags_are_shown_one_per_line_never_in_quoting_syntax(client, editor):
    article = make_article(tags=["leren en ontwikkelen", "AI"])
    client.force_login(editor)

    response = client.get(change_url(article))

    textarea = re.search(r'<textarea name="tags"[^>]*>(.*?)</textarea>', response.text, re.S)
    assert textarea is not None
    assert textarea[1].strip().splitlines() == ["AI", "leren en ontwikkelen"]
    assertNotContains(response, "&quot;leren en ontwikkelen&quot;")
    assertContains(response, "Eén tag per regel.")


@pytest.mark.parametrize(
    "typed",
    [
        "leren en ontwikkelen\nAI",
        "leren en ontwikkelen\r\n\r\n  AI  \r\n",
        '"leren en ontwikkelen", AI',
        "leren en ontwikkelen\nAI\nAI",
    ],
    ids=["lines", "windows-lines-and-blanks", "old-habit", "twice"],
)
def test_tags_typed_one_per_line_become_those_tags(client, editor, typed):
    client.force_login(editor)

    response = client.post(reverse("admin:articles_article_add"), article_form(tags=typed))

    assert response.status_code == 302
    assert sorted(Article.objects.get().tags.names()) == ["AI", "leren en ontwikkelen"]


def test_a_tag_longer_than_taggit_stores_gets_a_dutch_message(client, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:articles_article_add"), article_form(tags="x" * 101))

    assert response.status_code == 200
    assertContains(response, "Een tag heeft hoogstens 100 tekens")
    assert not Article.objects.exists()


def test_the_speakers_come_right_after_the_text_and_before_the_image(client, editor):
    article = make_article(speakers=[make_speaker("Leo Smits")])
    client.force_login(editor)

    html = client.get(change_url(article)).text

    body, speakers = html.index('name="body"'), html.index('id="article_speakers-group"')
    image = html.index('name="image"')
    assert body < speakers < image
    assert html.count('id="article_speakers-group"') == 1
    assertContains(client.get(change_url(article)), "articles/speaker-order.js")


def test_the_order_of_the_speakers_follows_the_order_fields(client, editor):
    leo, sigrid, nico = (make_speaker(name) for name in ("Leo", "Sigrid", "Nico"))
    client.force_login(editor)
    data = with_speakers(article_form(), leo, sigrid, nico)
    # What the up and down buttons do: renumber the order fields.
    data.update(
        {
            "article_speakers-0-position": "3",
            "article_speakers-1-position": "1",
            "article_speakers-2-position": "2",
        }
    )

    client.post(reverse("admin:articles_article_add"), data)

    article = Article.objects.for_page().get()
    assert [role.speaker for role in article.ordered_speakers] == [sigrid, nico, leo]
