from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles.models.addresses import KeepsOldSlugs
from articles.models.publishing import (
    Publishable,
    published_condition,
    scheduled_condition,
)
from articles.models.related import RelatedArticlesQuerySet
from articles.models.sharing import SharedArticle
from toolbox.renditions import add_renditions, add_share_rendition, picture_for, share_image_for
from toolbox.richtext import RichTextField
from toolbox.uploads import (
    FOCUS_X_HELP,
    FOCUS_X_LABEL,
    FOCUS_Y_HELP,
    FOCUS_Y_LABEL,
    CleanImageField,
    FocusField,
    GeneratedName,
)

SLUG_HELP = _(
    "The last part of the web address. If you change it, the old address keeps working: "
    "it leads to the new one."
)


class Series(KeepsOldSlugs):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=SLUG_HELP)
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences shown on the series page.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:series", kwargs={"slug": self.slug})


class SpeakerQuerySet(models.QuerySet):
    def bloggers(self):
        return self.filter(is_blogger=True)

    def listed(self):
        """The speakers readers can find (search, sitemap): bloggers and everybody who
        appears in a published article."""
        in_published = ArticleSpeaker.objects.filter(
            article__in=Article.objects.published()
        ).values("speaker_id")
        return self.filter(Q(is_blogger=True) | Q(pk__in=in_published))


