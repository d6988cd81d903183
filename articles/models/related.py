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
# Candidates per tag, speaker and series of the article: the newest this many links.
# Scoring every published article scanned the whole table twice per article (about 2 s at
# 50,000 articles); a popular tag still only brings its newest articles, so the cost stays
# about the same however many articles there are. An older article that shares something
# can only lose its place to newer ones that share as much.
CANDIDATES_PER_LINK = 200


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
        model = type(article)
        tag_ids = [tag.pk for tag in article.tags.all()]
        speaker_ids = [role.speaker_id for role in article.article_speakers.all()]
        picks = model.related_articles.through.objects.filter(from_article_id=article.pk)
        tagged = TaggedItem.objects.filter(
            content_type__app_label="articles",
            content_type__model="article",
            tag_id__in=tag_ids,
        )
        with_speakers = model.speakers.through.objects.filter(speaker_id__in=speaker_ids)

        # Found through the indexed link tables: per tag, speaker and series its newest
        # links, a bounded number, each read from its index without sorting.
        candidates = Q(pk__in=picks.values("to_article_id"))
        for tag_id in tag_ids:
            candidates |= Q(pk__in=_newest(tagged.filter(tag_id=tag_id), "object_id"))
        for speaker_id in speaker_ids:
            candidates |= Q(
                pk__in=_newest(with_speakers.filter(speaker_id=speaker_id), "article_id")
            )
        if article.series_id:
            in_series = model.objects.filter(series_id=article.series_id)
            candidates |= Q(pk__in=_newest(in_series, "pk"))

        chosen = Exists(picks.filter(to_article_id=OuterRef("pk")))
        shared_tags = _count_of(tagged.filter(object_id=OuterRef("pk")), "object_id")
        shared_speakers = _count_of(with_speakers.filter(article_id=OuterRef("pk")), "article_id")
        same_series = (
            Case(When(series_id=article.series_id, then=Value(1)), default=Value(0))
            if article.series_id
            else Value(0)
        )
        return (
            # The candidates as one list of ids: a plain IN on the primary key, which the
            # database reads first, whatever its statistics say (an OR of lists next to the
            # published index had SQLite scan every published article: 75 ms at 50,000).
            self.filter(pk__in=model.objects.filter(candidates).values("pk"))
            .published()
            .exclude(pk=article.pk)
            .annotate(chosen=chosen, score=shared_tags + shared_speakers + same_series)
            .filter(Q(chosen=True) | Q(score__gt=0))
            .select_related("series")
            .order_by("-chosen", "-score", "-publish_at", "-pk")[:limit]
        )


def _newest(links, article_field):
    """The article ids of the newest `links` (the link rows added last), at most
    CANDIDATES_PER_LINK: an index on the link's one column (tag, speaker, series) holds its
    rows in that order already."""
    return links.order_by("-pk").values(article_field)[:CANDIDATES_PER_LINK]
