"""News feeds, each as RSS 2.0 and as Atom: all news, and per tag, series and blogger.

Every feed lists published articles only (`published()`), newest first.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from articles.models import Article, Series, Speaker

FEED_LENGTH = 20


class ArticleFeed(Feed):
    """What every news feed shares: the items, their texts, dates, authors and tags."""

    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    author_name = settings.REURING_SITE_NAME

    def articles(self, obj):
        return Article.objects.published()

    def description(self, obj):
        raise NotImplementedError

    def items(self, obj=None):
        return self.articles(obj).select_related("blogger").prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_pubdate(self, article):
        return article.publish_at.replace(microsecond=0)

    def item_updateddate(self, article):
        return article.updated_at.replace(microsecond=0)

    def item_author_name(self, article):
        return article.blogger.name if article.blogger else settings.REURING_SITE_NAME

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]


class AtomFeedMixin(ArticleFeed):
    """The same feed as Atom 1.0, which names its description "subtitle"."""

    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class LatestArticlesFeed(ArticleFeed):
    title = gettext_lazy("Reuring: latest news")
    link = reverse_lazy("articles:list")

    def description(self, obj):
        return _("The latest news articles from Reuring.")


class LatestArticlesAtomFeed(AtomFeedMixin, LatestArticlesFeed):
    pass


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def articles(self, tag):
        return Article.objects.published().filter(tags=tag)

    def title(self, tag):
        return _("Reuring: news about %(name)s") % {"name": tag.name}

    def link(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def description(self, tag):
        return _("The latest news articles about %(name)s from Reuring.") % {"name": tag.name}


class TagAtomFeed(AtomFeedMixin, TagFeed):
    pass


class SeriesFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Series, slug=slug)

    def articles(self, series):
        return Article.objects.published().filter(series=series)

    def title(self, series):
        return _("Reuring: %(name)s") % {"name": series.name}

    def link(self, series):
        return series.get_absolute_url()

    def description(self, series):
        return series.description or _("The latest articles in the series %(name)s.") % {
            "name": series.name
        }


class SeriesAtomFeed(AtomFeedMixin, SeriesFeed):
    pass


class BloggerFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Speaker.objects.bloggers(), slug=slug)

    def articles(self, blogger):
        return Article.objects.published().blog_posts().filter(blogger=blogger)

    def title(self, blogger):
        return _("Reuring: blog posts by %(name)s") % {"name": blogger.name}

    def link(self, blogger):
        return blogger.get_blogger_url()

    def description(self, blogger):
        return _("The latest blog posts by %(name)s.") % {"name": blogger.name}


class BloggerAtomFeed(AtomFeedMixin, BloggerFeed):
    pass
