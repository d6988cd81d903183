"""Mail about comments goes through the task queue: posting never waits on mail."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from comments.services import comment_approve
from tests.comments.conftest import make_comment, post_comment

# The worker opens its own transactions, as it does in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def roles():
    """A transactional test starts from a flushed database: make the roles again, as the
    data migration does. (serialized_rollback clashed with the content types that the
    flush of an earlier transactional test had made again.)"""
    migration = importlib.import_module("comments.migrations.0002_create_roles")
    migration.create_roles(django_apps, None)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_a_held_comment_is_mailed_to_the_moderators_by_the_worker(client, article, moderator):
    post_comment(client, article, name="Sigrid", body="Graag meer over HR.")

    # Posting only queued the mail.
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path__endswith="notify_moderators").count() == 1

    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["moderator@example.nl"]
    assert article.title in message.subject
    comment = Comment.objects.get()
    assert f"/admin/comments/comment/{comment.pk}/change/" in message.body
    assert "Graag meer over HR." in message.body
    assert "sigrid@example.nl" not in message.body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_reason_a_comment_was_held_is_in_the_moderators_mail(client, article, moderator):
    post_comment(client, article, body="https://a.example en https://b.example")

    run_worker()

    assert "Twee of meer links" in mail.outbox[0].body


def test_the_author_who_asked_is_mailed_when_their_comment_is_approved(client, article, moderator):
    post_comment(client, article, notify="on", email="sigrid@example.nl")
    run_worker()
    mail.outbox.clear()
    comment = Comment.objects.get()

    comment_approve(comment=comment, moderator=moderator)
    assert mail.outbox == []
    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sigrid@example.nl"]
    assert message.subject == "Uw reactie staat op de site"
    assert f"{article.get_absolute_url()}#reactie-{comment.pk}" in message.body


def test_an_author_who_did_not_ask_gets_no_mail(article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING, notify_on_approval=False)

    comment_approve(comment=comment, moderator=moderator)
    run_worker()

    assert mail.outbox == []


def test_no_mail_goes_to_an_address_erased_before_the_worker_ran(article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING, notify_on_approval=True)
    comment_approve(comment=comment, moderator=moderator)
    Comment.objects.filter(pk=comment.pk).update(email="")

    run_worker()

    assert mail.outbox == []


def test_spam_is_not_mailed_to_the_moderators(client, article, moderator):
    from comments.models import WordRule

    WordRule.objects.create(word="viagra", action=WordRule.Action.BLOCK)

    post_comment(client, article, body="viagra")
    run_worker()

    assert mail.outbox == []
