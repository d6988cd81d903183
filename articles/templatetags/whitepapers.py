from django import template

from articles.models import Whitepaper

register = template.Library()


@register.inclusion_tag("includes/related_whitepapers.html")
def related_whitepapers(article):
    """The whitepapers chosen for `article`, else those sharing its tags (one query)."""
    return {"whitepapers": Whitepaper.objects.related_to(article)}
