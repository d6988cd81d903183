"""Background work for comments, run by the task worker (`manage.py db_worker`).

Tasks get only a comment's id: the queue's table never holds an e-mail address,
and a comment erased before the worker gets to it is simply skipped.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from comments.models import MODERATE_PERMISSION, Comment


def _absolute(path: str) -> str:
    return settings.REURING_SITE_URL.rstrip("/") + path


def moderator_addresses() -> list[str]:
    # Permissions live in the model backend (the other backend, django-axes, only throttles).
    users = (
        get_user_model()
        .objects.with_perm(MODERATE_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_active=True)
    )
    return sorted({address for address in users.values_list("email", flat=True) if address})


def _send(*, subject: str, template: str, context: dict, to: list[str]) -> None:
    body = render_to_string(template, context)
    EmailMessage(subject=subject, body=body, to=to).send(using="default")


@task()
def notify_moderators(comment_id: int) -> int:
    """Tell the moderators that a comment waits for them. Returns how many were told."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return 0
    recipients = moderator_addresses()
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            subject=translation.gettext("New comment waiting: %(title)s")
            % {"title": comment.article.title},
            template="comments/email/held_for_moderation.txt",
            context={
                "comment": comment,
                "review_url": _absolute(
                    reverse("admin:comments_comment_change", args=[comment.pk])
                ),
                "queue_url": _absolute(reverse("admin:comments_comment_changelist"))
                + "?status__exact=pending",
            },
            to=recipients,
        )
    return len(recipients)


@task()
def notify_author_of_approval(comment_id: int) -> bool:
    """Tell the author their comment is on the site, if they asked and we still have the address."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if (
        comment is None
        or comment.status != Comment.Status.APPROVED
        or not comment.notify_on_approval
        or not comment.email
    ):
        return False
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            subject=translation.gettext("Your comment has been published"),
            template="comments/email/approved.txt",
            context={"comment": comment, "comment_url": _absolute(comment.get_absolute_url())},
            to=[comment.email],
        )
    return True
