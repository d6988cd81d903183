"""Whitepapers: PDFs the redactie offers for download, openly or after a short form."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles.models.publishing import Publishable, PublishableQuerySet, scheduled_condition
from toolbox import signing
from toolbox.formguard import form_id_field, single_use_constraint
from toolbox.renditions import add_renditions, add_share_rendition, picture_for, share_image_for
from toolbox.richtext import RichTextField
from toolbox.storage import private_storage
from toolbox.uploads import (
    FOCUS_X_HELP,
    FOCUS_X_LABEL,
    FOCUS_Y_HELP,
    FOCUS_Y_LABEL,
    CleanImageField,
    FocusField,
    GeneratedName,
    PdfField,
)

RELATED_COUNT = 3
LATEST_COUNT = 2
DOWNLOAD_PURPOSE = "articles.whitepaper-download"


class WhitepaperQuerySet(PublishableQuerySet):
    def for_blocks(self):
        """The latest published whitepapers, plus the scheduled ones.

        A cached copy filters on the publication moment when it is shown (see
        `latest_of`), so a scheduled whitepaper appears on time without a query.
        """
        latest = self.published().order_by("-publish_at", "-pk").values("pk")[:LATEST_COUNT]
        return self.filter(Q(pk__in=Subquery(latest)) | scheduled_condition()).order_by(
            "-publish_at", "-pk"
        )

    def related_to(self, article, *, limit=RELATED_COUNT):
        """The whitepapers the editor chose for `article`, else those sharing its tags.

        One query: both kinds are fetched together and marked, then sorted chosen first.
        Uses the article's prefetched tags.
        """
        tag_ids = [tag.pk for tag in article.tags.all()]
        chosen = Exists(
            Whitepaper.related_articles.through.objects.filter(
                article_id=article.pk, whitepaper_id=OuterRef("pk")
            )
        )
        candidates = Q(chosen=True)
        if tag_ids:
            candidates |= Q(
                pk__in=Whitepaper.tags.through.objects.filter(
                    tag_id__in=tag_ids,
                    content_type__app_label="articles",
                    content_type__model="whitepaper",
                ).values("object_id")
            )
        rows = list(
            self.published()
            .annotate(chosen=chosen)
            .filter(candidates)
            .order_by("-chosen", "-publish_at", "-pk")[:limit]
        )
        picked = [whitepaper for whitepaper in rows if whitepaper.chosen]
        return picked or rows


def latest_of(whitepapers, count=LATEST_COUNT):
    """From a (cached) `for_blocks()` list: the `count` newest that are published now."""
    return [whitepaper for whitepaper in whitepapers if whitepaper.is_published][:count]


class Whitepaper(Publishable):
    class Access(models.TextChoices):
        OPEN = "open", _("Open download")
        FORM = "form", _("Download after a short form")

    audience = models.CharField(
        _("audience"),
        max_length=200,
        blank=True,
        help_text=_('Who it is for, e.g. "Voor bestuurders, managers en veranderaars".'),
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=600,
        help_text=_(
            "One or two sentences. The Whitepapers block shows the start of it, "
            "cut off with an ellipsis."
        ),
    )
    summary = RichTextField(
        _("summary"),
        blank=True,
        help_text=_("What the reader learns from the whitepaper. Shown on its page."),
    )
    cover = CleanImageField(
        _("cover"),
        upload_to=GeneratedName("whitepapers/covers"),
        width_field="cover_width",
        height_field="cover_height",
        blank=True,
        help_text=_("The front page of the whitepaper as an image: JPEG, PNG, WebP or GIF."),
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_focus_x = FocusField(FOCUS_X_LABEL, help_text=FOCUS_X_HELP)
    cover_focus_y = FocusField(FOCUS_Y_LABEL, help_text=FOCUS_Y_HELP)
    pdf = PdfField(
        _("PDF file"),
        upload_to=GeneratedName("whitepapers"),
        storage=private_storage,
        help_text=_(
            "The whitepaper itself, as a PDF of at most 25 MB. Readers download it "
            "through the site; the file is never published at an address of its own."
        ),
    )
    pdf_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    access = models.CharField(
        _("download"),
        max_length=10,
        choices=Access.choices,
        default=Access.OPEN,
        help_text=_(
            "With a short form, readers leave their name, e-mail address and organisation "
            "and get a download link that works for a limited time."
        ),
    )
    tags = TaggableManager(
        _("tags"),
        blank=True,
        help_text=_("One tag per line. Articles with the same tags show this whitepaper."),
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    objects = WhitepaperQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("whitepaper")
        verbose_name_plural = _("whitepapers")
        indexes = [
            # The list and the block filter on status and sort on publish_at.
            models.Index(fields=["status", "-publish_at"], name="whitepaper_published_idx"),
            # What goes offline next (the page cache's next moment of change).
            models.Index(fields=["status", "unpublish_at"], name="whitepaper_unpublish_idx"),
        ]
        constraints = [
            # A whitepaper that would go offline before it goes online is a typing error.
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("publish_at")),
                name="whitepaper_offline_after_online",
            ),
        ]

    def save(self, *args, **kwargs):
        if self.pdf and not getattr(self.pdf, "_committed", True):  # a new upload
            self.pdf_size = self.pdf.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:whitepaper", kwargs={"slug": self.slug})

    @property
    def picture(self):
        return picture_for(self, "cover")

    @property
    def shared_image(self):
        return share_image_for(self, "cover")

    @property
    def block_text(self):
        """What the Whitepapers block shows before it cuts off: audience, then teaser."""
        return f"{self.audience} {self.teaser}".strip()

    @property
    def is_gated(self):
        return self.access == self.Access.FORM

    @property
    def download_filename(self):
        return f"{self.slug}.pdf"

    def open_download_url(self):
        return reverse("articles:whitepaper_download", kwargs={"slug": self.slug})

    def record_download(self):
        """Count one download in the database itself, safe with concurrent readers."""
        Whitepaper.objects.filter(pk=self.pk).update(download_count=F("download_count") + 1)


add_renditions(Whitepaper, "cover", (240, 480))
add_share_rendition(Whitepaper, "cover", crop=False)


class LeadQuerySet(models.QuerySet):
    def past_retention(self, *, days=None, now=None):
        """Leads older than the retention period, which must be erased."""
        days = settings.REURING_WHITEPAPER_LEAD_DAYS if days is None else days
        return self.filter(created_at__lt=(now or timezone.now()) - timedelta(days=days))


class WhitepaperLead(models.Model):
    """Who asked for a gated whitepaper. Kept only for REURING_WHITEPAPER_LEAD_DAYS."""

    whitepaper = models.ForeignKey(
        Whitepaper, verbose_name=_("whitepaper"), on_delete=models.CASCADE, related_name="leads"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=160)
    consented_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    # The id of the form the request came from: each form stores one request at most.
    form_id = form_id_field()

    objects = LeadQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("whitepaper request")
        verbose_name_plural = _("whitepaper requests")
        constraints = [
            # A form sent again (a retry, a replay) never stores a second request.
            single_use_constraint("whitepaperlead_form_used_once"),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    def download_token(self):
        """A signed, timestamped token naming this lead and its whitepaper."""
        payload = {"lead": self.pk, "whitepaper": self.whitepaper_id}
        return signing.make_token(payload, purpose=DOWNLOAD_PURPOSE)


class DownloadLinkExpired(Exception):
    pass


class DownloadLinkInvalid(Exception):
    pass


def lead_for_download_token(token, *, whitepaper) -> WhitepaperLead:
    """The lead a download link was made for, if it is genuine, current and for `whitepaper`.

    Raises DownloadLinkExpired for a genuine link past its lifetime, DownloadLinkInvalid for
    anything else (a guess, a tampered token, another whitepaper's link, an erased lead).
    """
    max_age = timedelta(hours=settings.REURING_WHITEPAPER_LINK_HOURS).total_seconds()
    try:
        payload = signing.read_token(token, purpose=DOWNLOAD_PURPOSE, max_age_seconds=max_age)
    except signing.TokenExpired:
        raise DownloadLinkExpired from None
    except signing.TokenInvalid:
        raise DownloadLinkInvalid from None
    if not isinstance(payload, dict) or payload.get("whitepaper") != whitepaper.pk:
        raise DownloadLinkInvalid
    lead_id = payload.get("lead")
    if not isinstance(lead_id, int):
        raise DownloadLinkInvalid
    lead = WhitepaperLead.objects.filter(pk=lead_id, whitepaper=whitepaper).first()
    if lead is None:
        raise DownloadLinkInvalid
    return lead
