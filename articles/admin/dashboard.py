"""The articles app's panels on the admin index (see extensions.register_dashboard_panel)."""

from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from articles.admin.extensions import (
    DashboardContent,
    DashboardLine,
    DashboardPanel,
    register_dashboard_panel,
)
from articles.admin.planning import KINDS, live_today
from articles.models import Article, Whitepaper
from toolbox.users import display_name

LINES_SHOWN = 5


def _time(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j F H:i")


def _may_view(request) -> bool:
    return request.user.has_perm("articles.view_article")


def waiting_for_review(request) -> DashboardContent | None:
    if not _may_view(request):
        return None
    rows = []
    for model in KINDS:
        rows += list(model.objects.waiting_for_review().only("pk", "title", "submitted_at"))
    rows.sort(key=lambda item: item.submitted_at or timezone.now())
    return DashboardContent(
        headline=ngettext(
            "%(count)d item is waiting for review",
            "%(count)d items are waiting for review",
            len(rows),
        )
        % {"count": len(rows)},
        list_url=reverse("admin:articles_article_planning"),
        lines=[
            DashboardLine(
                item.title,
                reverse(f"admin:articles_{item._meta.model_name}_change", args=[item.pk]),
                _time(item.submitted_at) if item.submitted_at else "",
            )
            for item in rows[:LINES_SHOWN]
        ],
        urgent=bool(rows),
    )


def going_live_today(request) -> DashboardContent | None:
    if not _may_view(request):
        return None
    rows = live_today()
    return DashboardContent(
        headline=ngettext(
            "%(count)d item goes online later today",
            "%(count)d items go online later today",
            len(rows),
        )
        % {"count": len(rows)},
        list_url=reverse("admin:articles_article_planning"),
        lines=[
            DashboardLine(row.item.title, row.change_url, _time(row.moment))
            for row in rows[:LINES_SHOWN]
            if row.moment
        ],
    )


def last_changes(request) -> DashboardContent | None:
    """The latest saves of articles and whitepapers, by anybody (the admin's own list
    shows only the user's own)."""
    if not _may_view(request):
        return None
    entries = (
        LogEntry.objects.filter(
            content_type__app_label="articles",
            content_type__model__in=[Article._meta.model_name, Whitepaper._meta.model_name],
        )
        .select_related("user", "content_type")
        .order_by("-action_time")[:LINES_SHOWN]
    )
    lines = []
    for entry in entries:
        url = (entry.get_admin_url() or "") if not entry.is_deletion() else ""
        who = display_name(entry.user)
        lines.append(DashboardLine(entry.object_repr, url, f"{_time(entry.action_time)}, {who}"))
    return DashboardContent(
        headline=_("Last changes"),
        list_url=reverse("admin:articles_article_changelist"),
        lines=lines,
    )


register_dashboard_panel(
    DashboardPanel("articles.review", gettext_lazy("Review"), waiting_for_review, order=20)
)
register_dashboard_panel(
    DashboardPanel("articles.today", gettext_lazy("Today"), going_live_today, order=30)
)
register_dashboard_panel(
    DashboardPanel("articles.changes", gettext_lazy("Last changes"), last_changes, order=40)
)