class Speaker(KeepsOldSlugs):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=SLUG_HELP)
    function = models.CharField(
        _("function"), max_length=120, blank=True, help_text=_('For example "directeur".')
    )
    organisation = models.CharField(
        _("organisation"), max_length=160, blank=True, help_text=_('For example "PBLQ".')
    )
    photo = CleanImageField(
        _("photo"),
        upload_to=GeneratedName("speakers"),
        width_field="photo_width",
        height_field="photo_height",
        blank=True,
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_focus_x = FocusField(FOCUS_X_LABEL, help_text=FOCUS_X_HELP)
    photo_focus_y = FocusField(FOCUS_Y_LABEL, help_text=FOCUS_Y_HELP)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for readers who cannot see it, e.g. 'Portret van ...'."),
    )
    bio = models.TextField(_("short bio"), blank=True)
    is_blogger = models.BooleanField(
        _("is a blogger"),
        default=False,
        help_text=_(
            "Tick to show this person in the Bloggers block and give them a blogger page. "
            "Their photo and short bio appear there."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            # A photo without a description is unreadable for screen-reader users.
            models.CheckConstraint(
                condition=Q(photo="") | ~Q(photo_alt=""), name="speaker_photo_has_alt"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:speaker", kwargs={"slug": self.slug})

    def get_blogger_url(self):
        return reverse("articles:blogger", kwargs={"slug": self.slug})

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": _("Describe the photo for readers who cannot see it.")}
            )

    @property
    def picture(self):
        return picture_for(self, "photo")

    @property
    def shared_image(self):
        return share_image_for(self, "photo")


add_renditions(Speaker, "photo", (160, 320))
add_share_rendition(Speaker, "photo", crop=False)


class ArticleQuerySet(RelatedArticlesQuerySet):
    def for_cards(self):
        """Everything an article card shows, in a fixed number of queries."""
        return self.select_related("series").prefetch_related("tags")

    def for_page(self):
        """Everything the article page shows, in a fixed number of queries."""
        speakers = ArticleSpeaker.objects.select_related("speaker").order_by("position", "pk")
        return self.select_related("series", "author", "blogger").prefetch_related(
            Prefetch("article_speakers", queryset=speakers), "tags"
        )

    def with_speaker(self, speaker):
        return self.filter(article_speakers__speaker=speaker)

    def blog_posts(self):
        return self.filter(blogger__isnull=False)

    def latest_blog_post_per_blogger(self):
        """Each blogger's newest published post, plus every scheduled post.

        The scheduled ones let a cached copy pick the right post when one of them
        becomes due, without a query: see `newest_per_blogger`.
        """
        # Asked per blogger (a handful), each an index seek (article_blogger_idx): asking
        # per post scanned every blog post (about 100 ms at 50,000 articles).
        newest = (
            Article.objects.filter(published_condition(), blogger=OuterRef("pk"))
            .order_by("-publish_at", "-pk")
            .values("pk")[:1]
        )
        newest_per_blogger = Speaker.objects.bloggers().annotate(post=Subquery(newest))
        return (
            self.blog_posts()
            .filter(blogger__is_blogger=True)
            .filter(Q(pk__in=newest_per_blogger.values("post")) | scheduled_condition())
            .select_related("blogger")
            .order_by("-publish_at", "-pk")
        )


class Article(SharedArticle, Publishable):
    class Kind(models.TextChoices):
        NEWS = "news", _("News article")
        BLOG = "blog", _("Blog post")

    lead = models.TextField(
        _("lead"), help_text=_("The introduction paragraph, shown in bold above the text.")
    )
    body = RichTextField(
        _("text"),
        blank=True,
        help_text=_("Use subheadings (H2) to divide the text into parts."),
    )
    image = CleanImageField(
        _("main image"),
        upload_to=GeneratedName("articles"),
        width_field="image_width",
        height_field="image_height",
        blank=True,
        help_text=_("JPEG, PNG, WebP or GIF, at most 10 MB and 40 megapixels."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_focus_x = FocusField(FOCUS_X_LABEL, help_text=FOCUS_X_HELP)
    image_focus_y = FocusField(FOCUS_Y_LABEL, help_text=FOCUS_Y_HELP)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe what the image shows for readers who cannot see it. "
            "Required, unless the image is purely decorative."
        ),
    )
    image_is_decorative = models.BooleanField(
        _("image is decorative"),
        default=False,
        help_text=_("Tick only if the image adds no information; screen readers then skip it."),
    )
    image_caption = models.CharField(_("caption"), max_length=250, blank=True)
    image_credit = models.CharField(
        _("credit"), max_length=120, blank=True, help_text=_("Photographer or source.")
    )
    tags = TaggableManager(_("tags"), blank=True, help_text=_("One tag per line."))
    speakers = models.ManyToManyField(
        Speaker, through="ArticleSpeaker", related_name="articles", blank=True
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("Optional, for example Reuringcafé."),
    )
    blogger = models.ForeignKey(
        Speaker,
        verbose_name=_("blogger"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="blog_posts",
        limit_choices_to={"is_blogger": True},
        help_text=_(
            "Only for blog posts: choose the blogger who wrote it. The article then appears "
            "on their blogger page and in the Bloggers block."
        ),
    )
    related_whitepapers = models.ManyToManyField(
        "articles.Whitepaper",
        verbose_name=_("related whitepapers"),
        related_name="related_articles",
        blank=True,
        help_text=_("Shown below the article. Leave empty to show whitepapers with the same tags."),
    )
    related_articles = models.ManyToManyField(
        "self",
        verbose_name=_("related articles"),
        symmetrical=False,
        blank=True,
        help_text=_(
            "Shown first under “Related” below the article; the site adds articles with "
            "the same speakers, tags or series."
        ),
    )
    allow_comments = models.BooleanField(_("allow comments"), default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    objects = ArticleQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Who may see what readers cannot yet: see publishing.can_preview.
        permissions = [
            (
                "preview_unpublished",
                _("Can preview drafts and scheduled items and download gated whitepapers"),
            ),
            # Who may publish, schedule and take back: see publishing.can_publish. It
            # covers whitepapers too: one decision about what readers see.
            ("publish_content", _("Can publish, schedule and take back articles and whitepapers")),
        ]
        indexes = [
            # Every public list filters on status and sorts on publish_at; with unpublish_at
            # counting the published articles (the pages of Nieuws) reads only the index.
            models.Index(
                fields=["status", "-publish_at", "unpublish_at"], name="article_published_idx"
            ),
            # A blogger's newest post (the bloggers block).
            models.Index(fields=["blogger", "status", "-publish_at"], name="article_blogger_idx"),
            # What goes offline next (the page cache's next moment of change).
            models.Index(fields=["status", "unpublish_at"], name="article_unpublish_idx"),
        ]
        constraints = [
            # An informative image needs a text alternative (WCAG 1.1.1).
            models.CheckConstraint(
                condition=Q(image="") | Q(image_is_decorative=True) | ~Q(image_alt=""),
                name="article_image_has_alt_or_is_decorative",
            ),
            # An article that would go offline before it goes online is a typing error.
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("publish_at")),
                name="article_offline_after_online",
            ),
        ]

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.image and not self.image_is_decorative and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": _(
                        "Describe the image, or tick 'image is decorative' if it adds nothing."
                    )
                }
            )

    @property
    def kind(self) -> "Article.Kind":
        """An article with a blogger is a blog post; every other article is news."""
        return self.Kind.BLOG if self.blogger_id else self.Kind.NEWS

    @property
    def image_text_alternative(self):
        return "" if self.image_is_decorative else self.image_alt

    @property
    def picture(self):
        return picture_for(self, "image")

    @property
    def ordered_speakers(self):
        """The speakers as they appeared in this article (uses the prefetch of for_page)."""
        return list(self.article_speakers.all())


add_renditions(Article, "image", (400, 800, 1200, 1600))
add_share_rendition(Article, "image")
add_share_rendition(Article, "share_image")


class ArticleSpeaker(models.Model):
    """A speaker in an article, in order, with the role they had at that moment."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_speakers")
    speaker = models.ForeignKey(
        Speaker,
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        related_name="article_roles",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    function = models.CharField(
        _("function in this article"),
        max_length=160,
        blank=True,
        help_text=_("Leave empty to use the speaker's current function."),
    )
    organisation = models.CharField(
        _("organisation in this article"),
        max_length=160,
        blank=True,
        help_text=_("Leave empty to use the speaker's current organisation."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("speaker in this article")
        verbose_name_plural = _("speakers in this article")
        constraints = [
            models.UniqueConstraint(fields=["article", "speaker"], name="speaker_once_per_article"),
        ]

    def __str__(self):
        return str(self.speaker)

    @property
    def shown_function(self):
        return self.function or self.speaker.function

    @property
    def shown_organisation(self):
        return self.organisation or self.speaker.organisation
