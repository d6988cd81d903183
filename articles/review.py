"""Review before publishing: submit, send back and publish an article or whitepaper.

The admin's form save and its actions call these; the rules of who may do what are the
model's (`Publishable.check_publishing`), so every way in obeys them. Submitting queues
a mail to the Eindredactie in the same transaction, as comments do for moderators;
sending back queues one to the writer who submitted it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import tasks
from articles.models.publishing import PublicationStatus, Publishable, can_publish


def mark_submitted(item: Publishable, *, user) -> None:
    """Put `item` in the review queue (unsaved): for a form that saves it anyway."""
    item.status = PublicationStatus.REVIEW
    item.submitted_at = timezone.now()
    item.submitted_by = user
    item.review_note = ""


def announce_submission(*, item: Publishable, user) -> None:
    """Queue the mail to the Eindredactie (call it in the transaction that saves `item`)."""
    tasks.notify_final_editors.enqueue(item._meta.label_lower, item.pk, user.pk)


def item_submit(*, item: Publishable, user) -> Publishable:
    """Ask the Eindredactie to review `item`. Anyone who may change it may submit it."""
    if item.status != PublicationStatus.DRAFT:
        return item
    with transaction.atomic():
        mark_submitted(item, user=user)
        item.save()
        announce_submission(item=item, user=user)
    return item


def item_send_back(*, item: Publishable, user, reason: str) -> Publishable:
    """Return `item` to its writer as a draft, with the reason they will see on the edit
    page and in a mail (queued in the same transaction)."""
    if not can_publish(user):
        raise PermissionDenied("Only the final editors may send back.")
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why, so the writer knows what to change."))
    if item.status != PublicationStatus.REVIEW:
        return item
    item.status = PublicationStatus.DRAFT
    item.review_note = reason
    with transaction.atomic():
        item.save()
        tasks.tell_writer_sent_back.enqueue(item._meta.label_lower, item.pk, user.pk)
    return item


def item_publish(*, item: Publishable, user) -> Publishable:
    """Publish `item`: now, or at its moment if that is still to come (scheduled)."""
    stored = item.stored_copy()
    item.status = PublicationStatus.PUBLISHED
    now = timezone.now()
    if stored is None or stored.status != PublicationStatus.PUBLISHED:
        if item.publish_at <= now:
            # A draft's moment is when it was started; readers should see it as new.
            item.publish_at = now
        if item.unpublish_at is not None and item.unpublish_at <= item.publish_at:
            item.unpublish_at = None
    item.check_publishing(user=user, stored=stored)
    item.review_note = ""
    item.save()
    return item
