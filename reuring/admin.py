from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reuring import sharing
from reuring.models import Promotion, SiteDetails
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
