"""Background work for the redactie, run by the task worker (`manage.py db_worker`).

Tasks get only ids: an item deleted or already handled before the worker gets to it is
simply skipped.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from articles.models.publishing import PUBLISH_PERMISSION, PublicationStatus
from toolbox.users import display_name


def _absolute(path: str) -> str:
    return settings.REURING_SITE_URL.rstrip("/") + path


def final_editor_addresses() -> list[str]:
    # Permissions live in the model backend (the other backend, django-axes, only throttles).
    users = (
        get_user_model()
        .objects.with_perm(PUBLISH_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_active=True)
    )
    return sorted({address for address in users.values_list("email", flat=True) if address})


def _change_url(item) -> str:
    meta = item._meta
    return _absolute(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk]))


def _find(model_label: str, item_id: int):
    model = apps.get_model(model_label)
    return model._default_manager.filter(pk=item_id).first()


def _find_user(user_id: int | None):
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


def _send(to: list[str], subject: str, template: str, context: dict) -> int:
    """One mail in the site's language; `subject` is translated and filled with the title."""
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, context)
        subject = translation.gettext(subject) % {"title": context["item"].title}
    EmailMessage(subject=subject, body=body, to=to).send()
    return len(to)


@task()
def notify_final_editors(model_label: str, item_id: int, submitter_id: int | None) -> int:
    """Tell the Eindredactie that an item waits for review. Returns how many were told."""
    item = _find(model_label, item_id)
    if item is None or item.status != PublicationStatus.REVIEW:
        return 0
    recipients = final_editor_addresses()
    if not recipients:
        return 0
    context = {
        "item": item,
        "submitter": display_name(_find_user(submitter_id)),
        "review_url": _change_url(item),
        "planning_url": _absolute(reverse("admin:articles_article_planning")),
    }
    subject = gettext_noop("Waiting for review: %(title)s")
    return _send(recipients, subject, "articles/email/submitted_for_review.txt", context)


@task()
def tell_writer_sent_back(model_label: str, item_id: int, final_editor_id: int | None) -> int:
    """Give the writer who submitted an item the final editors' reason for sending it back.
    Returns how many were told (0 when it was submitted again or has no writer's address)."""
    item = _find(model_label, item_id)
    if item is None or item.status != PublicationStatus.DRAFT or not item.review_note:
        return 0
    writer = item.writer_to_tell()
    if writer is None:
        return 0
    context = {
        "item": item,
        "final_editor": display_name(_find_user(final_editor_id)),
        "edit_url": _change_url(item),
    }
    subject = gettext_noop("Sent back: %(title)s")
    return _send([writer.email], subject, "articles/email/sent_back.txt", context)
