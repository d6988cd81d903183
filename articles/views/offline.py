"""Addresses of items taken offline answer 410 Gone instead of 404 (see toolbox.gone)."""

from django.http import Http404

from articles.models import PublishableQuerySet
from toolbox.gone import Gone


def get_or_gone(queryset: PublishableQuerySet, *, slug: str, every: PublishableQuerySet):
    """The item with `slug` in `queryset`; if there is none, Gone when an item of `every`
    with that slug is past its "offline after" moment, else Http404. The extra query is
    made only when the item is not found."""
    item = queryset.filter(slug=slug).first()
    if item is not None:
        return item
    if every.offline().filter(slug=slug).exists():
        raise Gone
    raise Http404
