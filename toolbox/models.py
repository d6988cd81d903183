"""The toolbox's own records: what an editor typed and has not saved yet (toolbox.autosave)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """The last state of one editor's form for one item, kept until they save it, or for
    a few days (`REURING_AUTOSAVE_DAYS`). `object_id` is empty for an item not yet added."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(_("saved"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("unsaved text")
        verbose_name_plural = _("unsaved texts")
        constraints = [
            # One draft per editor and item: each autosave replaces the one before.
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="one_draft_per_user_and_item"
            ),
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id or '-'} ({self.user})"
