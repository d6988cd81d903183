from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import WhitepaperLead


class WhitepaperRequestForm(forms.ModelForm):
    """The short form before a gated whitepaper: who asks, and their consent."""

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

    def save(self, commit=True):
        self.instance.consented_at = timezone.now()
        return super().save(commit)
