from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reuring import sharing
from reuring.models import (
    AccessibilityIssue,
    AccessibilityStatement,
    Colophon,
    PrivacyStatement,
    Promotion,
    SiteDetails,
)
from toolbox.admin import SingletonAdmin


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
class SiteDetailsAdmin(SingletonAdmin):
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
class PromotionAdmin(admin.ModelAdmin):
    list_display = ["title", "placement", "position", "active_from", "active_until", "shown_now"]
    list_editable = ["position"]
    list_filter = [PromotionStateFilter, "placement"]
    search_fields = ["title", "text", "link"]
    fieldsets = [
        (None, {"fields": ["title", "text", "link", "image"]}),
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
