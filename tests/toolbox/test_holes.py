"""Holes: per-reader parts of a stored page, and the CSRF token's cheaper mask."""

from django.middleware import csrf
from django.test import RequestFactory

from toolbox import holes


def test_the_masked_token_is_what_djangos_middleware_unmasks_and_new_every_time():
    secret = csrf._get_new_csrf_string()
    tokens = {holes._masked(secret) for _ in range(500)}

    assert len(tokens) == 500
    for token in tokens:
        assert len(token) == 64 and token.isalnum()
        assert csrf._unmask_cipher_token(token) == secret  # type: ignore[attr-defined]


def test_text_that_looks_like_a_marker_is_left_as_it_is():
    page = b"<p><!--hole 0123456789abcdef0123 toolbox.holes.csrf_token--></p>"
    assert holes.split(page) == [page]


def test_a_stored_page_is_filled_for_each_reader():
    with holes.collecting():
        marker = holes.per_reader(None, "toolbox.holes.csrf_token")
    pieces = holes.split(f"<form>{marker}</form>".encode())

    first = holes.fill(RequestFactory().get("/"), pieces)
    second = holes.fill(RequestFactory().get("/"), pieces)

    assert len(pieces) == 3 and first != second
    assert first.startswith(b"<form>") and b"hole" not in first


def test_a_new_reader_gets_a_cookie_that_their_token_belongs_to():
    from django.http import HttpResponse

    request = RequestFactory().get("/")
    token = holes.csrf_token(request)
    response = HttpResponse()
    holes.finish(request, response)

    secret = response.cookies["csrftoken"].value
    assert len(secret) == 32 and secret.isalnum()
    assert csrf._unmask_cipher_token(token) == secret  # type: ignore[attr-defined]
    assert response["Cache-Control"] == "private"
