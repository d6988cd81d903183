"""The reader's comment form, layered like django-contrib-comments' forms.

First the security fields (a signed timestamp: tampering is a 400, a stale or
hurried form is a friendly error), then the reader's fields, then a honeypot.
"""

import time

from django import forms
from django.utils.translation import gettext_lazy as _

from comments.models import MAX_LENGTH, NAME_MAX_LENGTH, Comment
from comments.moderation import moderator
from comments.text import normalise_newlines
from toolbox import signing
from toolbox.params import WholeNumberField

SIGNING_PURPOSE = "comments.forms.CommentForm"
# Readers need at least this long to type a comment; bots are faster.
MIN_SECONDS = 3
# Older forms may come from a page left open for days, or from a replayed bot.
MAX_AGE_SECONDS = 2 * 60 * 60

HONEYPOT_FIELD = "website"


def security_hash(article_pk, timestamp) -> str:
    return signing.signature(f"{article_pk}-{timestamp}", purpose=SIGNING_PURPOSE)


def security_data(article, timestamp: int | None = None) -> dict[str, str]:
    """The signed hidden fields for a fresh form on `article`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {
        "article": str(article.pk),
        "timestamp": str(timestamp),
        "security_hash": security_hash(article.pk, timestamp),
    }


class ReaderTextField(forms.CharField):
    """Text as the reader meant it: CRLF counted and stored as one line break."""

    def to_python(self, value):
        if isinstance(value, str):
            value = normalise_newlines(value)
        return super().to_python(value)


class CommentForm(forms.Form):
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
    # The honeypot: hidden from people by CSS and from assistive technology.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    article = forms.CharField(widget=forms.HiddenInput)
    timestamp = forms.CharField(widget=forms.HiddenInput)
    security_hash = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, article, *args, **kwargs):
        self.target_article = article
        kwargs.setdefault("auto_id", "reactie-%s")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.update(security_data(article))
        for name in ("name", "body"):
            # No maxlength in the page: browsers cut pasted text off silently. The
            # counter and the server's message say when it is too long instead.
            self.fields[name].widget.attrs.pop("maxlength", None)

    # --- Security: these are not reader mistakes but a forged or automated post.

    def is_tampered(self) -> bool:
        """True if the signed fields were changed or the honeypot was filled in."""
        data = self.data
        article_pk = str(data.get("article", ""))
        timestamp = str(data.get("timestamp", ""))
        signature = str(data.get("security_hash", ""))
        if article_pk != str(self.target_article.pk) or not timestamp.isdigit():
            return True
        if not signing.has_valid_signature(
            f"{article_pk}-{timestamp}", signature, purpose=SIGNING_PURPOSE
        ):
            return True
        return bool(data.get(HONEYPOT_FIELD, ""))

    def fresh_security_data(self) -> dict[str, str]:
        """New signed fields for showing this form again (the old ones may have expired)."""
        return security_data(self.target_article)

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

    def clean(self):
        cleaned = super().clean()
        age = time.time() - int(self.data.get("timestamp", "0") or 0)
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _("You sent the form very quickly. Please check your comment and send it again."),
                code="too_fast",
            )
        if age > MAX_AGE_SECONDS:
            raise forms.ValidationError(
                _(
                    "This form was open for more than two hours. Your text is still here: "
                    "please send it again."
                ),
                code="stale",
            )
        return cleaned

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
