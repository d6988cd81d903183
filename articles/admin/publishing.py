"""Admin pieces shared by everything that is published: the visibility filter and column."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Publishable


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("visibility")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Visible to readers")),
            ("scheduled", _("Scheduled")),
            ("draft", _("Draft")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "live":
                return queryset.published()
            case "scheduled":
                return queryset.scheduled()
            case "draft":
                return queryset.drafts()
        return queryset


@admin.display(description=_("visibility"), ordering="status")
def visibility(item: Publishable):
    if item.is_published:
        return _("Visible to readers")
    if item.is_scheduled:
        return _("Scheduled")
    return _("Draft")
