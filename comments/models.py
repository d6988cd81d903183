from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from toolbox.formguard import form_id_field, single_use_constraint
from toolbox.richtext import RichTextField
from toolbox.singleton import SingletonModel

# Comments per page of the article; the rest is behind "Oudere reacties".
COMMENTS_PER_PAGE = 50


def newest_first() -> bool:
    """Whether the newest comments come first (COMMENTS_ORDER), else the oldest."""
    return settings.COMMENTS_ORDER == "newest"


# Approving, rejecting and marking as spam; see Comment.Meta.permissions.
MODERATE_PERMISSION = "comments.can_moderate"
MAX_LENGTH = 3000
NAME_MAX_LENGTH = 80


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def by_email(self, email: str):
        return self.filter(email=Comment.normalise_email(email))

    def pending_first(self):
        """The moderation queue: what waits for a moderator on top, newest first."""
        return self.annotate(
            queue_rank=Case(
                When(status=Comment.Status.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("queue_rank", "-created_at", "-pk")

    def with_expired_email(self, *, now=None):
        """Moderated comments whose e-mail address has been kept long enough."""
        now = now or timezone.now()
        cutoff = now - timedelta(days=settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS)
        return self.exclude(email="").filter(moderated_at__lte=cutoff)

    def refused_and_expired(self, *, now=None):
        """Rejected comments and spam kept long enough: nobody will ever see them again."""
        now = now or timezone.now()
        cutoff = now - timedelta(days=settings.COMMENTS_ERASE_EMAIL_AFTER_DAYS)
        return self.filter(
            status__in=[Comment.Status.REJECTED, Comment.Status.SPAM], moderated_at__lte=cutoff
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    class HeldReason(models.TextChoices):
        NONE = "", _("Every comment is checked")
        LINKS = "links", _("Two or more links")
        MODERATION_WORD = "moderation_word", _("Word on the moderation list")
        BLOCK_WORD = "block_word", _("Word on the block list")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        # A reply outlives the comment it answered (e.g. after an erasure request).
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_("Never shown on the site. Erased automatically some time after moderation."),
    )
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    held_reason = models.CharField(
        _("reason held"), max_length=20, choices=HeldReason.choices, blank=True
    )
    held_detail = models.CharField(
        _("details of the reason"),
        max_length=200,
        blank=True,
        help_text=_("For example the word that was found."),
    )
    notify_on_approval = models.BooleanField(_("e-mail the author when approved"), default=False)
    is_staff_reply = models.BooleanField(
        _("reply of the organisation"),
        default=False,
        help_text=_("Written by a staff member; marked as such on the site."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    # The id of the form this comment came from: each form stores one comment at most.
    form_id = form_id_field()

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("can_moderate", _("Can approve, reject and mark comments as spam"))]
        indexes = [
            # The article page lists the approved comments of one article in order.
            models.Index(fields=["article", "status", "created_at"], name="comment_article_idx"),
            # The moderation queue: pending first, newest first.
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
            # Erasure requests, flood checks and the trusted-author rule look up by e-mail.
            models.Index(fields=["email"], name="comment_email_idx"),
            # The daily erasure finds comments moderated before a cutoff.
            models.Index(fields=["moderated_at"], name="comment_moderated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected", "spam"]),
                name="comment_status_is_known",
            ),
            # What is shown must have been looked at: approval, rejection and spam are moderation.
            models.CheckConstraint(
                condition=Q(status="pending") | Q(moderated_at__isnull=False),
                name="comment_moderated_has_moment",
            ),
            # A form sent again (a retry, a replay) never stores a second comment.
            single_use_constraint("comment_form_used_once"),
        ]

    def __str__(self):
        return f"{self.name}: {Truncator(self.body).chars(60)}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.loaded_status = self.status

    def get_absolute_url(self):
        """The article page (on the right page of comments) at this comment's anchor."""
        top = self.parent if self.parent_id and self.parent else self
        earlier = Q(created_at__lt=top.created_at) | Q(created_at=top.created_at, pk__lt=top.pk)
        later = Q(created_at__gt=top.created_at) | Q(created_at=top.created_at, pk__gt=top.pk)
        counts = (
            Comment.objects.approved()
            .top_level()
            .filter(article_id=self.article_id)
            .aggregate(before=Count("pk", filter=later if newest_first() else earlier))
        )
        page = counts["before"] // COMMENTS_PER_PAGE + 1
        # Newest first opens on page 1; oldest first on the last page, so name the page.
        named = page > 1 or not newest_first()
        query = f"?reacties={page}" if named else ""
        return f"{self.article.get_absolute_url()}{query}#{self.anchor}"

    # The status as stored before this save: whether a save changes what readers see
    # (reuring.signals). None for a comment not yet stored.
    loaded_status: str | None = None

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        comment = super().from_db(db, field_names, values, **kwargs)
        # A deferred status may have been anything: assume it was shown.
        comment.loaded_status = comment.__dict__.get("status", Comment.Status.APPROVED)
        return comment

    @staticmethod
    def normalise_email(email: str) -> str:
        return email.strip().lower()

    @property
    def excerpt(self):
        return Truncator(self.body).chars(120)

    @property
    def anchor(self):
        return f"reactie-{self.pk}"


class ModerationAction(models.Model):
    """One moderator decision on one comment: who, when, from which status to which."""

    class Result(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        DELETED = "deleted", _("Deleted")

    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        # The record of a deletion stays when the comment is gone.
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_actions",
    )
    comment_number = models.PositiveBigIntegerField(
        _("comment number"), help_text=_("Kept when the comment itself is deleted.")
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_actions",
        help_text=_("Empty when the site decided by itself (trusted author)."),
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Result.choices)
    to_status = models.CharField(_("to"), max_length=10, choices=Result.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self):
        change = f"{self.get_from_status_display()} → {self.get_to_status_display()}"
        return f"#{self.comment_number}: {change}"


class WordRule(models.Model):
    """A word that holds a comment for a moderator, or sends it straight to spam."""

    class Action(models.TextChoices):
        HOLD = "hold", _("Hold for moderation")
        BLOCK = "block", _("Mark as spam")

    word = models.CharField(
        _("word or phrase"),
        max_length=100,
        help_text=_("Matched as a whole word, capitals or not."),
    )
    action = models.CharField(
        _("what happens"), max_length=5, choices=Action.choices, default=Action.HOLD
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["action", "word"]
        verbose_name = _("word rule")
        verbose_name_plural = _("moderation and block words")
        constraints = [
            # One rule per word, or the two lists could disagree about it.
            models.UniqueConstraint(Lower("word"), name="word_rule_word_unique"),
        ]

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip()
        super().save(*args, **kwargs)


class CommentPolicy(SingletonModel):
    """The comment policy page ("reactiebeleid"), one record edited by staff."""

    title = models.CharField(_("title"), max_length=120, default="Reactiebeleid")
    body = RichTextField(
        _("text"),
        help_text=_("What readers may post, how moderation works and what is stored for how long."),
    )

    class Meta(SingletonModel.Meta):
        verbose_name = _("comment policy")
        verbose_name_plural = _("comment policy")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("comments:policy")


class ArticleCommentSettings(models.Model):
    """Per-article exceptions to the site's comment rules."""

    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="comment_settings",
    )
    close_after_days = models.PositiveSmallIntegerField(
        _("close comments after (days)"),
        null=True,
        blank=True,
        help_text=_(
            "Days after publication that readers can comment. Leave empty for the site default."
        ),
    )

    class Meta:
        verbose_name = _("comment settings")
        verbose_name_plural = _("comment settings")

    def __str__(self):
        return str(self.article)


def comment_counts(article_ids) -> dict[int, int]:
    """Approved comments per article, for a whole list of articles in one query."""
    rows = (
        Comment.objects.approved()
        .filter(article_id__in=list(article_ids))
        .values_list("article_id")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return dict(rows)
