from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_stubs_ext import StrOrPromise

from articles.admin import ArticlePanel, register_article_panel
from articles.admin.extensions import (
    DashboardContent,
    DashboardLine,
    DashboardPanel,
    register_dashboard_panel,
)
from comments.models import (
    MODERATE_PERMISSION,
    ArticleCommentSettings,
    Comment,
    CommentPolicy,
    ModerationAction,
    WordRule,
)
from comments.services import (
    comment_approve,
    comment_delete,
    comment_mark_spam,
    comment_reject,
)
from toolbox.admin import RecordAdminMixin, SingletonAdmin

BOTH_PLACES = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


class ModerationActionInline(RecordAdminMixin, admin.TabularInline):
    """The comment's moderation history, read-only."""

    model = ModerationAction
    fk_name = "comment"
    extra = 0
    can_delete = False
    fields = readonly_fields = ("at", "moderator", "from_status", "to_status")
    verbose_name_plural = _("moderation history")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt_column",
        "article",
        "name",
        "created_at",
        "status",
        "held_column",
    ]
    list_display_links = ["excerpt_column"]
    list_filter = [
        "status",
        "held_reason",
        ("article", admin.RelatedOnlyFieldListFilter),
        "created_at",
    ]
    search_fields = ["name", "body", "article__title"]
    list_select_related = ["article"]
    date_hierarchy = "created_at"
    actions = ["approve_selected", "reject_selected", "mark_spam_selected"]
    inlines = [ModerationActionInline]
    fields = readonly_fields = (
        "article",
        "parent",
        "name",
        "body",
        "email",
        "status",
        "held_reason",
        "held_detail",
        "notify_on_approval",
        "is_staff_reply",
        "created_at",
        "moderated_at",
    )  # Reader text is never edited; status changes only through actions, each recorded.

    def get_queryset(self, request):
        # Not super(): it orders by get_ordering() before the rank exists.
        return Comment.objects.pending_first()

    def get_ordering(self, request):
        # The queue: comments that wait for a moderator first, newest first.
        return ["queue_rank", "-created_at"]

    # --- Permissions: moderating needs comments.can_moderate, also for deleting.

    def has_moderate_permission(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.has_moderate_permission(request)

    def get_fields(self, request, obj=None):
        # Commenters' e-mail addresses are for moderators only (least privilege).
        fields = super().get_fields(request, obj)
        if self.has_moderate_permission(request):
            return fields
        return [name for name in fields if name != "email"]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if self.has_moderate_permission(request):
            columns.append("row_actions")
        return columns

    # --- Columns

    @admin.display(description=_("comment"))
    def excerpt_column(self, comment):
        return comment.excerpt

    @admin.display(description=_("reason held"), ordering="held_reason")
    def held_column(self, comment):
        if not comment.held_reason:
            return "–"
        if comment.held_detail:
            return f"{comment.get_held_reason_display()}: {comment.held_detail}"
        return comment.get_held_reason_display()

    @admin.display(description=_("moderate"))
    def row_actions(self, comment):
        # The buttons submit the change list's own form (with its CSRF token) to our views.
        buttons = []
        if comment.status != Comment.Status.APPROVED:
            buttons.append(("approve", _("Approve")))
        if comment.status != Comment.Status.REJECTED:
            buttons.append(("reject", _("Reject")))
        return format_html_join(
            " ",
            '<button type="submit" class="button" formmethod="post" formaction="{}" '
            'aria-label="{}: {}">{}</button>',
            (
                (
                    reverse(f"admin:comments_comment_{name}", args=[comment.pk]),
                    label,
                    comment.name,
                    label,
                )
                for name, label in buttons
            ),
        )

    # --- Bulk actions (also on the change form)

    def _apply(self, request, queryset, service) -> int:
        comments = list(queryset)
        for comment in comments:
            service(comment=comment, moderator=request.user)
        return len(comments)

    @admin.action(
        permissions=["moderate"], description=_("Approve selected comments"), location=BOTH_PLACES
    )
    def approve_selected(self, request, queryset):
        count = self._apply(request, queryset, comment_approve)
        message = ngettext("%d comment approved.", "%d comments approved.", count)
        self.message_user(request, message % count, messages.SUCCESS)

    @admin.action(
        permissions=["moderate"], description=_("Reject selected comments"), location=BOTH_PLACES
    )
    def reject_selected(self, request, queryset):
        count = self._apply(request, queryset, comment_reject)
        message = ngettext("%d comment rejected.", "%d comments rejected.", count)
        self.message_user(request, message % count, messages.SUCCESS)

    @admin.action(
        permissions=["moderate"],
        description=_("Mark selected comments as spam"),
        location=BOTH_PLACES,
    )
    def mark_spam_selected(self, request, queryset):
        count = self._apply(request, queryset, comment_mark_spam)
        message = ngettext("%d comment marked as spam.", "%d comments marked as spam.", count)
        self.message_user(request, message % count, messages.SUCCESS)

    # Django's "delete selected" (with its confirmation page) and the delete button both
    # end here: each deletion is recorded like any other moderator action.
    def delete_model(self, request, obj):
        comment_delete(comment=obj, moderator=request.user)

    def delete_queryset(self, request, queryset):
        for comment in queryset:
            comment_delete(comment=comment, moderator=request.user)

    # --- One-click approve and reject on each row

    def get_urls(self):
        moderate = self.admin_site.admin_view(self.moderate_view)
        return [
            path(
                "<int:pk>/approve/",
                moderate,
                {"service": comment_approve, "done": _("Comment by %(name)s approved.")},
                name="comments_comment_approve",
            ),
            path(
                "<int:pk>/reject/",
                moderate,
                {"service": comment_reject, "done": _("Comment by %(name)s rejected.")},
                name="comments_comment_reject",
            ),
            *super().get_urls(),
        ]

    def moderate_view(self, request, pk, service, done):
        return require_POST(self._moderate)(request, pk, service, done)

    def _moderate(self, request, pk, service, done):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        comment = get_object_or_404(Comment, pk=pk)
        service(comment=comment, moderator=request.user)
        self.message_user(request, done % {"name": comment.name}, messages.SUCCESS)
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse("admin:comments_comment_changelist")
        return HttpResponseRedirect(back)


@admin.register(ModerationAction)
class ModerationActionAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ["at", "comment_number", "moderator", "from_status", "to_status"]
    list_filter = ["to_status", "at"]
    list_select_related = ["moderator"]
    date_hierarchy = "at"

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WordRule)
class WordRuleAdmin(admin.ModelAdmin):
    list_display = ["word", "action", "created_at"]
    list_editable = ["action"]
    list_filter = ["action"]
    search_fields = ["word"]


