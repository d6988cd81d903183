"""The defences every public form shares, layered like django-contrib-comments' forms.

- Signed hidden fields: what the form is for (an article, a whitepaper), when it was
  opened, and a random id for this one copy of the form. Changing any of them is
  tampering (a 400); a form sent within seconds of opening, or hours later, is shown again
  with a friendly message and everything the reader typed.
- A single-use id: the model stores it with a unique constraint, so the same form stores
  at most one row. Sent again with the same content (a reader retrying after an outage),
  it returns that row; with other content it is a replay (`FormReused`).
- A honeypot field, hidden from people by CSS and from assistive technology.

Flood and hourly limits live in toolbox.ratelimit; the form id tells them a retry apart.
"""

import secrets
import time
from collections.abc import Callable
from html import escape
from typing import Any

from django import forms
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from toolbox import holes, signing
from toolbox.params import parse_whole_number

HONEYPOT_FIELD = "website"
FORM_ID_LENGTH = 22  # secrets.token_urlsafe(16)
# Readers need at least this long to fill in a form; bots are faster.
MIN_SECONDS = 3
# Older forms come from a page left open for days, or from a replayed bot.
MAX_AGE_SECONDS = 2 * 60 * 60

TOO_FAST = _("You sent the form very quickly. Please check it and send it again.")
STALE = _(
    "This form was open for more than two hours. What you typed is still here: "
    "please send it again."
)


class FormGuard:
    """The signed hidden fields of one public form for one target, and their checks."""

    def __init__(self, *, purpose: str, target_field: str, target: object):
        self.purpose = purpose
        self.target_field = target_field
        self.target = str(target)

    def _signature(self, timestamp: str, form_id: str) -> str:
        return signing.signature(f"{self.target}-{timestamp}-{form_id}", purpose=self.purpose)

    def fresh_fields(self, timestamp: int | None = None) -> dict[str, str]:
        """The hidden fields of a newly opened form, each copy with its own id."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        form_id = secrets.token_urlsafe(16)
        return {
            self.target_field: self.target,
            "timestamp": stamp,
            "form_id": form_id,
            "security_hash": self._signature(stamp, form_id),
        }

    def is_tampered(self, data) -> bool:
        """True if a signed field was changed or left out, or the honeypot was filled in."""
        values = [data.get(name, "") for name in (self.target_field, "timestamp", "form_id")]
        target, timestamp, form_id = (str(value) for value in values)
        if target != self.target or len(form_id) != FORM_ID_LENGTH:
            return True
        try:
            parse_whole_number(timestamp)
        except ValueError:
            return True
        if not signing.has_valid_signature(
            f"{target}-{timestamp}-{form_id}",
            str(data.get("security_hash", "")),
            purpose=self.purpose,
        ):
            return True
        return bool(data.get(HONEYPOT_FIELD, ""))

    def timing_problem(self, data, now: float | None = None) -> forms.ValidationError | None:
        """For an untampered form: too fast, too old, or None when the timing is human."""
        age = (time.time() if now is None else now) - int(data["timestamp"])
        if age < MIN_SECONDS:
            return forms.ValidationError(TOO_FAST, code="too_fast")
        if age > MAX_AGE_SECONDS:
            return forms.ValidationError(STALE, code="stale")
        return None


@holes.filler
def security_fields(request, purpose: str, target_field: str, target: str) -> str:
    fields = FormGuard(purpose=purpose, target_field=target_field, target=target).fresh_fields()
    # Runs on every page served from the cache: plain escaping, no template machinery, and
    # only of the target; the other fields are digits and URL-safe base64 of our own making.
    return "".join(
        f'<input type="hidden" name="{name}" value="{value}">\n'
        for name, value in (
            (escape(target_field), escape(fields[target_field])),
            ("timestamp", fields["timestamp"]),
            ("form_id", fields["form_id"]),
            ("security_hash", fields["security_hash"]),
        )
    )


class GuardedFormMixin:
    """For forms.Form and ModelForm: the guard's honeypot field and checks.

    Call `guard_with(guard)` in __init__ after super().__init__; check `is_tampered()`
    before `is_valid()`. Templates render `form.security_fields` and the honeypot
    with includes/form_guard.html.
    """

    guard: FormGuard
    data: Any
    fields: dict[str, forms.Field]

    def guard_with(self, guard: FormGuard) -> None:
        self.guard = guard
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def is_tampered(self) -> bool:
        return self.guard.is_tampered(self.data)

    @property
    def form_id(self) -> str:
        return str(self.data.get("form_id", ""))

    def reader_fields(self) -> list:
        """The fields the reader fills in: every field but the honeypot."""
        return [field for field in self if field.name != HONEYPOT_FIELD]  # type: ignore[attr-defined]

    def fresh_security_data(self) -> dict[str, str]:
        """New signed fields for showing this form (again: the old ones may have expired)."""
        return self.guard.fresh_fields()

    def security_fields(self) -> SafeString:
        """The signed hidden fields as HTML. Every copy of the form gets its own id and time,
        so on a page from the page cache they are a hole, filled in for each reader."""
        guard = self.guard
        return holes.per_reader(
            None,
            "toolbox.formguard.security_fields",
            guard.purpose,
            guard.target_field,
            guard.target,
        )

    def clean(self):
        cleaned = super().clean()  # type: ignore[misc]
        problem = self.guard.timing_problem(self.data)
        if problem:
            raise problem
        return cleaned


# --- Single use: the model keeps the form id of the row each form stored


def form_id_field() -> models.CharField:
    return models.CharField(max_length=FORM_ID_LENGTH, blank=True, editable=False)


def single_use_constraint(name: str) -> models.UniqueConstraint:
    """One row per form id (rows from before form ids, and erased ones, have none)."""
    return models.UniqueConstraint(fields=["form_id"], condition=~Q(form_id=""), name=name)


class FormReused(Exception):
    """A form that already stored something came back with other content: a replay."""


def create_once[Row: models.Model](
    rows: models.QuerySet[Row],
    *,
    form_id: str,
    create: Callable[[], Row],
    is_same: Callable[[Row], bool],
) -> tuple[Row, bool]:
    """`create()` (which stores a row with `form_id`) unless this form already stored one.

    Returns (row, created). The same submission again gets its earlier row back, so a
    retry never stores twice; different content raises FormReused.
    """
    existing = rows.filter(form_id=form_id).first()
    if existing is None:
        try:
            # A savepoint, so a lost race leaves the caller's transaction usable.
            with transaction.atomic():
                return create(), True
        except IntegrityError:
            # Sent twice at the same moment: the other request stored it first.
            existing = rows.filter(form_id=form_id).first()
            if existing is None:
                raise
    if not is_same(existing):
        raise FormReused
    return existing, False
