"""The sitemap's sections for editorial content, each with its last change (lastmod).

Each section is one query, however many items it lists: what a page shows changes when
its item or one of its published articles changes, so the latest of those moments is
annotated in the same query. Everything follows `published()`.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse

from articles.models import Article, Series, Speaker, Whitepaper


def _latest(*moments):
    return max(moment for moment in moments if moment is not None)


def published_ids():
    return Article.objects.published().values("pk")


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class WhitepaperSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Whitepaper.objects.published().only("slug", "updated_at")

    def lastmod(self, whitepaper):
        return whitepaper.updated_at


class SpeakerSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        in_published = Q(articles__pk__in=published_ids())
        return (
            Speaker.objects.filter(in_published)
            .annotate(latest_article=Max("articles__updated_at", filter=in_published))
            .only("slug", "updated_at")
            .order_by("name", "pk")
        )

    def lastmod(self, speaker):
        return _latest(speaker.updated_at, speaker.latest_article)


class BloggerSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        posts = Q(blog_posts__pk__in=published_ids())
        return (
            Speaker.objects.bloggers()
            .annotate(latest_post=Max("blog_posts__updated_at", filter=posts))
            .only("slug", "updated_at")
            .order_by("name", "pk")
        )

    def location(self, blogger):
        return blogger.get_blogger_url()

    def lastmod(self, blogger):
        return _latest(blogger.updated_at, blogger.latest_post)


class SeriesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        in_published = Q(articles__pk__in=published_ids())
        return (
            Series.objects.filter(in_published)
            .annotate(latest_article=Max("articles__updated_at", filter=in_published))
            .order_by("name", "pk")
        )

    def lastmod(self, series):
        return _latest(series.updated_at, series.latest_article)


class TagSitemap(Sitemap):
    """The tags of published articles; a tag page changes when one of its articles does."""

    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return list(
            Article.objects.published()
            .filter(tags__isnull=False)
            .values("tags__slug")
            .annotate(lastmod=Max("updated_at"))
            .order_by("tags__slug")
        )

    def location(self, tag):
        return reverse("articles:tag", args=[tag["tags__slug"]])

    def lastmod(self, tag):
        return tag["lastmod"]


class NewsSitemap(Sitemap):
    """The home page and the lists, which change with the newest article."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["articles:home", "articles:list", "articles:whitepapers", "articles:bloggers"]

    def location(self, name):
        return reverse(name)

    @cached_property
    def newest_change(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]

    def lastmod(self, name):
        return self.newest_change


SITEMAPS = {
    "pages": NewsSitemap,
    "articles": ArticleSitemap,
    "series": SeriesSitemap,
    "tags": TagSitemap,
    "speakers": SpeakerSitemap,
    "bloggers": BloggerSitemap,
    "whitepapers": WhitepaperSitemap,
}
