"""Related articles ("Gerelateerd"): the editor's picks first, then what has most in common."""

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from taggit.models import TaggedItem

from articles.models.publishing import PublishableQuerySet

RELATED_COUNT = 4


def _count_of(rows, group_field):
    """How many of `rows` there are, as a subquery (0 when there are none)."""
    counted = rows.order_by().values(group_field).annotate(total=Count("pk")).values("total")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class RelatedArticlesQuerySet(PublishableQuerySet):
    """The base of ArticleQuerySet. Reaches the link tables through the article's model, so
    this module needs no import of it."""

    def related_to(self, article, *, limit=RELATED_COUNT):
        """The articles hand-picked for `article` first, then those sharing the most of
        its speakers, tags and series, newest first among equals. One query; uses the
        tags and speakers that for_page() prefetched."""
        tag_ids = [tag.pk for tag in article.tags.all()]
        speaker_ids = [role.speaker_id for role in article.article_speakers.all()]
        chosen = Exists(
            type(article).related_articles.through.objects.filter(
                from_article_id=article.pk, to_article_id=OuterRef("pk")
            )
        )
        shared_tags = _count_of(
            TaggedItem.objects.filter(
                content_type__app_label="articles",
                content_type__model="article",
                object_id=OuterRef("pk"),
                tag_id__in=tag_ids,
            ),
            "object_id",
        )
        shared_speakers = _count_of(
            type(article).speakers.through.objects.filter(
                article_id=OuterRef("pk"), speaker_id__in=speaker_ids
            ),
            "article_id",
        )
        same_series = (
            Case(When(series_id=article.series_id, then=Value(1)), default=Value(0))
            if article.series_id
            else Value(0)
        )
        return (
            self.published()
            .exclude(pk=article.pk)
            .annotate(chosen=chosen, score=shared_tags + shared_speakers + same_series)
            .filter(Q(chosen=True) | Q(score__gt=0))
            .select_related("series")
            .order_by("-chosen", "-score", "-publish_at", "-pk")[:limit]
        )
