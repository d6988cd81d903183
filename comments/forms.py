"""The reader's comment form, layered like django-contrib-comments' forms.

First the security fields (signed, single-use: see toolbox.formguard; tampering is a 400, a
stale or hurried form is a friendly error), then the reader's fields, then a honeypot.
The whitepaper request form shares the same defences.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from comments.models import MAX_LENGTH, NAME_MAX_LENGTH, Comment
from comments.moderation import moderator
from comments.text import normalise_newlines
from toolbox.formguard import FormGuard, GuardedFormMixin
from toolbox.params import WholeNumberField
from toolbox.text import has_visible_text

SIGNING_PURPOSE = "comments.forms.CommentForm"
INVISIBLE_ONLY = _(
    "This contains only invisible characters. Type letters or numbers that others can read."
)


def comment_guard(article) -> FormGuard:
    return FormGuard(purpose=SIGNING_PURPOSE, target_field="article", target=article.pk)


def security_data(article, timestamp: int | None = None) -> dict[str, str]:
    """The signed hidden fields for a fresh form on `article`."""
    return comment_guard(article).fresh_fields(timestamp)


class ReaderTextField(forms.CharField):
    """Text as the reader meant it: CRLF counted and stored as one line break."""

    def to_python(self, value):
        if isinstance(value, str):
            value = normalise_newlines(value)
        return super().to_python(value)


class CommentForm(GuardedFormMixin, forms.Form):
    name = ReaderTextField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Shown above your comment."),
        error_messages={
            "required": _("Fill in your name."),
            "max_length": _("Your name is too long: at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Required. We never show it."),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in an e-mail address like name@example.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = ReaderTextField(
        label=_("Your comment"),
        max_length=MAX_LENGTH,
        help_text=_("At most 3,000 characters. Web addresses become links."),
        widget=forms.Textarea(attrs={"rows": 6, "data-counter": "true"}),
        error_messages={
            "required": _("Write your comment."),
            "max_length": _(
                "Your comment is too long: at most %(limit_value)d characters, "
                "you have %(show_value)d. Please make it shorter."
            ),
        },
    )
    parent = WholeNumberField(
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("The comment you are replying to is no longer available.")},
    )
    notify = forms.BooleanField(
        label=_("Send me an e-mail when my comment is published"), required=False
    )

    def __init__(self, article, *args, **kwargs):
        self.target_article = article
        kwargs.setdefault("auto_id", "reactie-%s")
        super().__init__(*args, **kwargs)
        self.guard_with(comment_guard(article))
        for name in ("name", "body"):
            # No maxlength in the page: browsers cut pasted text off silently. The
            # counter and the server's message say when it is too long instead.
            self.fields[name].widget.attrs.pop("maxlength", None)

    # --- The reader's fields

    def clean_name(self):
        return self._visible_text("name", _("Fill in your name."))

    def clean_body(self):
        return self._visible_text("body", _("Write your comment."))

    def _visible_text(self, field, message):
        value = self.cleaned_data[field]
        # Surrounding blank space is not part of what the reader wrote.
        value = value.strip()
        if not value:
            raise forms.ValidationError(message, code="required")
        if not has_visible_text(value):
            raise forms.ValidationError(INVISIBLE_ONLY, code="invisible")
        return value

    def clean_email(self):
        return Comment.normalise_email(self.cleaned_data["email"])

    def clean_parent(self):
        parent_pk = self.cleaned_data.get("parent")
        if parent_pk is None:
            return None
        parent = moderator.shown_top_level(self.target_article).filter(pk=parent_pk).first()
        if parent is None:
            raise forms.ValidationError(
                _("The comment you are replying to is no longer available."), code="parent"
            )
        return parent

    def error_summary(self):
        """Every error once, with the id of its field to link to (None for the form as a whole)."""
        summary: list[tuple[str | None, object]] = [
            (None, message) for message in self.non_field_errors()
        ]
        for name in ("name", "email", "body", "parent"):
            for message in self.errors.get(name, []):
                target = self[name].id_for_label if name != "parent" else None
                summary.append((target, message))
        return summary
