"""Preview links: a draft shown to someone without an account, such as a speaker who
checks their quotes before publication.

A link names a random key and its signature, so it cannot be guessed or made up, and it
works for one article only. It stops working when it expires (REURING_PREVIEW_LINK_DAYS by
default, editable per link), when the redactie revokes it, and once the article is
published (then readers and the link's holder see the article itself).
"""

import secrets
from datetime import timedelta
from typing import cast

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.news import Article
from toolbox import signing

PREVIEW_PURPOSE = "articles.preview-link"


def new_key() -> str:
    return secrets.token_urlsafe(18)


def default_expiry():
    return timezone.now() + timedelta(days=settings.REURING_PREVIEW_LINK_DAYS)


class PreviewLinkQuerySet(models.QuerySet):
    def for_token(self, token: str) -> "PreviewLink | None":
        """The link a token names if its signature is genuine, whatever its state."""
        key, _dot, given = token.partition(".")
        if (
            not key
            or not given
            or not signing.has_valid_signature(key, given, purpose=PREVIEW_PURPOSE)
        ):
            return None
        return cast("PreviewLink | None", self.filter(key=key).first())


class PreviewLink(models.Model):
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    note = models.CharField(
        _("for whom"),
        max_length=160,
        blank=True,
        help_text=_('For example "Leo Smits, to check his quotes".'),
    )
    expires_at = models.DateTimeField(
        _("works until"),
        default=default_expiry,
        help_text=_("After this moment the link shows a message instead of the article."),
    )
    revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("Tick to stop the link working at once.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return self.note or str(_("Preview link"))

    def get_absolute_url(self):
        return reverse("articles:preview", kwargs={"slug": self.article.slug, "token": self.token})

    @property
    def token(self) -> str:
        return f"{self.key}.{signing.signature(self.key, purpose=PREVIEW_PURPOSE)}"

    def works_at(self, moment) -> bool:
        """Whether the link shows the draft at `moment` (publication aside)."""
        return not self.revoked and moment < self.expires_at
