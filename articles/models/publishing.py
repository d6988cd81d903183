"""The publication rules shared by articles and whitepapers, defined once.

"Published" means: status published and a publication moment that has passed. A moment in
the future means scheduled; the item appears by itself when that moment comes (no cron).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublicationQuerySet(models.QuerySet):
    """For models with a `status` (PublicationStatus) and a `publish_at` moment."""

    def published(self):
        """Published and due: a future publication moment means scheduled."""
        return self.filter(status=PublicationStatus.PUBLISHED, publish_at__lte=timezone.now())

    def next_publication_after(self, moment):
        """When the next scheduled item appears, or None: caches must not outlive it."""
        scheduled = self.filter(status=PublicationStatus.PUBLISHED, publish_at__gt=moment)
        return scheduled.aggregate(first=models.Min("publish_at"))["first"]

    def visible_to(self, user):
        """Staff may preview drafts and scheduled items; everybody else sees published."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()


class PublicationMixin:
    """The same rules for one object, e.g. in a template or the admin."""

    @property
    def is_published(self):
        return self.status == PublicationStatus.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == PublicationStatus.PUBLISHED and self.publish_at > timezone.now()
