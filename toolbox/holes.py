"""Holes: the parts of a page that differ per reader, filled in around a stored page.

A page with a form carries things that belong to one reader: the CSRF token, the signed
fields of the form guard, a reader's own waiting comments. While a page cache renders a
page to store it (inside `collecting()`), each such part is written as a marker naming a
filler function and its arguments instead. The cache splits the page at the markers
(`split`), stores the pieces, and for every reader, the one who caused the rendering
included, joins them again with that reader's values (`fill`). Nothing a reader owns is
ever in the stored bytes.

Outside `collecting()` (a logged-in editor, a form shown again with errors, no page
cache) `per_reader` calls the filler at once, so pages render exactly as before.

Fillers are plain functions `(request, *args) -> str` returning safe HTML, marked with
`@filler`; the arguments are short words and numbers written into the marker. A filler
must be cheap: it runs on every cache hit, before any middleware has run (no session, no
user), and may touch the database only for readers who have something of their own, in a
cookie: for a reader whose only cookie is the CSRF cookie (or who has none), the page
cache fills the holes before Django's request handling even starts, without its database
connection management.
"""

import re
import secrets
import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CsrfViewMiddleware,
)
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe

_collecting: ContextVar[bool] = ContextVar("collecting_holes", default=False)
_ARGUMENT = re.compile(r"[\w.\-]*")

type Piece = bytes | tuple[str, tuple[str, ...]]


@cache
def _marker_key() -> str:
    # A key only the site knows: text from staff or readers cannot make a marker, and
    # processes that share a cache (fragments included) write the same markers.
    return salted_hmac("toolbox.holes", "marker", algorithm="sha256").hexdigest()[:20]


@cache
def _marker_pattern() -> re.Pattern[bytes]:
    key = _marker_key().encode()
    return re.compile(rb"<!--hole " + key + rb" ([\w.]+)((?: [\w.\-]*)*)-->")


def _marker(filler_path: str, args) -> SafeString:
    key = _marker_key()
    words = [str(arg) for arg in args]
    if not all(_ARGUMENT.fullmatch(word) for word in words):
        raise ValueError(f"hole arguments must be short words: {words!r}")
    return mark_safe(f"<!--hole {key} {filler_path}{''.join(' ' + w for w in words)}-->")  # noqa: S308


def filler[F: Callable[..., str]](function: F) -> F:
    """Mark `function` as one that may fill a hole (only those are called from a marker)."""
    function.fills_holes = True  # type: ignore[attr-defined]
    return function


@cache
def _filler(path: str) -> Callable[..., str]:
    function = import_string(path)
    if not getattr(function, "fills_holes", False):
        raise ValueError(f"{path} is not a hole filler")
    return function


def per_reader(request, filler_path: str, *args) -> SafeString:
    """This reader's part: a marker while a page is rendered for storing, else filled now."""
    if _collecting.get():
        return _marker(filler_path, args)
    return mark_safe(_filler(filler_path)(request, *args))  # noqa: S308 - fillers return safe HTML


class collecting:
    """Render per-reader parts as markers within this block (see the module docstring)."""

    def __enter__(self):
        self._token = _collecting.set(True)
        return self

    def __exit__(self, *exc_info):
        _collecting.reset(self._token)


def split(content: bytes) -> list[Piece]:
    """The page as stored: literal bytes and, in between, (filler, arguments) holes."""
    parts = _marker_pattern().split(content)
    pieces: list[Piece] = []
    for index in range(0, len(parts) - 1, 3):
        pieces.append(parts[index])
        path, args = parts[index + 1].decode(), parts[index + 2].decode()
        pieces.append((path, tuple(args.split(" ")[1:])))
    pieces.append(parts[-1])
    return pieces


def has_holes(pieces: list[Piece]) -> bool:
    return len(pieces) > 1


def fill(request, pieces: list[Piece]) -> bytes:
    """The page for this reader."""
    if len(pieces) == 1:
        return pieces[0]  # type: ignore[return-value]
    return b"".join(
        piece if isinstance(piece, bytes) else _filler(piece[0])(request, *piece[1]).encode()
        for piece in pieces
    )


PRIVATE = ("Cache-Control", "private")


def finish(request, response) -> None:
    """After filling: the CSRF cookie for a reader who got a token (a new one if they had
    none), as Django's middleware sets it; and no shared cache may keep this reader's copy."""
    _CSRF.process_response(request, response)
    response.headers.setdefault(*PRIVATE)


