"""Tags edited one per line: no quoting syntax to learn (django-taggit's own field wants
`"leren en ontwikkelen", AI`). Knows no app of ours; works with any TaggableManager."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_TAG_LENGTH = 100  # taggit's Tag.name
# A line break separates tags; so does a comma, typed out of habit. Quotes around a tag,
# from the old syntax, are dropped.
SEPARATORS = re.compile(r"[\n\r,]+")
QUOTES = "\"'“”‘’"


def parse_tag_lines(text: str) -> list[str]:
    """The tags in `text`, one per line, in the order typed, without blanks or repeats."""
    names: list[str] = []
    for part in SEPARATORS.split(text or ""):
        name = " ".join(part.strip().strip(QUOTES).split())
        if name and name not in names:
            names.append(name)
    return names


def tag_names(value) -> list[str]:
    """Names from what a form holds: tag objects, strings or a text as typed."""
    if value is None:
        return []
    if isinstance(value, str):
        return parse_tag_lines(value)
    return sorted(getattr(tag, "name", str(tag)) for tag in value)


class TagLinesWidget(forms.Textarea):
    def __init__(self, attrs=None):
        super().__init__({"rows": 4, "cols": 40, "spellcheck": "true", **(attrs or {})})

    def format_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return "\n".join(tag_names(value))


class TagLinesField(forms.CharField):
    """A form field for a TaggableManager: `formfield_overrides` or `formfield(form_class=…)`."""

    widget = TagLinesWidget
    default_error_messages = {
        "too_long": _("A tag has at most %(limit)d characters: %(tag)s"),
    }

    def clean(self, value):
        names = parse_tag_lines(super().clean(value))
        for name in names:
            if len(name) > MAX_TAG_LENGTH:
                raise forms.ValidationError(
                    self.error_messages["too_long"],
                    code="too_long",
                    params={"limit": MAX_TAG_LENGTH, "tag": name[:40] + "…"},
                )
        return names

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return sorted(tag_names(initial)) != sorted(tag_names(data))
