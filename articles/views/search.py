"""The site search: /zoeken/?q=...&soort=...&pagina=..."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from articles.search.results import MAX_QUERY_LENGTH, search
from toolbox.params import NumberParameter, TextParameter

QUERY = TextParameter("q", max_length=MAX_QUERY_LENGTH)
KIND = TextParameter("soort", max_length=20)
PAGE = NumberParameter("pagina", maximum=1_000_000)


@require_GET
def search_page(request):
    text = QUERY.read(request)
    results = search(text, kind=KIND.read(request), page=PAGE.read(request))

    def link(*, kind=results.kind, page=1):
        parameters = {QUERY.name: text, KIND.name: kind, PAGE.name: page}
        kept = {name: value for name, value in parameters.items() if value and value != 1}
        return f"{reverse('articles:search')}?{urlencode(kept)}"

    kind_links = [("", None, results.total, link(kind=""))] + [
        (value, label, count, link(kind=value)) for value, label, count in results.kinds()
    ]
    response = render(
        request,
        "articles/search.html",
        {
            "text": text,
            "results": results,
            "max_length": MAX_QUERY_LENGTH,
            "kind_links": kind_links,
            "previous_url": link(page=results.number - 1) if results.has_previous else "",
            "next_url": link(page=results.number + 1) if results.has_next else "",
        },
    )
    # Every query is a page of its own: not kept in the shared page cache, where
    # endless queries would push out the pages everybody reads.
    patch_cache_control(response, private=True)
    return response
