"""Admin for whitepapers and the requests (leads) for gated ones."""

import csv

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles.admin.addresses import KeepsOldAddressesAdmin
from articles.admin.publishing import PublicationStateFilter, PublishingAdmin, visibility
from articles.models import Whitepaper, WhitepaperLead
from toolbox.admin import RecordAdminMixin
from toolbox.history import HistoryAdminMixin
from toolbox.tags import TagLinesField
from toolbox.uploads import PdfField

# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@admin.register(Whitepaper)
class WhitepaperAdmin(HistoryAdminMixin, PublishingAdmin, KeepsOldAddressesAdmin):
    list_display = ["title", visibility, "access", "publish_at", "download_count", "lead_count"]
    list_filter = [PublicationStateFilter, "access", "tags", "publish_at"]
    search_fields = ["title", "teaser", "audience"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "publication_state",
        "current_pdf",
        "download_count",
        "created_at",
        "updated_at",
    ]
    save_on_top = True
    # The PDF has no public address to link to as "Currently: ..."; see current_pdf.
    formfield_overrides = {
        PdfField: {"widget": forms.FileInput(attrs={"accept": ".pdf"})},
        TaggableManager: {"form_class": TagLinesField},
    }
    fieldsets = [
        (None, {"fields": ["title", "slug", "audience", "teaser", "summary"]}),
        (
            _("Files"),
            {"fields": ["cover", ("cover_focus_x", "cover_focus_y"), "pdf", "current_pdf"]},
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "publication_state",
                    "status",
                    "publish_at",
                    "unpublish_at",
                    "access",
                    "tags",
                ]
            },
        ),
        (
            _("Statistics"),
            {"fields": ["download_count", "created_at", "updated_at", "old_addresses"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(lead_total=Count("leads"))

    @admin.display(description=_("requests"), ordering="lead_total")
    def lead_count(self, whitepaper):
        return whitepaper.lead_total

    @admin.display(description=_("current PDF"))
    def current_pdf(self, whitepaper):
        if not whitepaper.pk or not whitepaper.pdf:
            return "–"
        return format_html(
            '<a href="{}">{}</a> ({} kB)',
            reverse("articles:whitepaper_download", kwargs={"slug": whitepaper.slug}),
            whitepaper.download_filename,
            round(whitepaper.pdf_size / 1024),
        )

    def view_on_site(self, whitepaper):
        return whitepaper.get_absolute_url()


@admin.register(WhitepaperLead)
class WhitepaperLeadAdmin(RecordAdminMixin, admin.ModelAdmin):
    """Requests come from readers through the form only: staff view, export or erase them."""

    list_display = ["name", "organisation", "email", "whitepaper", "created_at"]
    list_filter = ["whitepaper", "created_at"]
    list_select_related = ["whitepaper"]
    search_fields = ["name", "email", "organisation"]
    date_hierarchy = "created_at"
    actions = ["export_csv"]
    readonly_fields = ["whitepaper", "name", "email", "organisation", "consented_at", "created_at"]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "subtitle": _("Requests are erased automatically after %(days)s days.")
            % {"days": settings.REURING_WHITEPAPER_LEAD_DAYS},
        }
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Export the selected requests as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="whitepaper-requests-{stamp}.csv"'
        response.write("\ufeff")  # Lets spreadsheet programs read the accents as UTF-8.
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [_("whitepaper"), _("name"), _("e-mail address"), _("organisation"), _("requested")]
        )
        for lead in queryset.select_related("whitepaper").order_by("created_at"):
            writer.writerow(
                [
                    csv_cell(lead.whitepaper.title),
                    csv_cell(lead.name),
                    csv_cell(lead.email),
                    csv_cell(lead.organisation),
                    timezone.localtime(lead.created_at).strftime("%Y-%m-%d %H:%M"),
                ]
            )
        return response
