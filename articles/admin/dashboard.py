"""The articles app's panels on the admin index (see extensions.register_dashboard_panel)."""

from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
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
REASON_SHOWN = 80  # characters of the Eindredactie's reason on the start page


def _time(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j F H:i")


def _when_and_who(moment, user) -> str:
    return ", ".join(part for part in (_time(moment) if moment else "", display_name(user)) if part)


def _item_line(item, detail: str) -> DashboardLine:
    """An article or whitepaper, linking to its edit page."""
    change_url = reverse(f"admin:articles_{item._meta.model_name}_change", args=[item.pk])
    return DashboardLine(item.title, change_url, detail)


def _may_view(request) -> bool:
    return request.user.has_perm("articles.view_article")


def waiting_for_review(request) -> DashboardContent | None:
    if not _may_view(request):
        return None
    rows = []
    for model in KINDS:
        rows += list(
            model.objects.waiting_for_review()
            .select_related("submitted_by")
            .only("pk", "title", "submitted_at", "submitted_by")
        )
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
            _item_line(item, _when_and_who(item.submitted_at, item.submitted_by))
            for item in rows[:LINES_SHOWN]
        ],
        urgent=bool(rows),
    )


def sent_back_to_me(request) -> DashboardContent | None:
    """What the Eindredactie returned to this writer, with the start of the reason; only
    shown when there is some."""
    if not _may_view(request):
        return None
    rows = []
    for model in KINDS:
        rows += list(model.objects.sent_back_to(request.user).only("pk", "title", "review_note"))
    if not rows:
        return None
    return DashboardContent(
        headline=ngettext(
            "%(count)d item was sent back to you",
            "%(count)d items were sent back to you",
            len(rows),
        )
        % {"count": len(rows)},
        list_url=reverse("admin:articles_article_changelist") + "?visibility=sent_back",
        lines=[
            _item_line(item, Truncator(item.review_note).chars(REASON_SHOWN))
            for item in rows[:LINES_SHOWN]
        ],
        urgent=True,
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
        detail = _when_and_who(entry.action_time, entry.user)
        lines.append(DashboardLine(entry.object_repr, url, detail))
    return DashboardContent(
        headline=_("Last changes"),
        list_url=reverse("admin:articles_article_changelist"),
        lines=lines,
    )


register_dashboard_panel(
    DashboardPanel(
        "articles.sent_back", gettext_lazy("Sent back to you"), sent_back_to_me, order=15
    )
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