@admin.register(CommentPolicy)
class CommentPolicyAdmin(SingletonAdmin):
    def view_on_site(self, obj):
        return obj.get_absolute_url()


class ArticleCommentSettingsInline(admin.StackedInline):
    model = ArticleCommentSettings
    can_delete = False
    max_num = 1
    fields = ["close_after_days"]
    verbose_name_plural = _("comment settings")


@admin.display(description=_("waiting for approval"))
def pending_comments(article):
    count = Comment.objects.pending().filter(article=article).count()
    url = reverse("admin:comments_comment_changelist")
    return format_html(
        '<a href="{}?status__exact=pending&amp;article__id__exact={}">{}</a>',
        url,
        article.pk,
        ngettext(
            "%(count)d comment is waiting for approval",
            "%(count)d comments are waiting for approval",
            count,
        )
        % {"count": count},
    )


# What an article's admin page shows of its comments: its own closing rule, and a link to
# the comments that wait (the articles app offers this extension point; see its admin).
register_article_panel(
    ArticlePanel(
        title=_("Comments"),
        inlines=(ArticleCommentSettingsInline,),
        displays=(pending_comments,),
    )
)


def waiting_comments(request) -> DashboardContent | None:
    """The admin index's panel: how many comments wait, and the oldest few."""
    if not request.user.has_perm("comments.view_comment"):
        return None
    waiting = Comment.objects.pending()
    count = waiting.count()
    queue_url = reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    headline: StrOrPromise
    if count:
        headline = ngettext(
            "%(count)d comment is waiting for approval",
            "%(count)d comments are waiting for approval",
            count,
        ) % {"count": count}
    else:
        headline = _("No comments are waiting for approval.")
    oldest = waiting.select_related("article").order_by("created_at")[:5] if count else []
    return DashboardContent(
        headline=headline,
        list_url=queue_url,
        lines=[
            DashboardLine(
                comment.excerpt,
                reverse("admin:comments_comment_change", args=[comment.pk]),
                comment.article.title,
            )
            for comment in oldest
        ],
        urgent=bool(count),
    )


# The comments that wait, on the redactie's start page (the articles app's extension point).
register_dashboard_panel(
    DashboardPanel("comments.waiting", _("Comments"), waiting_comments, order=10)
)
