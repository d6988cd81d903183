from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_published_includes_only_published_articles_that_are_due():
    live = make_article("Live")
    make_article("Concept", published=False)
    make_article("Ingepland", publish_at=timezone.now() + timedelta(days=1))

    assert list(Article.objects.published()) == [live]


def test_a_scheduled_article_appears_by_itself_at_its_moment(client):
    moment = timezone.now() + timedelta(hours=2)
    article = make_article("Ingepland", publish_at=moment)

    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.is_scheduled

    with time_machine.travel(moment + timedelta(seconds=1)):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert list(Article.objects.published()) == [article]


@pytest.mark.parametrize(
    "kwargs",
    [{"published": False}, {"publish_at": timezone.now() + timedelta(days=3)}],
    ids=["draft", "scheduled"],
)
def test_drafts_and_scheduled_articles_are_not_found_for_readers(client, kwargs):
    article = make_article(**kwargs)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 404


def test_drafts_and_scheduled_articles_stay_off_every_list(client):
    make_article("Verborgen concept", published=False, tags=["leren"])
    make_article(
        "Verborgen planning", publish_at=timezone.now() + timedelta(days=1), tags=["leren"]
    )

    for url in ["/", "/nieuws/", "/nieuws/tag/leren/"]:
        response = client.get(url)
        assert "Verborgen" not in response.text, url


def previewer():
    return make_user(is_staff=True, permissions=["articles.preview_unpublished"])


def test_staff_who_may_preview_see_a_draft_with_a_notice(client):
    article = make_article("Concept", published=False)
    client.force_login(previewer())

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Voorbeeld: dit artikel is een concept" in response.text


def test_staff_who_may_preview_see_a_scheduled_article_with_its_moment(client):
    article = make_article("Planning", publish_at=timezone.now() + timedelta(days=2))
    client.force_login(previewer())

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Voorbeeld: dit artikel is ingepland en verschijnt op" in response.text


def test_staff_without_the_preview_permission_cannot_preview(client):
    article = make_article(published=False)
    client.force_login(make_user(is_staff=True))

    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_redactie_group_may_preview_and_the_moderators_may_not(client):
    article = make_article(published=False)
    editor, moderator = make_user(is_staff=True), make_user(is_staff=True)
    editor.groups.add(Group.objects.get(name="Redactie"))
    moderator.groups.add(Group.objects.get(name="Moderatoren"))

    client.force_login(editor)
    assert client.get(article.get_absolute_url()).status_code == 200
    client.force_login(moderator)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_logged_in_reader_who_is_not_staff_cannot_preview(client):
    article = make_article(published=False)
    client.force_login(make_user(is_staff=False))

    assert client.get(article.get_absolute_url()).status_code == 404
