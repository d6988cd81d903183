"""Site-wide content the redactie edits: the site details and the promotions."""

import re

from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from articles.models.publishing import moments
from reuring import sharing
from toolbox.renditions import add_renditions, picture_for
from toolbox.singleton import SingletonModel
from toolbox.uploads import (
    FOCUS_X_HELP,
    FOCUS_X_LABEL,
    FOCUS_Y_HELP,
    FOCUS_Y_LABEL,
    CleanImageField,
    FocusField,
    GeneratedName,
)

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{5,24}$",
    _("Enter a phone number with digits, spaces and dashes only, e.g. +31 70 376 36 36."),
)
# What a browser ignores in an address (tabs, line breaks) or reads as a slash (a
# backslash) would let "/\\evil.example" or "/<tab>/evil.example" leave the site.
_UNSAFE_IN_LINK = re.compile(r"[\s\\\x00-\x1f\x7f]")


@deconstructible
class PromotionLinkValidator:
    """A page of this site ("/nieuws/": one slash, then a path) or an https:// address.

    "//evil.example" and "/\\evil.example" start with a slash but take the reader to
    another site, so they are refused, as are http:// and every other scheme.
    """

    message = _(
        "Enter a page of this site starting with / (e.g. /nieuws/) "
        "or a full address starting with https://."
    )
    _absolute = URLValidator(schemes=["https"])

    def __call__(self, value: str) -> None:
        if not _UNSAFE_IN_LINK.search(value):
            if value.startswith("/") and not value.startswith("//"):
                return
            if value.startswith("https://"):
                try:
                    self._absolute(value)
                    return
                except ValidationError:
                    pass
        raise ValidationError(self.message, code="invalid")

    def __eq__(self, other):
        return isinstance(other, PromotionLinkValidator)


link_validator = PromotionLinkValidator()


def default_share_networks():
    return list(sharing.DEFAULT_KEYS)


