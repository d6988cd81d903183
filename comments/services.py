"""Actions on comments with side effects, used by the views, the admin and the commands.

Each is a plain function with keyword-only arguments (`<entity>_<action>`), so a
moderator's click in the admin and any other caller do exactly the same thing.
"""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from comments import tasks
from comments.models import MODERATE_PERMISSION, Comment, ModerationAction
from comments.moderation import moderator as comment_policy
from toolbox.formguard import create_once


def comment_create(
    *,
    article: Article,
    name: str,
    email: str,
    body: str,
    parent: Comment | None = None,
    notify_on_approval: bool = False,
    user=None,
    form_id: str = "",
) -> Comment:
    """Store a new comment and start whatever follows from the site's decision about it.

    The comment and the mail task it starts are written in one transaction: both or
    neither. A form (`form_id`) stores one comment at most: sending the same comment again
    returns the stored one, other text with that form raises FormReused.
    """
    email = Comment.normalise_email(email)
    store = partial(
        _store_comment,
        article=article,
        name=name,
        email=email,
        body=body,
        parent=parent,
        notify_on_approval=notify_on_approval,
        user=user,
        form_id=form_id,
    )
    if not form_id:
        return store()
    comment, _created = create_once(
        Comment.objects.all(),
        form_id=form_id,
        create=store,
        is_same=lambda stored: (
            (stored.article_id, stored.name, stored.email, stored.body)
            == (article.pk, name, email, body)
        ),
    )
    return comment


def _store_comment(*, article, name, email, body, parent, notify_on_approval, user, form_id):
    staff = user is not None and user.is_authenticated and user.is_staff
    verdict = comment_policy.moderate(name=name, body=body, email=email)
    with transaction.atomic():
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            name=name,
            email=email,
            body=body,
            held_reason=verdict.reason,
            held_detail=verdict.detail[:200],
            notify_on_approval=notify_on_approval,
            is_staff_reply=staff,
            user=user if staff else None,
            status=Comment.Status.PENDING,
            form_id=form_id,
        )
        moderator = user if staff and user.has_perm(MODERATE_PERMISSION) else None
        if verdict.status == Comment.Status.SPAM:
            _change_status(comment=comment, to_status=Comment.Status.SPAM, moderator=None)
        elif moderator and verdict.status == Comment.Status.PENDING and not verdict.reason:
            # A moderator's own reply needs no second pair of eyes.
            comment_approve(comment=comment, moderator=moderator)
        elif verdict.status == Comment.Status.APPROVED:
            comment_approve(comment=comment, moderator=None)
        else:
            # In the transaction, not after it: a comment is never stored without its mail.
            tasks.notify_moderators.enqueue(comment.pk)
    return comment


def _check_moderator(moderator):
    # None means the site itself decided (block list, trusted author).
    if moderator is not None and not moderator.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied("Only moderators may moderate comments.")


def _change_status(*, comment: Comment, to_status: str, moderator) -> Comment:
    _check_moderator(moderator)
    with transaction.atomic():
        # Lock the row, so two moderators clicking at once leave one consistent record.
        current = Comment.objects.select_for_update().get(pk=comment.pk)
        if current.status == to_status:
            return current
        from_status = current.status
        current.status = to_status
        current.moderated_at = timezone.now()
        current.save(update_fields=["status", "moderated_at"])
        ModerationAction.objects.create(
            comment=current,
            comment_number=current.pk,
            moderator=moderator,
            from_status=from_status,
            to_status=to_status,
        )
    comment.status, comment.moderated_at = current.status, current.moderated_at
    return current


def comment_approve(*, comment: Comment, moderator) -> Comment:
    """Approve a comment: it appears on the article, and its author hears so if they asked.

    The approval and the author's mail task are written in one transaction.
    """
    with transaction.atomic():
        was_approved = comment.status == Comment.Status.APPROVED
        approved = _change_status(
            comment=comment, to_status=Comment.Status.APPROVED, moderator=moderator
        )
        if not was_approved and approved.notify_on_approval and approved.email:
            tasks.notify_author_of_approval.enqueue(approved.pk)
    return approved


def comment_reject(*, comment: Comment, moderator) -> Comment:
    return _change_status(comment=comment, to_status=Comment.Status.REJECTED, moderator=moderator)


def comment_mark_spam(*, comment: Comment, moderator) -> Comment:
    return _change_status(comment=comment, to_status=Comment.Status.SPAM, moderator=moderator)


def comment_delete(*, comment: Comment, moderator) -> None:
    """Delete a comment for good; the record of who deleted it stays."""
    _check_moderator(moderator)
    with transaction.atomic():
        ModerationAction.objects.create(
            comment=None,
            comment_number=comment.pk,
            moderator=moderator,
            from_status=comment.status,
            to_status=ModerationAction.Result.DELETED,
        )
        comment.delete()


def commenter_erase(*, email: str) -> int:
    """Erase everything stored about one e-mail address (a data-subject request).

    Their comments go entirely (name and text are personal data too); replies by
    others stay, as top-level comments. Returns how many comments were erased.
    """
    with transaction.atomic():
        comments = Comment.objects.by_email(email)
        count = comments.count()
        comments.delete()
    return count


@dataclass(frozen=True)
class ErasureResult:
    emails_erased: int
    comments_deleted: int


def comment_data_erase_expired(*, now=None) -> ErasureResult:
    """The retention rule: e-mail addresses and refused comments go after the set number of days."""
    now = now or timezone.now()
    with transaction.atomic():
        deleted = Comment.objects.refused_and_expired(now=now).count()
        Comment.objects.refused_and_expired(now=now).delete()
        erased = Comment.objects.with_expired_email(now=now).update(
            email="", notify_on_approval=False
        )
    return ErasureResult(emails_erased=erased, comments_deleted=deleted)
