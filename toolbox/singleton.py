"""A base for models that hold exactly one record, such as the site's contact details."""

from typing import Self

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SINGLETON_PK = 1


class SingletonModel(models.Model):
    """One row, always with primary key 1: saving any instance writes that row."""

    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        constraints = [
            # A second row would make "the" record ambiguous.
            models.CheckConstraint(
                condition=Q(pk=SINGLETON_PK), name="%(app_label)s_%(class)s_one_row"
            ),
        ]

    def save(self, *args, **kwargs):
        self.pk = SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> Self | None:
        """The record, or None before anyone filled it in (one query)."""
        return cls._default_manager.filter(pk=SINGLETON_PK).first()
