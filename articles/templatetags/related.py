from django import template

from articles.models import Article

register = template.Library()


@register.inclusion_tag("includes/related_articles.html")
def related_articles(article):
    """ "Related" under an article: hand-picked first, then by shared speakers, tags and
    series (one query)."""
    return {"articles": list(Article.objects.related_to(article))}
