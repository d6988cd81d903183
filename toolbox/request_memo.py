"""Values worked out at most once per request.

Several parts of one page ask for the same thing (the site details feed the contact
block, the footer, the share links and the structured data); when the shared cache is
empty or cannot be reached, each asked the database again. Within a request, the first
answer is kept and handed to the others; it is forgotten when the response is finished,
so nothing outlives the request. Outside a request (a command, the task worker) nothing
is kept: `once_per_request` just builds.

Keys must say everything the value depends on, a cache version included, so that a save
made during the request gives a new key.
"""

from collections.abc import Callable, Hashable
from contextvars import ContextVar

from django.core.signals import request_finished, request_started

_memo: ContextVar[dict[Hashable, object] | None] = ContextVar("request_memo", default=None)


def once_per_request[T](key: Hashable, build: Callable[[], T]) -> T:
    memo = _memo.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]  # type: ignore[return-value]


def _begin(**kwargs) -> None:
    _memo.set({})


def _end(**kwargs) -> None:
    _memo.set(None)


def connect() -> None:
    """Keep values for the length of each request (called once, from the app's ready())."""
    request_started.connect(_begin, dispatch_uid="toolbox.request_memo.begin")
    request_finished.connect(_end, dispatch_uid="toolbox.request_memo.end")
