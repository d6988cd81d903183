"""Moderation in the admin: the queue, bulk and row actions, the record of every decision."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, ModerationAction
from comments.services import comment_approve, comment_reject
from tests.comments.conftest import make_comment
from tests.matching import search

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def action(client, name, comments):
    return client.post(
        CHANGELIST,
        {"action": name, "_selected_action": [c.pk for c in comments], "index": 0},
        follow=True,
    )


def test_approving_records_who_when_and_from_which_status(article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    before = timezone.now()

    comment_approve(comment=comment, moderator=moderator)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_at >= before
    record = ModerationAction.objects.get()
    assert (record.comment, record.moderator) == (comment, moderator)
    assert (record.from_status, record.to_status) == ("pending", "approved")
    assert record.at >= before


def test_approving_twice_records_one_decision(article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)

    comment_approve(comment=comment, moderator=moderator)
    comment_approve(comment=comment, moderator=moderator)

    assert ModerationAction.objects.count() == 1


def test_only_moderators_may_approve_even_outside_the_admin(article, redacteur):
    comment = make_comment(article, status=Comment.Status.PENDING)

    with pytest.raises(PermissionDenied):
        comment_approve(comment=comment, moderator=redacteur)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert not ModerationAction.objects.exists()


def test_the_queue_shows_pending_comments_first_with_their_reason(client, article, moderator):
    now = timezone.now()
    make_comment(article, body="Al goedgekeurd, nieuwste", created_at=now)
    make_comment(
        article,
        status=Comment.Status.PENDING,
        body="Wacht, met links",
        held_reason=Comment.HeldReason.LINKS,
        held_detail="3",
        created_at=now - timedelta(days=2),
    )
    make_comment(
        article, status=Comment.Status.PENDING, body="Wacht ook", created_at=now - timedelta(days=1)
    )
    client.force_login(moderator)

    html = client.get(CHANGELIST).text

    assert html.index("Wacht ook") < html.index("Wacht, met links") < html.index("Al goedgekeurd")
    assert "Twee of meer links: 3" in html
    assert article.title in html
    assert "Lezer" in html


def test_the_queue_can_be_filtered_by_status_reason_and_article_and_searched(
    client, article, moderator
):
    make_comment(article, status=Comment.Status.PENDING, body="Eerste", held_reason="links")
    make_comment(article, body="Tweede")
    client.force_login(moderator)

    by_status = client.get(CHANGELIST, {"status__exact": "pending"}).text
    by_reason = client.get(CHANGELIST, {"held_reason__exact": "links"}).text
    by_article = client.get(CHANGELIST, {"article__id__exact": article.pk}).text
    searched = client.get(CHANGELIST, {"q": "Tweede"}).text

    assert "Eerste" in by_status and "Tweede" not in by_status
    assert "Eerste" in by_reason and "Tweede" not in by_reason
    assert "Eerste" in by_article and "Tweede" in by_article
    assert "Tweede" in searched and "Eerste" not in searched


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("approve_selected", "approved"),
        ("reject_selected", "rejected"),
        ("mark_spam_selected", "spam"),
    ],
)
def test_bulk_actions_change_every_selected_comment_and_record_it(
    client, article, moderator, name, status
):
    chosen = [make_comment(article, status=Comment.Status.PENDING) for _ in range(3)]
    untouched = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    response = action(client, name, chosen)

    assert response.status_code == 200
    assert set(
        Comment.objects.filter(pk__in=[c.pk for c in chosen]).values_list("status", flat=True)
    ) == {status}
    untouched.refresh_from_db()
    assert untouched.status == Comment.Status.PENDING
    records = ModerationAction.objects.filter(to_status=status, moderator=moderator)
    assert records.count() == 3


def test_bulk_delete_asks_first_then_deletes_and_records_it(client, article, moderator):
    chosen = [make_comment(article, status=Comment.Status.SPAM) for _ in range(2)]
    client.force_login(moderator)

    confirm = action(client, "delete_selected", chosen)
    client.post(
        CHANGELIST,
        {
            "action": "delete_selected",
            "_selected_action": [c.pk for c in chosen],
            "post": "yes",
        },
    )

    assert "Weet u zeker dat u de geselecteerde reacties wilt verwijderen" in confirm.text
    assert not Comment.objects.exists()
    deleted = ModerationAction.objects.filter(to_status="deleted")
    assert sorted(deleted.values_list("comment_number", flat=True)) == sorted(c.pk for c in chosen)
    assert {d.moderator for d in deleted} == {moderator}


def test_each_row_has_approve_and_reject_buttons_that_post_with_csrf(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    html = client.get(CHANGELIST).text

    approve_url = reverse("admin:comments_comment_approve", args=[comment.pk])
    assert f'formaction="{approve_url}"' in html
    assert 'formmethod="post"' in html
    form = search(r'<form id="changelist-form".*?</form>', html, re.S).group(0)
    assert approve_url in form
    assert 'name="csrfmiddlewaretoken"' in form


def test_a_row_button_approves_one_comment_and_returns_to_the_list(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_approve", args=[comment.pk])

    response = client.post(url, headers={"referer": f"http://testserver{CHANGELIST}?q=x"})

    assert response.status_code == 302
    assert response["Location"] == f"http://testserver{CHANGELIST}?q=x"
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert ModerationAction.objects.get().moderator == moderator


def test_a_row_button_rejects_one_comment(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    client.post(reverse("admin:comments_comment_reject", args=[comment.pk]))

    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED


def test_a_row_button_does_nothing_on_get(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    response = client.get(reverse("admin:comments_comment_approve", args=[comment.pk]))

    assert response.status_code == 405
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_a_row_button_refuses_a_post_without_csrf_token(article, moderator):
    from django.test import Client

    comment = make_comment(article, status=Comment.Status.PENDING)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    response = client.post(reverse("admin:comments_comment_approve", args=[comment.pk]))

    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_a_row_button_never_redirects_to_another_site(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    response = client.post(
        reverse("admin:comments_comment_reject", args=[comment.pk]),
        headers={"referer": "https://evil.example/"},
    )

    assert response["Location"] == CHANGELIST


def test_the_comment_page_shows_its_moderation_history(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING, body="Met geschiedenis")
    comment_approve(comment=comment, moderator=moderator)
    comment_reject(comment=comment, moderator=moderator)
    client.force_login(moderator)

    html = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).text

    history = search(r'id="moderation_actions-group".*?</fieldset>', html, re.S).group(0)
    assert "Moderatiegeschiedenis" in history
    rows = re.findall(r'<tr class="form-row[^"]*".*?</tr>', history, re.S)
    assert len(rows) == 2
    # Newest first: approved → rejected, then pending → approved; each by the moderator.
    assert all("moderator" in row for row in rows)
    assert "Goedgekeurd" in rows[0] and "Afgewezen" in rows[0]
    assert "Wacht op goedkeuring" in rows[1] and "Goedgekeurd" in rows[1]


def test_the_comment_page_offers_the_actions_and_they_work_there(client, article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])

    page = client.get(url)
    client.post(url, {"CHANGE_FORM-action": "approve_selected", "_selected_action": comment.pk})

    assert "Geselecteerde reacties goedkeuren" in page.text
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_the_admin_index_shows_how_many_comments_wait(client, article, moderator):
    make_comment(article, status=Comment.Status.PENDING)
    make_comment(article, status=Comment.Status.PENDING)
    make_comment(article)
    client.force_login(moderator)

    html = client.get("/admin/").text

    assert "2 reacties wachten op goedkeuring" in html
    assert f'href="{CHANGELIST}?status__exact=pending"' in html


def test_the_article_change_page_shows_its_pending_comments_and_closing_rule(
    client, article, administrator
):
    make_comment(article, status=Comment.Status.PENDING)
    make_comment(make_comment(article).article, status=Comment.Status.APPROVED)
    client.force_login(administrator)

    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).text

    assert "1 reactie wacht op goedkeuring" in html
    assert f"article__id__exact={article.pk}" in html
    assert "Reageren sluiten na (dagen)" in html
