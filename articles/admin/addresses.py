"""The admin tells editors what happens to the old address when they change a slug."""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import OldSlug


def old_path(item, old_slug: str) -> str:
    """The item's address as it was with `old_slug` (the slug is one part of the path)."""
    return item.get_absolute_url().replace(f"/{item.slug}/", f"/{old_slug}/", 1)


class KeepsOldAddressesAdmin(admin.ModelAdmin):
    """For models with KeepsOldSlugs: a message when a slug change left an old address
    behind, and the earlier addresses on the change page (add "old_addresses" to the
    fields)."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "old_addresses"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.replaced_slug:
            self.message_user(
                request,
                format_html(
                    gettext(
                        "The web address changed. The old address {old} keeps working: "
                        "it leads readers to {new}."
                    ),
                    old=old_path(obj, obj.replaced_slug),
                    new=obj.get_absolute_url(),
                ),
                messages.WARNING,
            )

    @admin.display(description=_("earlier addresses"))
    def old_addresses(self, obj):
        rows = OldSlug.objects.for_item(obj) if obj and obj.pk else []
        if not rows:
            return _("None: the address never changed after publication.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((old_path(obj, row.slug),) for row in rows)),
        )
