"""The article admin's share fields: how a shared link looks, with a live length hint."""

from django.utils.translation import gettext_lazy as _

# Characters shown in full: Google and LinkedIn cut titles near 60 and descriptions
# near 160; descriptions under about 50 look empty.
LENGTHS = {"share_title": (0, 60), "share_description": (50, 160)}

SHARE_FIELDSET_TITLE = _("Sharing and search engines")
SHARE_FIELDS = ("share_title", "share_description", "share_image", "share_image_alt")
SHARE_FIELDSET_DESCRIPTION = _(
    "How the article looks when someone shares it on LinkedIn, X or elsewhere, and "
    "in search results. Leave a field empty to use the title, the lead and the main "
    "image."
)


def length_hint_attributes(field_name: str) -> dict[str, str]:
    """The data attributes static/articles/length-hint.js reads, with translated texts."""
    least, best = LENGTHS[field_name]
    return {
        "data-length-best": str(best),
        "data-length-least": str(least),
        "data-hint-empty": str(_("Empty: the article's own text is used.")),
        "data-hint-good": str(_("{count} characters: shown in full (up to about {best}).")),
        "data-hint-short": str(
            _("{count} characters: short. Aim for {least} to {best} characters.")
        ),
        "data-hint-long": str(
            _("{count} characters: {over} more than is shown in full (about {best}).")
        ),
    }


class ShareFieldsAdmin:
    """For ArticleAdmin: the length hint on the share title and description."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]
        if formfield is not None and db_field.name in LENGTHS:
            formfield.widget.attrs.update(length_hint_attributes(db_field.name))
        return formfield
