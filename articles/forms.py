from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import WhitepaperLead
from toolbox.formguard import FormGuard, GuardedFormMixin, create_once
from toolbox.text import has_visible_text

SIGNING_PURPOSE = "articles.forms.WhitepaperRequestForm"
INVISIBLE_ONLY = _("This contains only invisible characters. Type letters or numbers.")


def whitepaper_guard(whitepaper) -> FormGuard:
    return FormGuard(purpose=SIGNING_PURPOSE, target_field="whitepaper", target=whitepaper.pk)


class WhitepaperRequestForm(GuardedFormMixin, forms.ModelForm):
    """The short form before a gated whitepaper: who asks, and their consent.

    It has the comment form's defences (signed single-use fields, timing, honeypot; see
    toolbox.formguard); the view adds the flood and hourly limits.
    """

    consent = forms.BooleanField(
        label=_("I agree that my details are stored for this purpose, as described above."),
        error_messages={
            "required": _("Tick the box to agree. Without your consent we cannot send the link.")
        },
    )

    class Meta:
        model = WhitepaperLead
        fields = ["name", "email", "organisation"]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail address"),
            "organisation": _("Your organisation"),
        }
        error_messages = {
            "name": {"required": _("Fill in your name.")},
            "email": {
                "required": _("Fill in your e-mail address."),
                "invalid": _("Fill in an e-mail address like name@example.nl."),
            },
            "organisation": {"required": _("Fill in the organisation you work for.")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, whitepaper, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.whitepaper = whitepaper
        self.guard_with(whitepaper_guard(whitepaper))

    def _visible(self, field):
        value = self.cleaned_data[field]
        if not has_visible_text(value):
            raise forms.ValidationError(INVISIBLE_ONLY, code="invisible")
        return value

    def clean_name(self):
        return self._visible("name")

    def clean_organisation(self):
        return self._visible("organisation")

    def save(self, commit=True):
        self.instance.consented_at = timezone.now()
        self.instance.form_id = self.form_id
        return super().save(commit)

    def save_once(self) -> WhitepaperLead:
        """Store the request, once per form: the same request again gets the stored one,
        another with this form raises FormReused."""
        lead, _created = create_once(
            WhitepaperLead.objects.all(),
            form_id=self.form_id,
            create=self.save,
            is_same=lambda stored: (
                (stored.whitepaper_id, stored.email)
                == (self.instance.whitepaper_id, self.cleaned_data["email"])
            ),
        )
        return lead
