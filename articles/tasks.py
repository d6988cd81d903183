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

from articles.models.publishing import PUBLISH_PERMISSION, PublicationStatus


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


@task()
def notify_final_editors(model_label: str, item_id: int, submitter_id: int | None) -> int:
    """Tell the Eindredactie that an item waits for review. Returns how many were told."""
    model = apps.get_model(model_label)
    item = model._default_manager.filter(pk=item_id).first()
    if item is None or item.status != PublicationStatus.REVIEW:
        return 0
    recipients = final_editor_addresses()
    if not recipients:
        return 0
    submitter = get_user_model().objects.filter(pk=submitter_id).first() if submitter_id else None
    meta = model._meta
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "articles/email/submitted_for_review.txt",
            {
                "item": item,
                "kind": meta.verbose_name,
                "submitter": (submitter.get_full_name() or submitter.get_username())
                if submitter
                else "",
                "review_url": _absolute(
                    reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk])
                ),
                "planning_url": _absolute(reverse("admin:articles_article_planning")),
            },
        )
        subject = translation.gettext("Waiting for review: %(title)s") % {"title": item.title}
    EmailMessage(subject=subject, body=body, to=recipients).send()
    return len(recipients)
