"""Who may do what: anonymous reader, editor (Redactie), moderator (Moderatoren), administrator."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from comments.models import Comment, ModerationAction
from tests.comments.conftest import make_comment

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def approve_by_row_button(client, comment):
    return client.post(reverse("admin:comments_comment_approve", args=[comment.pk]))


def approve_by_bulk_action(client, comment):
    return client.post(CHANGELIST, {"action": "approve_selected", "_selected_action": [comment.pk]})


def status_of(comment):
    comment.refresh_from_db()
    return comment.status


def test_the_data_migration_created_both_roles_with_their_permissions():
    editors = Group.objects.get(name="Redactie")
    moderators = Group.objects.get(name="Moderatoren")

    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    moderator_perms = set(moderators.permissions.values_list("codename", flat=True))

    assert {"add_article", "change_article", "change_speaker", "view_comment"} <= editor_perms
    assert "preview_unpublished" in editor_perms
    assert "preview_unpublished" not in moderator_perms
    assert "can_moderate" not in editor_perms
    assert "change_comment" not in editor_perms
    assert {"can_moderate", "view_comment", "delete_comment", "change_wordrule"} <= moderator_perms
    assert not {p for p in moderator_perms if p.endswith("_article")}


# --- Anonymous reader


def test_an_anonymous_reader_cannot_reach_the_queue_or_approve(client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)

    queue = client.get(CHANGELIST)
    button = approve_by_row_button(client, comment)

    assert queue.status_code == 302 and "/admin/login/" in queue["Location"]
    assert button.status_code == 302 and "/admin/login/" in button["Location"]
    assert status_of(comment) == Comment.Status.PENDING


# --- Editor who is not a moderator


def test_an_editor_can_read_comments_but_sees_no_moderation_actions(client, article, redacteur):
    make_comment(article, status=Comment.Status.PENDING, body="Te lezen")
    client.force_login(redacteur)

    html = client.get(CHANGELIST).text

    assert "Te lezen" in html
    assert "approve_selected" not in html
    assert "formaction" not in html


def test_an_editor_who_is_not_a_moderator_cannot_approve_a_comment(client, article, redacteur):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(redacteur)

    button = approve_by_row_button(client, comment)
    approve_by_bulk_action(client, comment)

    assert button.status_code == 403
    assert status_of(comment) == Comment.Status.PENDING
    assert not ModerationAction.objects.exists()


def test_an_editor_cannot_delete_a_comment(client, article, redacteur):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(redacteur)

    client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"},
    )
    delete_page = client.get(reverse("admin:comments_comment_delete", args=[comment.pk]))

    assert Comment.objects.filter(pk=comment.pk).exists()
    assert delete_page.status_code == 403


def test_an_editor_can_change_an_article(client, article, redacteur):
    client.force_login(redacteur)

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert response.status_code == 200


# --- Moderator


def test_a_moderator_can_approve(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    approve_by_row_button(client, comment)

    assert status_of(comment) == Comment.Status.APPROVED


def test_a_moderator_cannot_change_an_article(client, article, moderator):
    client.force_login(moderator)
    url = reverse("admin:articles_article_change", args=[article.pk])

    page = client.get(url)
    save = client.post(url, {"title": "Gekaapt", "slug": article.slug, "lead": "x"})

    assert page.status_code == 403
    assert save.status_code == 403
    article.refresh_from_db()
    assert article.title != "Gekaapt"


def test_a_moderator_can_edit_the_word_lists_and_the_policy_page(client, moderator):
    client.force_login(moderator)

    assert client.get("/admin/comments/wordrule/add/").status_code == 200
    assert client.get("/admin/comments/commentpolicy/add/").status_code == 200


# --- Administrator


def test_an_administrator_can_do_both(client, article, administrator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(administrator)

    approve_by_bulk_action(client, comment)
    article_page = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert status_of(comment) == Comment.Status.APPROVED
    assert article_page.status_code == 200


def test_staff_can_add_and_edit_words_that_take_effect_at_once(client, article, moderator):
    client.force_login(moderator)

    client.post("/admin/comments/wordrule/add/", {"word": "Casino", "action": "block"})
    client.logout()
    from tests.comments.conftest import post_comment

    post_comment(client, article, body="Speel nu in het casino")

    assert Comment.objects.get().status == Comment.Status.SPAM


# --- Commenters' e-mail addresses: moderators only


def test_an_editor_does_not_see_the_commenters_e_mail_address(client, article, redacteur):
    comment = make_comment(article, email="lezer.prive@example.nl")
    client.force_login(redacteur)

    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))

    assert page.status_code == 200
    assert comment.body in page.text
    assert "lezer.prive@example.nl" not in page.text


def test_a_moderator_sees_the_commenters_e_mail_address(client, article, moderator):
    comment = make_comment(article, email="lezer.prive@example.nl")
    client.force_login(moderator)

    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))

    assert "lezer.prive@example.nl" in page.text