def finish_headers(request, headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`finish` for a page served as WSGI header lines, without a response object (before
    Django's handler, see reuring.page_cache): the same headers, cheaper."""
    cookie = _csrf_cookie_line(request)
    names = {name.lower(): index for index, (name, _value) in enumerate(headers)}
    finished = list(headers)
    if cookie is not None:
        # As patch_vary_headers: the page now differs by the cookie.
        vary = headers[names["vary"]][1] if "vary" in names else ""
        tokens = {token.strip().lower() for token in vary.split(",")}
        if not tokens & {"cookie", "*"}:
            line = ("Vary", f"{vary}, Cookie" if vary else "Cookie")
            if "vary" in names:
                finished[names["vary"]] = line
            else:
                finished.append(line)
    if PRIVATE[0].lower() not in names:
        finished.append(PRIVATE)
    if cookie is not None:
        finished.append(("Set-Cookie", cookie))
    return finished


# --- The CSRF token as a hole, through Django's own functions


def _no_view(request) -> HttpResponse:
    raise NotImplementedError  # only the middleware's request and response steps are used


_CSRF = CsrfViewMiddleware(_no_view)


# Where the reader's secret goes into the cookie line Django made (letters only, as secrets).
_PLACEHOLDER = "QcsrfQsecretQplaceholderQ"
_cookie_lines: dict[int, str] = {}


def _csrf_cookie_line(request) -> str | None:
    """The Set-Cookie line Django's CsrfViewMiddleware gives this reader, or None when no
    CSRF token was filled in. Django's own set_cookie makes it once a second (the expiry
    date is in whole seconds) with a placeholder for the secret."""
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return None
    if settings.CSRF_USE_SESSIONS:
        raise ValueError("the CSRF token lives in the session: use finish()")
    second = int(time.time())
    line = _cookie_lines.get(second)
    if line is None:
        made = HttpRequest()
        made.META.update(CSRF_COOKIE=_PLACEHOLDER, CSRF_COOKIE_NEEDS_UPDATE=True)
        response = HttpResponse()
        _CSRF.process_response(made, response)
        line = response.cookies[settings.CSRF_COOKIE_NAME].OutputString()
        _cookie_lines.clear()
        _cookie_lines[second] = line
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    return line.replace(_PLACEHOLDER, request.META["CSRF_COOKIE"], 1)


def _forget_cookie_lines(**kwargs) -> None:
    _cookie_lines.clear()


setting_changed.connect(_forget_cookie_lines)


_ALPHABET = CSRF_ALLOWED_CHARS.encode()
# Random bytes below the largest multiple of the alphabet's length are taken modulo that
# length, the others dropped: every character equally likely. One C-level translate.
_UNBIASED = 256 - 256 % len(_ALPHABET)
_TO_CHARS = bytes(_ALPHABET[byte % len(_ALPHABET)] for byte in range(256))
_DROPPED = bytes(range(_UNBIASED, 256))


def _random_csrf_string() -> str:
    """What Django's get_random_string(32) gives, from one read of the system's randomness
    instead of one per character (the most expensive part of serving a cached form)."""
    chars = b""
    while len(chars) < CSRF_SECRET_LENGTH:
        chars += secrets.token_bytes(CSRF_SECRET_LENGTH + 8).translate(_TO_CHARS, _DROPPED)
    return chars[:CSRF_SECRET_LENGTH].decode()


_INDEX = {char: index for index, char in enumerate(CSRF_ALLOWED_CHARS)}


def _masked(secret: str) -> str:
    """Django's masking of the CSRF secret (django.middleware.csrf._mask_cipher_secret),
    which its middleware unmasks when the form comes back; with a cheaper random mask."""
    mask = _random_csrf_string()
    size, chars, index = len(CSRF_ALLOWED_CHARS), CSRF_ALLOWED_CHARS, _INDEX
    cipher = "".join(
        [chars[(index[x] + index[y]) % size] for x, y in zip(secret, mask, strict=True)]
    )
    return mask + cipher


@filler
def csrf_token(request) -> str:
    if "CSRF_COOKIE" not in request.META:
        # A page from the cache skipped the middleware: read the reader's cookie as it
        # would (or make a new secret when there is none or it is malformed).
        _CSRF.process_request(request)
    if request.META.get("CSRF_COOKIE") is None:
        # A new reader: a new secret, as Django's get_token makes it (with the cheaper
        # randomness: most readers of a cached page come without a CSRF cookie).
        request.META["CSRF_COOKIE"] = _random_csrf_string()
    # As get_token does: masked anew for every response, and the cookie set or renewed.
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    return _masked(request.META["CSRF_COOKIE"])


def csrf(request) -> dict[str, object]:
    """Context processor replacing Django's `csrf_token`: a hole while a page is stored."""
    return {"csrf_token": SimpleLazyObject(lambda: per_reader(request, "toolbox.holes.csrf_token"))}


# --- Pages that change by the clock


def changes_at(request, moment) -> None:
    """Note that the page being built changes by itself at `moment` (comments close, say):
    a page cache must not serve it from then on."""
    earliest = request.__dict__.get("_page_changes_at")
    if earliest is None or moment < earliest:
        request._page_changes_at = moment


def page_changes_at(request):
    """The earliest moment noted by `changes_at`, or None."""
    return request.__dict__.get("_page_changes_at")
