"""Reading what a reader sends: every query parameter and number field, parsed or refused.

Public views read their query parameters only through a `NumberParameter` (every one is
listed in `PARAMETERS`, which the junk-input tests send garbage to) or a `TextParameter`;
both note that the page read them (`parameters_read`: the page cache keys on those only).
Forms read ids and numbers through `WholeNumberField`. Both use `parse_whole_number`,
which accepts ASCII digits and nothing else: `str.isdigit()` and `int()` accept "²", "①"
or "١٢" and numbers of thousands of digits, which then fail deep inside a query as a 500.
What cannot be parsed is a 404 for a parameter and a Dutch error for a form field, never a guess.
"""

from typing import Any

from django import forms
from django.core.paginator import InvalidPage
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

# The largest primary key and page number any query may see (a 64-bit signed integer).
MAX_NUMBER = 2**63 - 1


def parse_whole_number(raw: object, *, minimum: int = 1, maximum: int = MAX_NUMBER) -> int:
    """`raw` as a whole number from `minimum` to `maximum`, written in ASCII digits only.

    Raises ValueError for anything else: other scripts' digits, signs, spaces, too many
    digits, values out of range, lists.
    """
    if not isinstance(raw, str) or not raw.isascii() or not raw.isdigit():
        raise ValueError(f"not a whole number: {raw!r:.40}")
    if len(raw) > len(str(maximum)):
        raise ValueError("too many digits")
    value = int(raw)
    if not minimum <= value <= maximum:
        raise ValueError("out of range")
    return value


PARAMETERS: dict[str, "NumberParameter"] = {}


def _note_read(request: HttpRequest, name: str) -> None:
    # The page cache keys a page on the parameters it read, and nothing else.
    read = request.__dict__.setdefault("_parameters_read", set())
    read.add(name)


def parameters_read(request: HttpRequest) -> frozenset[str]:
    """The names of the query parameters this request's page read (present or not): the
    only ones that can change it. Every other parameter (tracking codes, junk) cannot."""
    return frozenset(request.__dict__.get("_parameters_read", ()))


class NumberParameter:
    """A query parameter holding one whole number, e.g. a page number or a comment id.

    Absent or empty: None. Anything else that is not one whole number in range (a second
    value included): 404, since the address is not one the site ever made.
    """

    def __init__(self, name: str, *, maximum: int = MAX_NUMBER):
        self.name = name
        self.maximum = maximum
        PARAMETERS[name] = self

    def read(self, request: HttpRequest) -> int | None:
        _note_read(request, self.name)
        values = request.GET.getlist(self.name)
        if not values or values == [""]:
            return None
        if len(values) > 1:
            raise Http404(f"{self.name} given more than once")
        try:
            return parse_whole_number(values[0], maximum=self.maximum)
        except ValueError:
            raise Http404(f"{self.name} is not a number we made") from None


# Django's list views and the sitemap read these; we read them first, through the same rule.
PAGE = NumberParameter("page", maximum=1_000_000)
SITEMAP_PAGE = NumberParameter("p", maximum=1_000_000)


class TextParameter:
    """A query parameter holding text a reader typed, such as a search: at most
    `max_length` characters (the rest is dropped), without control characters. Absent: "".
    More than one value: 404, as for numbers."""

    def __init__(self, name: str, *, max_length: int):
        self.name = name
        self.max_length = max_length

    def read(self, request: HttpRequest) -> str:
        _note_read(request, self.name)
        values = request.GET.getlist(self.name)
        if len(values) > 1:
            raise Http404(f"{self.name} given more than once")
        text = values[0] if values else ""
        printable = "".join(char for char in text if char.isprintable()).strip()
        return printable[: self.max_length].strip()


def kept_parameters(request: HttpRequest, names) -> list[tuple[str, str]]:
    """The (name, value) pairs of the query string whose name is in `names` and that this
    page read (for links that keep a page's own parameters and drop the rest, such as
    tracking codes, or a page number on a page without pages)."""
    read = parameters_read(request)
    return [(name, request.GET[name]) for name in request.GET if name in names and name in read]


def has_query(request: HttpRequest) -> bool:
    return bool(request.GET)


def environ_has_query(environ) -> bool:
    """Whether a WSGI request has a query string, before Django makes a request of it (the
    page cache serves a stored page only to those without)."""
    return bool(environ.get("QUERY_STRING"))


def values_of(request: HttpRequest, names) -> list[tuple[str, str]]:
    """Every (name, value) of the parameters `names`, sorted by name (a cache key)."""
    return [(name, value) for name in sorted(names) for value in request.GET.getlist(name)]


def query_string(request: HttpRequest) -> str:
    """The query string as sent, for passing it on unchanged (a redirect)."""
    return request.META.get("QUERY_STRING", "")


class ParsedPageMixin:
    """For ListViews: the page number read through PAGE instead of Django's own int()."""

    request: HttpRequest

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(  # type: ignore[attr-defined]
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),  # type: ignore[attr-defined]
            allow_empty_first_page=self.get_allow_empty(),  # type: ignore[attr-defined]
        )
        try:
            page = paginator.page(PAGE.read(self.request) or 1)
        except InvalidPage:
            raise Http404("no such page") from None
        return paginator, page, page.object_list, page.has_other_pages()


class WholeNumberField(forms.Field):
    """A form field for an id or count: what parse_whole_number accepts, else a form error."""

    default_error_messages = {"invalid": _("This is not a number this site made.")}

    def __init__(self, *, maximum: int = MAX_NUMBER, **kwargs: Any):
        self.maximum = maximum
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_whole_number(value, maximum=self.maximum)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
