"""What "published", "scheduled" and "offline" mean, defined once for everything the
redactie publishes, and who may publish.

The road to readers: Concept (draft) -> Ter beoordeling (review) -> Gepubliceerd. Writers
(the Redactie) write and submit; only staff with the publish permission (the Eindredactie)
publish, schedule, change the moments of what is published, or take it back.

Published: status published, an "online from" moment that has passed and an "offline
after" moment (if any) still to come. Scheduled: status published and an "online from"
moment still to come. Offline: status published and an "offline after" moment that has
passed; its address answers 410 Gone. Items appear and disappear by themselves at their
moments (no cron); the page cache and the blocks ask `moments_of_change` when that is.
"""

from datetime import datetime
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models.addresses import KeepsOldSlugs

# Previewing drafts and scheduled items, and fetching a gated whitepaper without the form.
# The Redactie group has it (a data migration of the comments app, which makes the groups).
PREVIEW_PERMISSION = "articles.preview_unpublished"
# Publishing, scheduling and taking back: the Eindredactie group has it (comments migration 0006).
PUBLISH_PERMISSION = "articles.publish_content"


def can_preview(user) -> bool:
    """Whether `user` may see what readers cannot yet: staff with the preview permission."""
    return user.is_authenticated and user.is_staff and user.has_perm(PREVIEW_PERMISSION)


def can_publish(user) -> bool:
    """Whether `user` may publish, schedule and take back: the Eindredactie."""
    return user.is_authenticated and user.is_active and user.has_perm(PUBLISH_PERMISSION)


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Waiting for review")
    PUBLISHED = "published", _("Published")


# The statuses a writer without the publish permission may choose.
WRITER_STATUSES = (PublicationStatus.DRAFT, PublicationStatus.REVIEW)


def _still_online(now: datetime) -> Q:
    return Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now)


def published_condition(*, at: datetime | None = None) -> Q:
    """Published, due and not yet past its end: what readers see (now, or `at`)."""
    now = at or timezone.now()
    return Q(status=PublicationStatus.PUBLISHED, publish_at__lte=now) & _still_online(now)


def scheduled_condition(*, after: datetime | None = None) -> Q:
    """Published, with a publication moment still to come (after `after`, or now)."""
    return Q(status=PublicationStatus.PUBLISHED, publish_at__gt=after or timezone.now())


def offline_condition(*, at: datetime | None = None) -> Q:
    """Published once, but past its "offline after" moment: its address answers 410 Gone."""
    return Q(status=PublicationStatus.PUBLISHED, unpublish_at__lte=at or timezone.now())


def moments(queryset: models.QuerySet, field: str) -> models.QuerySet:
    """The values of one date field, as a column named "moment", for union() with others."""
    return queryset.order_by().annotate(moment=F(field)).values_list("moment")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_condition())

    def scheduled(self, *, after: datetime | None = None):
        return self.filter(scheduled_condition(after=after))

    def offline(self):
        return self.filter(offline_condition())

    def drafts(self):
        return self.filter(status=PublicationStatus.DRAFT)

    def waiting_for_review(self):
        return self.filter(status=PublicationStatus.REVIEW)

    def sent_back(self):
        """Drafts the Eindredactie returned with a reason (cleared on submitting again)."""
        return self.drafts().exclude(review_note="")

    def sent_back_to(self, user):
        return self.sent_back().filter(submitted_by=user)

    def going_online(self, *, start: datetime, end: datetime):
        """Scheduled to appear between `start` and `end`."""
        return self.filter(
            status=PublicationStatus.PUBLISHED, publish_at__gt=start, publish_at__lte=end
        )

    def going_offline(self, *, start: datetime, end: datetime):
        """Set to disappear between `start` and `end`."""
        return self.filter(
            status=PublicationStatus.PUBLISHED, unpublish_at__gt=start, unpublish_at__lte=end
        )

    def moments_of_change(self, *, after: datetime) -> list[models.QuerySet]:
        """Single-column queries of the moments after `after` at which what readers see
        changes by itself (an item appears or disappears), for caches that must not
        outlive them. Each names its column "moment" and has no ordering, so callers can
        union() them."""
        published = self.filter(status=PublicationStatus.PUBLISHED)
        return [
            moments(self.scheduled(after=after), "publish_at"),
            moments(published.filter(unpublish_at__gt=after), "unpublish_at"),
        ]

    def visible_to(self, user):
        """Staff who may preview (can_preview) see drafts and scheduled items too;
        everybody else sees what is published."""
        if can_preview(user):
            return self.all()
        return self.published()


def _moment(value: datetime) -> str:
    return formats.date_format(timezone.localtime(value), "j F Y H:i")


