"""Stable addresses: a changed slug keeps its old address working, for ever.

Every slug an article, speaker, series or whitepaper had while readers could see it is
kept as an `OldSlug` pointing at the item itself (not at the next slug), so an address
shared years ago still leads to the item after any number of changes, in one redirect.
`KeepsOldSlugs.save()` records them; articles.views.addresses turns a 404 on an old slug
into a permanent redirect.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _


class OldSlugQuerySet(models.QuerySet):
    def for_item(self, item):
        return self.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).order_by("-created_at", "-pk")

    def current_slug(self, model: type[models.Model], old_slug: str) -> str | None:
        """The slug today of the item of `model` that once had `old_slug` (one query)."""
        item_id = self.filter(
            content_type=ContentType.objects.get_for_model(model), slug=old_slug
        ).values("object_id")[:1]
        return (
            model._default_manager.filter(pk=Subquery(item_id))
            .values_list("slug", flat=True)
            .first()
        )


class OldSlug(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(_("old slug"), max_length=200)
    created_at = models.DateTimeField(_("changed"), auto_now_add=True)

    objects = OldSlugQuerySet.as_manager()

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            # One old slug leads to one item of a kind; the latest item to give it up wins.
            models.UniqueConstraint(fields=["content_type", "slug"], name="old_slug_unique"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="old_slug_item_idx")]

    def __str__(self):
        return self.slug


class KeepsOldSlugs(models.Model):
    """Records the old slug when a saved item's slug changes (see the module docstring).

    The slug as loaded is remembered in from_db(), so noticing a change costs no query.
    Saving does this rather than a signal because the record belongs to the same change:
    it is written in the same transaction. Only QuerySet.update() of a slug skips it.
    """

    class Meta:
        abstract = True

    slug: str  # the models define the field
    _loaded_slug: str | None = None
    # Set by save(): the slug that now redirects, for the admin to tell the editor.
    replaced_slug: str | None = None

    def save(self, *args, **kwargs):
        old_slug = self._loaded_slug
        with transaction.atomic():
            if old_slug is not None and old_slug != self.slug and self.had_public_address():
                super().save(*args, **kwargs)
                self._keep_old_slug(old_slug)
                self.replaced_slug = old_slug
            else:
                super().save(*args, **kwargs)
                self.replaced_slug = None
        self._loaded_slug = self.slug

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        if "slug" in field_names:
            instance._loaded_slug = values[list(field_names).index("slug")]
        return instance

    def had_public_address(self) -> bool:
        """Whether readers could reach the item at its stored address. Things without a
        publication status (speakers, series) always could."""
        return True

    def _keep_old_slug(self, old_slug: str) -> None:
        kind = ContentType.objects.get_for_model(self)
        OldSlug.objects.update_or_create(
            content_type=kind, slug=old_slug, defaults={"object_id": self.pk}
        )
        # The new slug is a live address again, not an old one.
        OldSlug.objects.filter(content_type=kind, slug=self.slug).delete()