class SiteDetails(SingletonModel):
    """The organisation's contact details, social profiles and share networks: one record."""

    organisation_name = models.CharField(_("organisation name"), max_length=120)
    visiting_street = models.CharField(
        _("visiting address"), max_length=120, blank=True, help_text=_("Street and number.")
    )
    visiting_postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    visiting_city = models.CharField(_("city"), max_length=80, blank=True)
    postal_box = models.CharField(
        _("postal address"), max_length=120, blank=True, help_text=_('For example "Postbus 18607".')
    )
    postal_postcode = models.CharField(_("postcode (postal address)"), max_length=12, blank=True)
    postal_city = models.CharField(_("city (postal address)"), max_length=80, blank=True)
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text=_("With the country code, e.g. +31 70 376 36 36: phones dial this number."),
    )
    phone_display = models.CharField(
        _("phone number as shown"),
        max_length=30,
        blank=True,
        help_text=_("How readers see the number, e.g. 070- 376 36 36. Empty: as above."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True, help_text=_("e.g. https://www.pblq.nl"))
    linkedin_url = models.URLField(
        _("LinkedIn page"), blank=True, help_text=_("The address of the organisation's page.")
    )
    linkedin_followers = models.PositiveIntegerField(
        _("LinkedIn followers"),
        null=True,
        blank=True,
        help_text=_(
            "Type the number as LinkedIn shows it; the site never contacts LinkedIn. "
            "Empty: no number is shown."
        ),
    )
    x_url = models.URLField(_("X (Twitter) profile"), blank=True)
    bluesky_url = models.URLField(_("Bluesky profile"), blank=True)
    mastodon_url = models.URLField(_("Mastodon profile"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    share_networks = models.JSONField(
        _("share links below articles"),
        default=default_share_networks,
        blank=True,
        help_text=_("The ways readers can share an article. Nothing is sent until they click."),
    )

    class Meta(SingletonModel.Meta):
        verbose_name = _("site details")
        verbose_name_plural = _("site details")

    def __str__(self):
        return str(_("Contact details and social media"))

    def clean(self):
        unknown = [key for key in self.share_networks or [] if key not in sharing.BY_KEY]
        if unknown:
            raise ValidationError({"share_networks": _("Unknown share network.")})

    @property
    def phone_uri(self):
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""

    @property
    def shown_phone(self):
        return self.phone_display or self.phone

    @property
    def shown_website(self):
        """The address without https:// and a trailing slash, as the seed shows it."""
        return re.sub(r"^https?://", "", self.website).rstrip("/")

    @property
    def social_profiles(self):
        """(label, address) of each social profile that is filled in, LinkedIn first."""
        profiles = [
            ("LinkedIn", self.linkedin_url),
            ("X", self.x_url),
            ("Bluesky", self.bluesky_url),
            ("Mastodon", self.mastodon_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in profiles if url]

    def organisation_data(self, *, home_url: str) -> dict:
        """schema.org Organization data for search engines, from what is filled in."""
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.organisation_name,
            "url": self.website or home_url,
        }
        if self.email:
            data["email"] = self.email
        if self.phone:
            data["telephone"] = self.phone
        addresses = []
        if self.visiting_street:
            addresses.append(
                {
                    "@type": "PostalAddress",
                    "streetAddress": self.visiting_street,
                    "postalCode": self.visiting_postcode,
                    "addressLocality": self.visiting_city,
                    "addressCountry": "NL",
                }
            )
        if self.postal_box:
            addresses.append(
                {
                    "@type": "PostalAddress",
                    "postOfficeBoxNumber": self.postal_box,
                    "postalCode": self.postal_postcode,
                    "addressLocality": self.postal_city,
                    "addressCountry": "NL",
                }
            )
        if addresses:
            data["address"] = addresses if len(addresses) > 1 else addresses[0]
        if self.social_profiles:
            data["sameAs"] = [url for _label, url in self.social_profiles]
        return data


class PromotionQuerySet(models.QuerySet):
    def not_ended(self, now=None):
        """Running or still to come: a cached copy filters on the moment it is shown."""
        now = now or timezone.now()
        return self.filter(Q(active_until__isnull=True) | Q(active_until__gt=now))

    def moments_of_change(self, *, after) -> list[models.QuerySet]:
        """Single-column queries of the moments after `after` at which a promotion starts
        or ends (see PublishableQuerySet.moments_of_change)."""
        return [
            moments(self.filter(active_from__gt=after), "active_from"),
            moments(self.filter(active_until__gt=after), "active_until"),
        ]


class Promotion(models.Model):
    """A teaser for a traineeship, a course, a vacancy: shown in a place for a period."""

    class Placement(models.TextChoices):
        SIDEBAR = "sidebar", _("Sidebar")
        BELOW_ARTICLE = "below_article", _("Below the article")
        HOME = "home", _("Home page")

    title = models.CharField(_("title"), max_length=160)
    text = models.CharField(
        _("short text"), max_length=300, blank=True, help_text=_("One sentence at most.")
    )
    link = models.CharField(
        _("link"),
        max_length=500,
        validators=[link_validator],
        help_text=_(
            "A page of this site (starting with /, e.g. /nieuws/) or a full address "
            "(starting with https://)."
        ),
    )
    image = CleanImageField(
        _("image"),
        upload_to=GeneratedName("promotions"),
        width_field="image_width",
        height_field="image_height",
        blank=True,
        help_text=_("Optional. Shown small next to the text; it is treated as decoration."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_focus_x = FocusField(FOCUS_X_LABEL, help_text=FOCUS_X_HELP)
    image_focus_y = FocusField(FOCUS_Y_LABEL, help_text=FOCUS_Y_HELP)
    placement = models.CharField(
        _("placement"), max_length=20, choices=Placement.choices, default=Placement.SIDEBAR
    )
    active_from = models.DateTimeField(
        _("show from"), default=timezone.now, help_text=_("It appears by itself at this moment.")
    )
    active_until = models.DateTimeField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_("It disappears by itself at this moment. Empty: until you remove it."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PromotionQuerySet.as_manager()

    class Meta:
        ordering = ["placement", "position", "pk"]
        verbose_name = _("promotion")
        verbose_name_plural = _("promotions")
        constraints = [
            # A window that ends before it starts would never show; refuse it.
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_until__gt=models.F("active_from")),
                name="promotion_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.active_until and self.active_from and self.active_until <= self.active_from:
            raise ValidationError({"active_until": _("The end must come after the start.")})

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.active_from <= now and (self.active_until is None or now < self.active_until)

    @property
    def picture(self):
        return picture_for(self, "image")


add_renditions(Promotion, "image", (160, 320))


class LoginLockout(AccessAttempt):
    """Failed admin logins as django-axes counts them, one row per user name and address:
    our Dutch admin for them (Admin → Mislukte aanmeldingen en blokkades), where removing a row
    unlocks that user name from that address."""

    class Meta:
        proxy = True
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins and lockouts")


# The public-sector pages' models live in their own module; imported here so Django finds them.
from reuring.statements import (  # noqa: E402
    AccessibilityIssue,
    AccessibilityStatement,
    Colophon,
    PrivacyStatement,
)

__all__ = [
    "AccessibilityIssue",
    "AccessibilityStatement",
    "Colophon",
    "LoginLockout",
    "PrivacyStatement",
    "Promotion",
    "SiteDetails",
]
