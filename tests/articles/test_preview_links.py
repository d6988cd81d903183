"""Preview links: a draft shown to someone without an account, for a limited time."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PreviewLink
from tests.articles.test_query_counts import ARTICLE_QUERIES
from tests.articles.test_review import article_form
from tests.factories import image_upload, make_article, make_speaker, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return make_article(
        "Concept met citaten",
        slug="concept-met-citaten",
        published=False,
        body="<p>„Dit zei ik echt,” zegt Leo.</p>",
    )


def test_the_link_shows_the_current_draft_with_a_banner_noindex_and_no_cache(client, draft):
    link = PreviewLink.objects.create(article=draft)
    Article.objects.filter(pk=draft.pk).update(title="Concept met verbeterde citaten")

    response = client.get(link.get_absolute_url())

    assert response.status_code == 200
    assert "Concept met verbeterde citaten" in response.text
    assert "Voorbeeld" in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # Not in the page cache: a second visit is built again, never a cache hit.
    assert "X-Page-Cache" not in client.get(link.get_absolute_url())
    # No comment form under a draft.
    assert "Reageer op dit artikel" not in response.text


def with_last_character_changed(text):
    # Never the same character again: a random key ending in "A" once made "tampering" a no-op.
    return text[:-1] + ("B" if text.endswith("A") else "A")


def test_the_address_is_signed_and_unguessable(client, draft):
    link = PreviewLink.objects.create(article=draft)
    key, _dot, signature = link.token.partition(".")
    base = reverse("articles:preview", args=[draft.slug, "TOKEN"])

    assert len(key) >= 24 and signature
    tampered = [
        f"{key}.{with_last_character_changed(signature)}",
        f"{with_last_character_changed(key)}.{signature}",
    ]
    for token in [key, *tampered, "x.y", "."]:
        assert client.get(base.replace("TOKEN", token)).status_code == 404, token
    # The draft itself stays hidden from readers.
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_it_works_for_7_days_by_default_and_then_says_it_expired(client, draft):
    link = PreviewLink.objects.create(article=draft)
    assert (link.expires_at - timezone.now()) > timedelta(days=7) - timedelta(minutes=1)

    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        assert client.get(link.get_absolute_url()).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "Deze voorbeeldlink werkt niet meer" in response.text
    assert "citaten" not in response.text


def test_the_expiry_can_be_set_per_link(client, draft):
    link = PreviewLink.objects.create(article=draft, expires_at=timezone.now() + timedelta(days=30))
    with time_machine.travel(timezone.now() + timedelta(days=20)):
        assert client.get(link.get_absolute_url()).status_code == 200


def test_a_revoked_link_stops_at_once(client, draft):
    link = PreviewLink.objects.create(article=draft)
    url = link.get_absolute_url()
    assert client.get(url).status_code == 200

    link.revoked = True
    link.save()

    assert client.get(url).status_code == 410


def test_a_link_does_not_open_another_article(client, draft):
    other = make_article("Ander concept", slug="ander-concept", published=False)
    link = PreviewLink.objects.create(article=draft)

    url = reverse("articles:preview", args=[other.slug, link.token])

    assert client.get(url).status_code == 404


def test_once_published_the_link_leads_to_the_article_itself(client, draft):
    link = PreviewLink.objects.create(article=draft)
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.PUBLISHED)

    response = client.get(link.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_the_redactie_makes_a_link_on_the_article_page_in_the_admin(client, editor, draft):
    # The Redactie gets these with the Eindredactie's data migration.
    editor.user_permissions.add(*Permission.objects.filter(codename__endswith="previewlink"))
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert "Voorbeeldlinks voor mensen zonder account" in page.text

    data = article_form(title=draft.title, slug=draft.slug, status="draft", body=draft.body)
    data.update(
        {
            "preview_links-TOTAL_FORMS": "1",
            "preview_links-0-note": "Leo Smits, voor zijn citaten",
            "preview_links-0-expires_at_0": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "preview_links-0-expires_at_1": "12:00:00",
        }
    )
    response = client.post(reverse("admin:articles_article_change", args=[draft.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    link = PreviewLink.objects.get(article=draft)
    assert link.created_by == editor
    page = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert link.get_absolute_url() in page.text
    assert client.get(link.get_absolute_url()).status_code == 200


def test_the_preview_page_costs_the_same_with_1_or_30_speakers(
    client, django_assert_max_num_queries
):
    def draft_with(count):
        speakers = [make_speaker() for _ in range(count)]
        article = make_article(
            published=False,
            speakers=speakers,
            tags=[f"tag {n}" for n in range(count)],
            image=image_upload(width=800, height=450),
            image_alt="Beeld",
        )
        return PreviewLink.objects.create(article=article).get_absolute_url()

    small, large = draft_with(1), draft_with(30)
    # The article page's budget plus the link itself, minus the comment section.
    with django_assert_max_num_queries(ARTICLE_QUERIES + 1):
        client.get(small)
    with django_assert_max_num_queries(ARTICLE_QUERIES + 1):
        client.get(large)


def test_staff_see_their_own_preview_too_and_readers_never_the_draft(client, draft):
    staff = make_user(is_staff=True, permissions=["articles.preview_unpublished"])
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(staff)
    assert client.get(draft.get_absolute_url()).status_code == 200
