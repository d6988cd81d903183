"""Old addresses answer a permanent redirect to the item's address today."""

from functools import wraps

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from articles.models import OldSlug
from toolbox.params import query_string


def follows_old_slugs(model):
    """For a view with a `slug` in its address: when it finds nothing (404) and the slug
    once belonged to an item of `model`, redirect (301) to the same view with the item's
    slug today, the rest of the address and its query string kept."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except Http404:
                current = OldSlug.objects.current_slug(model, kwargs.get("slug", ""))
                if current is None:
                    raise
            match = request.resolver_match
            url = reverse(match.view_name, args=args, kwargs={**kwargs, "slug": current})
            query = query_string(request)
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

        return wrapped

    return decorate
