"""The one rich-text field of the site: what the editor offers is exactly what is kept.

django-prose-editor derives its nh3 allowlist from the same extensions the editor shows,
so the sanitiser and the editor cannot disagree. The field sanitises on every save, not
only in forms: `Model.objects.create()`, imports and scripts are cleaned too.
"""

from django_prose_editor.fields import ProseEditorField

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
}


class RichTextField(ProseEditorField):
    """Staff-written HTML, edited in the prose editor and sanitised whenever it is saved."""

    def __init__(self, *args, **kwargs):
        kwargs["extensions"] = RICH_TEXT_EXTENSIONS
        kwargs["sanitize"] = True
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        clean = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, clean)
        return clean
