"""What "published" and "scheduled" mean, defined once for everything the redactie publishes.

Published: status published and a publication moment that has passed. Scheduled: status
published and a moment still to come; the item appears by itself at that moment (no cron).
Articles and whitepapers inherit these fields and rules from `Publishable`; the admin
filters and the page cache ask the same QuerySet methods.
"""

from datetime import datetime
from typing import cast

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.addresses import KeepsOldSlugs

# Previewing drafts and scheduled items, and fetching a gated whitepaper without the form.
# The Redactie group has it (a data migration of the comments app, which makes the groups).
PREVIEW_PERMISSION = "articles.preview_unpublished"


def can_preview(user) -> bool:
    """Whether `user` may see what readers cannot yet: staff with the preview permission."""
    return user.is_authenticated and user.is_staff and user.has_perm(PREVIEW_PERMISSION)


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def published_condition() -> Q:
    """Published and due: what readers see."""
    return Q(status=PublicationStatus.PUBLISHED, publish_at__lte=timezone.now())


def scheduled_condition(*, after: datetime | None = None) -> Q:
    """Published, with a publication moment still to come (after `after`, or now)."""
    return Q(status=PublicationStatus.PUBLISHED, publish_at__gt=after or timezone.now())


def moments(queryset: models.QuerySet, field: str) -> models.QuerySet:
    """The values of one date field, as a column named "moment", for union() with others."""
    return queryset.order_by().annotate(moment=F(field)).values_list("moment")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_condition())

    def scheduled(self, *, after: datetime | None = None):
        return self.filter(scheduled_condition(after=after))

    def drafts(self):
        return self.filter(status=PublicationStatus.DRAFT)

    def moments_of_change(self, *, after: datetime) -> list[models.QuerySet]:
        """Single-column queries of the moments after `after` at which what readers see
        changes by itself (an item appears), for caches that must not outlive them. Each
        names its column "moment" and has no ordering, so callers can union() them."""
        return [moments(self.scheduled(after=after), "publish_at")]

    def visible_to(self, user):
        """Staff who may preview (can_preview) see drafts and scheduled items too;
        everybody else sees what is published."""
        if can_preview(user):
            return self.all()
        return self.published()


class Publishable(KeepsOldSlugs):
    """Title and address, status, publication moment and timestamps, with the rules above.
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
    )
    publish_at = models.DateTimeField(
        _("publication moment"),
        default=timezone.now,
        help_text=_("A moment in the future schedules it: it appears by itself at that moment."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-publish_at", "-pk"]

    def __str__(self):
        return self.title

    def is_published_at(self, moment: datetime) -> bool:
        """Whether readers see it at `moment`: for copies cached before that moment."""
        return self.status == PublicationStatus.PUBLISHED and self.publish_at <= moment

    def had_public_address(self) -> bool:
        """Whether readers could see it as stored, before this save."""
        stored = cast(PublishableQuerySet, type(self)._default_manager.filter(pk=self.pk))
        return stored.published().exists()

    @property
    def is_published(self) -> bool:
        return self.is_published_at(timezone.now())

    @property
    def is_scheduled(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED and not self.is_published
