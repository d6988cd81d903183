"""The pages a Dutch public-sector site must have, edited by the redactie in the admin:
the accessibility statement (toegankelijkheidsverklaring, in the structure of the model
statement of digitoegankelijk.nl), the privacy statement and the colophon.

Facts the software knows are never typed: what the privacy statement says is collected
and for how long comes from the settings (reuring.privacy), and the organisation's name
and address from the site details.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from toolbox.richtext import RichTextField
from toolbox.singleton import SingletonModel


class AccessibilityStatement(SingletonModel):
    class Status(models.TextChoices):
        # The statuses of digitoegankelijk.nl's register.
        A = "A", _("A: meets the requirements in full")
        B = "B", _("B: meets the requirements in part")
        C = "C", _("C: first measures taken")
        D = "D", _("D: no measures taken yet")
        E = "E", _("E: does not meet the requirements")

    status = models.CharField(
        _("status"),
        max_length=1,
        choices=Status.choices,
        default=Status.D,
        help_text=_(
            "As in the register of digitoegankelijk.nl. A or B only after a full evaluation "
            "against WCAG 2.1 AA by an expert."
        ),
    )
    statement_date = models.DateField(
        _("date of the statement"), help_text=_("When this statement was drawn up or updated.")
    )
    evaluated_on = models.DateField(
        _("evaluated on"),
        null=True,
        blank=True,
        help_text=_("When the site was last evaluated. Empty: not evaluated yet."),
    )
    evaluated_by = models.CharField(
        _("evaluated by"),
        max_length=200,
        blank=True,
        help_text=_("The organisation or expert who did the evaluation."),
    )
    evaluation_method = models.CharField(
        _("method"),
        max_length=200,
        blank=True,
        default="WCAG-EM, WCAG 2.1 niveau AA",
        help_text=_("How the site was evaluated, e.g. “WCAG-EM, WCAG 2.1 niveau AA”."),
    )
    report_url = models.URLField(
        _("evaluation report"), blank=True, help_text=_("The address of the evaluation report.")
    )
    measures = RichTextField(
        _("what we do"),
        blank=True,
        help_text=_("What the organisation does to keep the site accessible and to fix problems."),
    )
    approved_by = models.CharField(
        _("approved by"),
        max_length=200,
        blank=True,
        help_text=_("The person responsible who approved this statement, with their function."),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    contact_email = models.EmailField(
        _("e-mail address for accessibility questions"),
        blank=True,
        help_text=_("Empty: the e-mail address of the site details."),
    )
    contact_phone = models.CharField(
        _("phone number for accessibility questions"),
        max_length=30,
        blank=True,
        help_text=_("Empty: the phone number of the site details."),
    )
    response_days = models.PositiveSmallIntegerField(_("answer within (working days)"), default=5)

    class Meta(SingletonModel.Meta):
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statement")

    def __str__(self):
        return str(_("Accessibility statement"))


class AccessibilityIssue(models.Model):
    """A known problem: what does not work, for whom, and when it is fixed."""

    statement = models.ForeignKey(
        AccessibilityStatement, on_delete=models.CASCADE, related_name="issues"
    )
    description = models.TextField(
        _("problem"), help_text=_("What does not work, and for whom, in plain words.")
    )
    criterion = models.CharField(
        _("WCAG success criterion"),
        max_length=60,
        blank=True,
        help_text=_("For example “1.4.3 Contrast (minimum)”."),
    )
    cause = models.CharField(
        _("cause"),
        max_length=300,
        blank=True,
        help_text=_("Why it is so, e.g. “a video of a partner without subtitles”."),
    )
    planned_fix = models.CharField(_("what we do about it"), max_length=300, blank=True)
    fixed_by = models.DateField(_("fixed by"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("known problem")
        verbose_name_plural = _("known problems")

    def __str__(self):
        return self.description[:60]


class PrivacyStatement(SingletonModel):
    """What staff add to the privacy statement; the facts come from reuring.privacy."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional. Shown above what the site collects."),
    )
    officer_name = models.CharField(
        _("data protection officer"),
        max_length=200,
        blank=True,
        help_text=_("The functionaris gegevensbescherming, if the organisation has one."),
    )
    officer_email = models.EmailField(_("e-mail address of the officer"), blank=True)
    requests_email = models.EmailField(
        _("e-mail address for privacy requests"),
        blank=True,
        help_text=_(
            "Where readers ask to see or erase their data. Empty: the site's e-mail address."
        ),
    )
    more = RichTextField(
        _("more information"),
        blank=True,
        help_text=_("Optional. Shown at the end, e.g. other processing by the organisation."),
    )

    class Meta(SingletonModel.Meta):
        verbose_name = _("privacy statement")
        verbose_name_plural = _("privacy statement")

    def __str__(self):
        return str(_("Privacy statement"))


class Colophon(SingletonModel):
    body = RichTextField(
        _("text"),
        help_text=_("Who makes the site: editors, design, photography, technology."),
    )

    class Meta(SingletonModel.Meta):
        verbose_name = _("colophon")
        verbose_name_plural = _("colophon")

    def __str__(self):
        return str(_("Colophon"))
