"""Privacy: e-mail addresses and refused comments go after a while; erasure on request."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from comments.models import Comment, ModerationAction
from comments.services import comment_approve, comment_reject
from tests.comments.conftest import make_comment

pytestmark = pytest.mark.django_db

# In UTC: the retention period is counted in elapsed days, summer time or not.
MODERATED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def run(command, *args, **options):
    out = StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def moderated(article, moderator):
    """Comments moderated on 2 March 2026: one approved, one rejected, one still waiting."""
    with time_machine.travel(MODERATED, tick=False):
        approved = make_comment(article, status="pending", email="a@example.nl", body="Goed")
        comment_approve(comment=approved, moderator=moderator)
        rejected = make_comment(article, status="pending", email="r@example.nl", body="Weg")
        comment_reject(comment=rejected, moderator=moderator)
        waiting = make_comment(article, status="pending", email="w@example.nl", body="Wacht")
    return approved, rejected, waiting


def test_nothing_is_erased_before_the_retention_period_ends(moderated):
    approved, rejected, waiting = moderated

    with time_machine.travel(MODERATED + timedelta(days=89, hours=23), tick=False):
        output = run("erase_expired_comment_data")

    assert "Erased 0 e-mail address(es) and deleted 0" in output
    approved.refresh_from_db()
    assert approved.email == "a@example.nl"
    assert Comment.objects.filter(pk=rejected.pk).exists()


def test_after_90_days_e_mail_addresses_go_and_refused_comments_are_deleted(moderated):
    approved, rejected, waiting = moderated

    with time_machine.travel(MODERATED + timedelta(days=90, minutes=1), tick=False):
        output = run("erase_expired_comment_data")

    assert "Erased 1 e-mail address(es) and deleted 1 refused comment(s)" in output
    approved.refresh_from_db()
    assert approved.email == ""
    assert approved.body == "Goed"  # the published comment itself stays
    assert not Comment.objects.filter(pk=rejected.pk).exists()
    waiting.refresh_from_db()
    assert waiting.email == "w@example.nl"  # not moderated yet: still needed
    # The moderation record stays, without the comment.
    assert ModerationAction.objects.filter(comment_number=rejected.pk).exists()


def test_the_retention_period_is_configurable(moderated, settings):
    settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS = 7
    approved, _, _ = moderated

    with time_machine.travel(MODERATED + timedelta(days=7, minutes=1), tick=False):
        run("erase_expired_comment_data")

    approved.refresh_from_db()
    assert approved.email == ""


def test_erasing_a_commenter_removes_all_their_comments_and_keeps_replies_of_others(
    article, moderator
):
    theirs = make_comment(article, email="sigrid@example.nl", name="Sigrid", body="Van Sigrid")
    make_comment(article, status="pending", email="sigrid@example.nl", body="Ook van Sigrid")
    reply = make_comment(article, parent=theirs, email="leo@example.nl", body="Antwoord van Leo")

    output = run("erase_commenter_data", email="  Sigrid@Example.NL ")

    assert "Erased 2 comment(s)" in output
    assert not Comment.objects.filter(name="Sigrid").exists()
    assert not Comment.objects.filter(body__contains="Sigrid").exists()
    reply.refresh_from_db()
    assert reply.parent is None
    assert reply.body == "Antwoord van Leo"


def test_a_dry_run_erases_nothing(article):
    make_comment(article, email="sigrid@example.nl")

    output = run("erase_commenter_data", "--dry-run", email="sigrid@example.nl")

    assert "Would erase 1 comment(s)" in output
    assert Comment.objects.count() == 1


def test_erasing_needs_a_real_e_mail_address(db):
    with pytest.raises(CommandError, match="is not an e-mail address"):
        run("erase_commenter_data", email="niet-een-adres")
