"""The site's WSGI application serves a stored page before Django's handler runs: the reader
gets the same page with the same headers as from Django, their own CSRF token and form
fields, and every request that is not plainly for a stored page still goes through Django."""

import io
import re
import sys
from datetime import timedelta
from http.cookies import SimpleCookie

import pytest
import time_machine
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware import csrf
from django.utils import timezone

from comments import own
from comments.models import Comment
from reuring import page_cache
from tests.comments.conftest import make_comment, open_article
from tests.factories import make_article
from toolbox import signing

pytestmark = pytest.mark.django_db

HIDDEN = re.compile(r'<input type="hidden" name="([\w-]+)" value="([^"]*)">')
# Differ between two answers of the same page by nature.
PER_RESPONSE = {"content-length", "set-cookie", "x-page-cache"}


@pytest.fixture
def application():
    # As Django's test client does: the test's transaction must keep its connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # Each test's database starts over, under a content version left by an earlier test.
    page_cache.forget_recent_pages()
    try:
        yield page_cache.serve_stored_pages_first(WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        page_cache.forget_recent_pages()


class Answer:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def get(self, name: str) -> str | None:
        found = [value for key, value in self.headers if key.lower() == name.lower()]
        return found[0] if found else None

    def comparable_headers(self) -> dict[str, str]:
        return {
            key.lower(): value for key, value in self.headers if key.lower() not in PER_RESPONSE
        }

    def cookies(self) -> SimpleCookie:
        cookies: SimpleCookie = SimpleCookie()
        for key, value in self.headers:
            if key.lower() == "set-cookie":
                cookies.load(value)
        return cookies


def call(application, path="/", *, method="GET", query="", https=False, **headers) -> Answer:
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "443" if https else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "https" if https else "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **headers,
    }
    started: dict[str, object] = {}

    def start_response(status, response_headers, exc_info=None):
        started.update(status=status, headers=response_headers)

    result = application(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Answer(started["status"], started["headers"], body)  # type: ignore[arg-type]


@pytest.mark.parametrize("https", [False, True])
def test_a_stored_page_has_every_header_and_byte_of_the_built_page(application, https):
    make_article("Eerste bericht")

    built = call(application, "/nieuws/", https=https)
    hit = call(application, "/nieuws/", https=https)

    assert built.get("X-Page-Cache") is None and hit.get("X-Page-Cache") == "hit"
    assert hit.status == built.status == "200 OK"
    assert hit.body == built.body
    assert hit.get("Content-Length") == str(len(hit.body))
    assert hit.comparable_headers() == built.comparable_headers()
    for header in ("content-security-policy", "x-frame-options", "x-content-type-options"):
        assert header in hit.comparable_headers()
    assert ("strict-transport-security" in hit.comparable_headers()) is https


@pytest.mark.parametrize("https", [False, True])
def test_a_stored_article_page_gets_each_reader_their_own_token_and_form(application, https):
    article = open_article("Reuringcafé", allow_comments=True)
    path = article.get_absolute_url()

    built = call(application, path, https=https)
    hit = call(application, path, https=https)
    again = call(application, path, https=https)

    assert hit.get("X-Page-Cache") == again.get("X-Page-Cache") == "hit"
    assert hit.comparable_headers() == built.comparable_headers()
    assert "private" in (hit.get("Cache-Control") or "")
    assert b"<!--hole" not in hit.body
    first, second = (dict(HIDDEN.findall(answer.body.decode())) for answer in (hit, again))
    for name in ("csrfmiddlewaretoken", "form_id", "security_hash"):
        assert first[name] and first[name] != second[name], name
    # The reader's new CSRF cookie, which their token belongs to, as Django sets it.
    cookie = hit.cookies()["csrftoken"]
    assert csrf._unmask_cipher_token(first["csrfmiddlewaretoken"]) == cookie.value  # type: ignore[attr-defined]
    assert cookie["secure"] and cookie["samesite"] == "Lax" and cookie["max-age"]
    assert cookie_attributes(hit) == cookie_attributes(built)


def cookie_attributes(answer: Answer) -> str:
    """The Set-Cookie line without what differs per reader and second."""
    line = answer.get("Set-Cookie") or ""
    return re.sub(r"csrftoken=\w+; expires=[^;]+;", "csrftoken=…; expires=…;", line)


def test_a_new_reader_gets_the_article_page_without_a_query(application, django_assert_num_queries):
    article = open_article("Reuringcafé", allow_comments=True)
    call(application, article.get_absolute_url())

    with django_assert_num_queries(0):
        hit = call(application, article.get_absolute_url())

    assert hit.get("X-Page-Cache") == "hit"


def test_a_reader_with_a_waiting_comment_still_sees_it(application):
    article = open_article("Reuringcafé", allow_comments=True)
    mine = make_comment(article, status=Comment.Status.PENDING, body="Mijn wachtende reactie.")
    call(application, article.get_absolute_url())
    cookie = f"{own.COOKIE}={signing.make_token([mine.pk], purpose=own.PURPOSE)}"

    annas = call(application, article.get_absolute_url(), HTTP_COOKIE=cookie)
    berts = call(application, article.get_absolute_url())

    assert annas.get("X-Page-Cache") == berts.get("X-Page-Cache") == "hit"
    assert b"Mijn wachtende reactie." in annas.body
    assert b"Mijn wachtende reactie." not in berts.body


def test_a_reader_with_a_csrf_cookie_keeps_it(application):
    article = open_article("Reuringcafé", allow_comments=True)
    call(application, article.get_absolute_url())
    secret = csrf._get_new_csrf_string()

    hit = call(application, article.get_absolute_url(), HTTP_COOKIE=f"csrftoken={secret}")

    assert hit.get("X-Page-Cache") == "hit"
    token = dict(HIDDEN.findall(hit.body.decode()))["csrfmiddlewaretoken"]
    assert csrf._unmask_cipher_token(token) == secret  # type: ignore[attr-defined]
    assert hit.cookies()["csrftoken"].value == secret


def test_requests_that_are_not_plainly_for_a_stored_page_go_through_django(application, settings):
    make_article("Bericht")
    call(application, "/")
    assert call(application, "/").get("X-Page-Cache") == "hit"

    # An unknown host is refused as Django refuses it.
    assert call(application, "/", HTTP_HOST="evil.example").status.startswith("400")
    # A reader with a session gets a page built for them.
    assert call(application, "/", HTTP_COOKIE="sessionid=abc").get("X-Page-Cache") is None
    # A query string: the middleware serves the clean page.
    assert call(application, "/", query="utm_source=x").get("X-Page-Cache") == "hit"
    # Plain HTTP where the site redirects to HTTPS (read when the middleware is loaded).
    settings.SECURE_SSL_REDIRECT = True
    redirect = call(page_cache.serve_stored_pages_first(WSGIHandler()), "/")
    assert redirect.status.startswith("301")
    assert redirect.get("Location") == "https://testserver/"


def test_a_change_a_scheduled_moment_or_the_timeout_ends_the_stored_page(application, settings):
    moment = timezone.now() + timedelta(minutes=30)
    article = make_article("Oude titel")
    make_article("Ingepland bericht", publish_at=moment)
    call(application, "/")

    article.title = "Nieuwe titel"
    article.save()
    changed = call(application, "/")
    assert changed.get("X-Page-Cache") is None and b"Nieuwe titel" in changed.body

    with time_machine.travel(moment + timedelta(seconds=1)):
        later = call(application, "/")
        assert call(application, "/").get("X-Page-Cache") == "hit"
    assert later.get("X-Page-Cache") is None and b"Ingepland bericht" in later.body

    # A change nothing announced (a bulk update) shows once the page's time is up.
    type(article).objects.filter(pk=article.pk).update(title="Stil gewijzigd")
    seconds = settings.REURING_PAGE_CACHE_SECONDS
    with time_machine.travel(moment + timedelta(seconds=2)):
        assert b"Stil gewijzigd" not in call(application, "/").body
    with time_machine.travel(moment + timedelta(seconds=seconds + 2)):
        assert b"Stil gewijzigd" in call(application, "/").body


def test_a_fault_in_serving_early_leaves_the_page_to_django(application, monkeypatch, caplog):
    make_article("Bericht")
    call(application, "/")

    def broken(*args):
        raise RuntimeError("kapot")

    monkeypatch.setattr(page_cache, "_served", broken)
    answer = call(application, "/")

    assert answer.status == "200 OK" and b"Bericht" in answer.body
    assert "a stored page left to Django" in caplog.text
