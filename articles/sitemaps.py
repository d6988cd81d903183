from django.contrib.sitemaps import Sitemap

from articles.models import Article, Speaker


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class SpeakerSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return Speaker.objects.filter(articles__in=Article.objects.published()).distinct()
