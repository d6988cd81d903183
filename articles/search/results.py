"""A page of search results: two queries, however many items match.

One query counts the matches per kind (for the filter, and the number of pages), one
fetches the page: the rows with their items' addresses, ranked, with the title and a
short snippet of each, the searched words highlighted.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Count
from django_stubs_ext import StrOrPromise

from articles.models import SearchDocument, Speaker
from articles.search.backends import backend
from articles.search.text import Query, Segment, parse_query

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    title: list[Segment]
    snippet: list[Segment]

    @property
    def url(self) -> str:
        item = self.document.item
        if isinstance(item, Speaker) and item.is_blogger:
            return item.get_blogger_url()
        return item.get_absolute_url()


@dataclass
class SearchResults:
    query: Query
    kind: str
    number: int
    counts: dict[str, int] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def kind_total(self) -> int:
        return self.counts.get(self.kind, 0) if self.kind else self.total

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.kind_total / RESULTS_PER_PAGE))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.page_count

    @property
    def first_position(self) -> int:
        return (self.number - 1) * RESULTS_PER_PAGE + 1

    def kinds(self) -> list[tuple[str, StrOrPromise, int]]:
        """(value, label, count) of every kind, in a fixed order, for the filter."""
        return [
            (value, label, self.counts.get(value, 0))
            for value, label in SearchDocument.Kind.choices
        ]


def search(text: str, *, kind: str = "", page: int | None = 1) -> SearchResults:
    """The results for what a reader typed, on page `page`, optionally of one kind only."""
    query = parse_query(text[:MAX_QUERY_LENGTH])
    if kind not in SearchDocument.Kind.values:
        kind = ""
    results = SearchResults(query=query, kind=kind, number=max(1, page or 1))
    if query.is_empty:
        return results
    engine = backend()
    matches = engine.matching(SearchDocument.objects.visible(), query)
    counts = matches.order_by().values_list("kind").annotate(total=Count("pk"))
    results.counts = dict(counts)
    results.number = min(results.number, results.page_count)
    if not results.kind_total:
        return results

    if kind:
        matches = matches.filter(kind=kind)
    start = (results.number - 1) * RESULTS_PER_PAGE
    rows = (
        engine.headlines(engine.ranked(matches, query), query)
        .select_related("article", "speaker", "whitepaper")
        .order_by("-rank", "pk")[start : start + RESULTS_PER_PAGE]
    )
    results.hits = [Hit(row, *engine.segments(row, query)) for row in rows]
    return results
