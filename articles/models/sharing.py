"""What an article looks like when it is shared and in search results: the editor's
overrides of its title, description and image, and what is used when they are empty
(see reuring.structured_data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from toolbox.renditions import share_image_for
from toolbox.uploads import CleanImageField, GeneratedName

SHARE_TITLE_MAX = 120
SHARE_DESCRIPTION_MAX = 300
SHARE_DESCRIPTION_FROM_LEAD = 160


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut between words with "…" when too long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


class SharedArticle(models.Model):
    """For Article, which has the title, lead, image and image_text_alternative used here."""

    title: str
    lead: str

    share_title = models.CharField(
        _("title when shared"),
        max_length=SHARE_TITLE_MAX,
        blank=True,
        help_text=_(
            "The title on LinkedIn, X and other networks, and in search engines. Empty: the "
            "title above. Up to about 60 characters is shown in full."
        ),
    )
    share_description = models.TextField(
        _("description when shared"),
        max_length=SHARE_DESCRIPTION_MAX,
        blank=True,
        help_text=_(
            "One or two sentences under the title in a shared link and in search results. "
            "Empty: the start of the lead. Between about 50 and 160 characters is shown in full."
        ),
    )
    share_image = CleanImageField(
        _("image when shared"),
        upload_to=GeneratedName("articles/share"),
        blank=True,
        help_text=_(
            "Empty: the main image. The networks show it 1200 x 630 pixels (landscape); "
            "what falls outside that shape is cut off."
        ),
    )
    share_image_alt = models.CharField(
        _("description of the image when shared"),
        max_length=250,
        blank=True,
        help_text=_("What the image when shared shows, for readers who cannot see it."),
    )

    class Meta:
        abstract = True

    @property
    def image_text_alternative(self) -> str:
        raise NotImplementedError("Article describes its main image")

    @property
    def shared_title(self) -> str:
        return self.share_title or self.title

    @property
    def shared_description(self) -> str:
        if self.share_description:
            return self.share_description
        return shorten(self.lead, SHARE_DESCRIPTION_FROM_LEAD)

    @property
    def shared_image(self):
        """The 1200x630 share rendition of the share image, else of the main image."""
        return share_image_for(self, "share_image") or share_image_for(self, "image")

    @property
    def shared_image_alt(self) -> str:
        return self.share_image_alt if self.share_image else self.image_text_alternative
