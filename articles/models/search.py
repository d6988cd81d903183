"""The site search's index: one row per article, blog post, speaker and whitepaper.

A row holds the words of its item (title, lead, text) and their Dutch stems (see
articles.search.text); articles.search keeps it in step when an item is saved, and
deleting the item deletes its row. Whether a row is shown is decided when searching,
by the items' own rules (`published()`), so the index never needs to know about them.

The full-text part is engine-specific (articles.search.backends): on PostgreSQL the
`vector` column with a GIN index; on SQLite an FTS5 table over the stem columns, kept in
step by triggers on this table. Django's SQLite schema editor rebuilds a table to alter
it, which drops those triggers: a migration that alters this model must end with
`articles.search.backends.install` (see migration 0004), as `rebuild_search_index` does.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models.news import Article, Speaker
from articles.models.whitepapers import Whitepaper


class SearchDocumentQuerySet(models.QuerySet):
    def visible(self):
        """Rows whose item readers may see now, by each item's own publication rules."""
        return self.filter(
            Q(article__in=Article.objects.published())
            | Q(whitepaper__in=Whitepaper.objects.published())
            | Q(speaker__in=Speaker.objects.listed())
        )


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        BLOG = "blog", _("Blog posts")
        SPEAKER = "speaker", _("Speakers")
        WHITEPAPER = "whitepaper", _("Whitepapers")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, null=True, related_name="search_document"
    )
    speaker = models.OneToOneField(
        Speaker, on_delete=models.CASCADE, null=True, related_name="search_document"
    )
    whitepaper = models.OneToOneField(
        Whitepaper, on_delete=models.CASCADE, null=True, related_name="search_document"
    )
    title = models.CharField(max_length=300)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_stems = models.TextField(blank=True)
    lead_stems = models.TextField(blank=True)
    body_stems = models.TextField(blank=True)
    # PostgreSQL only (NULL on SQLite): the weighted tsvector of the columns above.
    vector = SearchVectorField(null=True, editable=False)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index")
        constraints = [
            # A row describes exactly one item, or the search could not link to it.
            models.CheckConstraint(
                condition=(
                    Q(article__isnull=False, speaker__isnull=True, whitepaper__isnull=True)
                    | Q(article__isnull=True, speaker__isnull=False, whitepaper__isnull=True)
                    | Q(article__isnull=True, speaker__isnull=True, whitepaper__isnull=False)
                ),
                name="search_document_has_one_item",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def item(self) -> "Article | Speaker | Whitepaper":
        item = self.article or self.speaker or self.whitepaper
        assert item is not None, "a constraint makes every row describe one item"
        return item

    @property
    def published_at(self):
        item = self.article or self.whitepaper
        return item.publish_at if item else None
