"""The redactie's planning: what goes online and offline in the coming days, and what
waits for review, for articles and whitepapers together. Three queries per kind."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Publishable, Whitepaper

PLANNING_DAYS = 14
KINDS = (Article, Whitepaper)


@dataclass(frozen=True)
class PlannedItem:
    moment: datetime | None
    item: Publishable

    @property
    def kind(self) -> str:
        return str(self.item._meta.verbose_name)

    @property
    def change_url(self) -> str:
        meta = self.item._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.item.pk])


def _sorted(rows: list[PlannedItem]) -> list[PlannedItem]:
    return sorted(rows, key=lambda row: (row.moment is None, row.moment or 0))


def planning(*, now: datetime | None = None, days: int = PLANNING_DAYS) -> dict:
    now = now or timezone.now()
    end = now + timedelta(days=days)
    online, offline, review = [], [], []
    for model in KINDS:
        objects = model.objects.only("pk", "title", "status", "publish_at", "unpublish_at")
        online += [
            PlannedItem(item.publish_at, item) for item in objects.going_online(start=now, end=end)
        ]
        offline += [
            PlannedItem(item.unpublish_at, item)
            for item in objects.going_offline(start=now, end=end)
        ]
        review += [
            PlannedItem(item.submitted_at, item)
            for item in model.objects.waiting_for_review().only(
                "pk", "title", "status", "publish_at", "unpublish_at", "submitted_at"
            )
        ]
    return {
        "days": days,
        "going_online": _sorted(online),
        "going_offline": _sorted(offline),
        "waiting_for_review": _sorted(review),
    }


def live_today(*, now: datetime | None = None) -> list[PlannedItem]:
    """What goes online from now until the end of today (local time)."""
    now = now or timezone.now()
    end = timezone.localtime(now).replace(hour=23, minute=59, second=59, microsecond=999999)
    rows = []
    for model in KINDS:
        objects = model.objects.only("pk", "title", "status", "publish_at", "unpublish_at")
        rows += [
            PlannedItem(item.publish_at, item) for item in objects.going_online(start=now, end=end)
        ]
    return _sorted(rows)