class Publishable(KeepsOldSlugs):
    """Title and address, status, publication moments and timestamps, with the rules above.
    A changed slug keeps the old address working once readers could see it."""

    Status = PublicationStatus

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "The last part of the web address. Filled in from the title. If you change it "
            "after publication, the old address keeps working: it leads to the new one."
        ),
    )

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublicationStatus,
        default=PublicationStatus.DRAFT,
        help_text=_(
            "Draft: only the redactie sees it. Waiting for review: the final editors "
            "(Eindredactie) are asked to check and publish it. Published: readers see it "
            "from the moment below."
        ),
    )
    publish_at = models.DateTimeField(
        _("online from"),
        default=timezone.now,
        help_text=_("A moment in the future schedules it: it appears by itself at that moment."),
    )
    unpublish_at = models.DateTimeField(
        _("offline after"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. At this moment it disappears from every page, feed and search result "
            "by itself, and its address tells readers it is no longer available."
        ),
    )
    review_note = models.TextField(
        _("note from the final editors"),
        blank=True,
        help_text=_("Why it was sent back; cleared when it is submitted again."),
    )
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, blank=True)
    # Who gets the mail when it is sent back.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-publish_at", "-pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.unpublish_at and self.publish_at and self.unpublish_at <= self.publish_at:
            raise ValidationError(
                {"unpublish_at": _("Choose a moment after the moment it goes online.")}
            )

    def writer_to_tell(self):
        """Who hears by mail that it was sent back: the writer who submitted it, while
        their account is active and has an address."""
        writer = self.submitted_by
        return writer if writer and writer.is_active and writer.email else None

    def is_published_at(self, moment: datetime) -> bool:
        """Whether readers see it at `moment`: for copies cached before that moment."""
        return (
            self.status == PublicationStatus.PUBLISHED
            and self.publish_at <= moment
            and (self.unpublish_at is None or self.unpublish_at > moment)
        )

    def had_public_address(self) -> bool:
        """Whether readers could see it as stored, before this save."""
        stored = cast(PublishableQuerySet, type(self)._default_manager.filter(pk=self.pk))
        return stored.published().exists()

    @property
    def is_published(self) -> bool:
        return self.is_published_at(timezone.now())

    @property
    def is_scheduled(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED and self.publish_at > timezone.now()

    @property
    def is_offline(self) -> bool:
        return (
            self.status == PublicationStatus.PUBLISHED
            and self.unpublish_at is not None
            and self.unpublish_at <= timezone.now()
        )

    def state_label(self) -> str:
        """Where it stands, in the redactie's words: for the admin list and edit page."""
        if self.status == PublicationStatus.DRAFT:
            return gettext("Draft")
        if self.status == PublicationStatus.REVIEW:
            return gettext("Waiting for review")
        if self.is_scheduled:
            return gettext("Scheduled: online from %(moment)s") % {
                "moment": _moment(self.publish_at)
            }
        if self.is_offline:
            assert self.unpublish_at is not None
            return gettext("Offline since %(moment)s") % {"moment": _moment(self.unpublish_at)}
        if self.unpublish_at:
            return gettext("Online until %(moment)s") % {"moment": _moment(self.unpublish_at)}
        return gettext("Online")

    def publishing_errors(self, *, user, stored: "Publishable | None") -> list[str]:
        """Why `user` may not make this change of status or moments (empty: they may).

        `stored` is the item as it is in the database (None for a new one). Writers without
        the publish permission may write and submit, and correct the text of what is
        published, but never publish, schedule, move the moments or take it back.
        """
        if can_publish(user):
            return []
        errors = []
        was_published = stored is not None and stored.status == PublicationStatus.PUBLISHED
        if self.status == PublicationStatus.PUBLISHED and not was_published:
            errors.append(
                gettext(
                    "Only the final editors (Eindredactie) may publish or schedule. "
                    "Choose “Waiting for review” to submit it to them."
                )
            )
        elif (
            was_published
            and stored is not None
            and (
                self.status != PublicationStatus.PUBLISHED
                or self.publish_at != stored.publish_at
                or self.unpublish_at != stored.unpublish_at
            )
        ):
            errors.append(
                gettext(
                    "Only the final editors (Eindredactie) may take back what is published "
                    "or change when it goes online or offline."
                )
            )
        return errors

    def check_publishing(self, *, user, stored: "Publishable | None") -> None:
        """Raise ValidationError (on the status field) when `user` may not make this change."""
        errors = self.publishing_errors(user=user, stored=stored)
        if errors:
            raise ValidationError({"status": errors})

    def stored_copy(self) -> "Publishable | None":
        """The item as stored now, for check_publishing (None when it is new)."""
        if self._state.adding or self.pk is None:
            return None
        return type(self)._default_manager.filter(pk=self.pk).first()
