from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from reuring import sharing
from reuring.models import (
    AccessibilityIssue,
    AccessibilityStatement,
    Colophon,
    LoginLockout,
    PrivacyStatement,
    Promotion,
    SiteDetails,
)
from toolbox.admin import RecordAdminMixin, SingletonAdmin
from toolbox.history import HistoryAdminMixin, register_history

register_history(SiteDetails)
register_history(Promotion)


class SiteDetailsForm(forms.ModelForm):
    share_networks = forms.MultipleChoiceField(
        label=_("share links below articles"),
        choices=[(network.key, network.label) for network in sharing.NETWORKS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The ways readers can share an article. Nothing is sent until they click."),
    )

    class Meta:
        model = SiteDetails
        fields = ["share_networks"]  # The admin adds the other fields from its fieldsets.


@admin.register(SiteDetails)
class SiteDetailsAdmin(HistoryAdminMixin, SingletonAdmin):
    """Every page shows these details: one record, changed but never removed."""

    form = SiteDetailsForm
    fieldsets = [
        (None, {"fields": ["organisation_name"]}),
        (
            _("Addresses"),
            {
                "fields": [
                    "visiting_street",
                    ("visiting_postcode", "visiting_city"),
                    "postal_box",
                    ("postal_postcode", "postal_city"),
                ]
            },
        ),
        (
            _("Phone, e-mail and website"),
            {"fields": ["phone", "phone_display", "email", "website"]},
        ),
        (_("LinkedIn"), {"fields": ["linkedin_url", "linkedin_followers"]}),
        (
            _("Other social media"),
            {
                "fields": [
                    "x_url",
                    "bluesky_url",
                    "mastodon_url",
                    "facebook_url",
                    "instagram_url",
                    "youtube_url",
                ]
            },
        ),
        (_("Sharing"), {"fields": ["share_networks"]}),
    ]


class PromotionStateFilter(admin.SimpleListFilter):
    title = _("shown now")
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("now", _("Shown now")), ("later", _("Still to come")), ("ended", _("Ended"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case "now":
                return queryset.not_ended(now).filter(active_from__lte=now)
            case "later":
                return queryset.filter(active_from__gt=now)
            case "ended":
                return queryset.filter(active_until__lte=now)
        return queryset


@admin.register(Promotion)
class PromotionAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["title", "placement", "position", "active_from", "active_until", "shown_now"]
    list_editable = ["position"]
    list_filter = [PromotionStateFilter, "placement"]
    search_fields = ["title", "text", "link"]
    fieldsets = [
        (None, {"fields": ["title", "text", "link", "image", ("image_focus_x", "image_focus_y")]}),
        (_("Where and when"), {"fields": ["placement", "position", "active_from", "active_until"]}),
    ]

    @admin.display(description=_("shown now"), boolean=True)
    def shown_now(self, promotion):
        return promotion.is_active()


# --- The public-sector pages (reuring.statements) ---------------------------------------


class AccessibilityIssueInline(admin.StackedInline):
    model = AccessibilityIssue
    extra = 0
    fields = ["description", "criterion", "cause", "planned_fix", "fixed_by", "position"]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(SingletonAdmin):
    inlines = [AccessibilityIssueInline]
    fieldsets = [
        (None, {"fields": ["status", "statement_date"]}),
        (
            _("Evaluation"),
            {"fields": ["evaluated_on", "evaluated_by", "evaluation_method", "report_url"]},
        ),
        (_("What we do"), {"fields": ["measures"]}),
        (_("Approval"), {"fields": ["approved_by", "approved_on"]}),
        (
            _("Feedback and contact"),
            {"fields": ["contact_email", "contact_phone", "response_days"]},
        ),
    ]

    def view_on_site(self, obj):
        return reverse("accessibility")


@admin.register(PrivacyStatement)
class PrivacyStatementAdmin(SingletonAdmin):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "introduction",
                    "requests_email",
                    "officer_name",
                    "officer_email",
                    "more",
                ],
                "description": _(
                    "What the site collects, why and for how long is written by the site "
                    "itself, from its settings, so it stays true when they change."
                ),
            },
        ),
    ]

    def view_on_site(self, obj):
        return reverse("privacy")


@admin.register(Colophon)
class ColophonAdmin(SingletonAdmin):
    fields = ["body"]

    def view_on_site(self, obj):
        return reverse("colophon")


@admin.register(LoginLockout)
class LoginLockoutAdmin(RecordAdminMixin, admin.ModelAdmin):
    """Who failed to log in, from where, and whether that is locked out now; unlock here."""

    list_display = ["user_name", "address", "failures", "last_attempt", "locked"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    fields = readonly_fields = ("user_name", "address", "failures", "last_attempt", "locked")
    actions = ["unlock"]

    # django-axes labels its fields in English only; these columns say it in Dutch.
    @admin.display(description=_("user name"), ordering="username")
    def user_name(self, attempt):
        return attempt.username

    @admin.display(description=_("internet address"), ordering="ip_address")
    def address(self, attempt):
        return attempt.ip_address

    @admin.display(description=_("wrong passwords"), ordering="failures_since_start")
    def failures(self, attempt):
        return attempt.failures_since_start

    @admin.display(description=_("last attempt"), ordering="attempt_time")
    def last_attempt(self, attempt):
        return attempt.attempt_time

    @admin.display(description=_("locked out now"), boolean=True)
    def locked(self, attempt):
        cools_off = attempt.attempt_time + settings.AXES_COOLOFF_TIME
        return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT and (
            timezone.now() < cools_off
        )

    @admin.action(permissions=["delete"], description=_("Unlock: allow logging in again"))
    def unlock(self, request, queryset):
        count = queryset.count()
        queryset.delete()
        message = ngettext("%d user name unlocked.", "%d user names unlocked.", count)
        self.message_user(request, message % count, messages.SUCCESS)
