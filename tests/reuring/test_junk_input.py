"""Garbage in every query parameter, path token and form field of every public URL: no 500.

The URLs come from the URL configuration itself, so a new public URL fails the first test
until it has a sample here; the parameters come from toolbox.params.PARAMETERS, where every
parameter a public view reads is declared.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from articles.models import PreviewLink, WhitepaperLead
from comments.models import Comment
from tests.comments.conftest import form_data, open_article, reader_address
from tests.factories import make_article, make_series, make_speaker
from tests.factories_site import (
    make_blog_post,
    make_blogger,
    make_whitepaper,
    whitepaper_request_data,
)
from toolbox.params import PARAMETERS

pytestmark = [
    pytest.mark.django_db,
    # Junk addresses are long: the local cache warns that memcached would refuse such keys.
    pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning"),
]

ROOT = Path(__file__).resolve().parents[2]

# Values a reader (or a scanner) may send, each as it is typed into the address bar.
JUNK = [
    "²",
    "①",
    "١٢",
    "𝟗",
    "9" * 4301,
    str(2**63),
    "-1",
    "0",
    " 1",
    "1.5",
    "\x00",
    "1\x00",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "\u202e",
    "",
]
# Bytes that are not UTF-8, already percent-encoded (they cannot be a Python str).
INVALID_UTF8 = ["%FF%FE", "%C0%AF", "1%80"]


def junk_query_strings(name: str) -> list[str]:
    one_value = [f"{name}={quote(value)}" for value in JUNK]
    raw = [f"{name}={value}" for value in INVALID_UTF8]
    arrays = [f"{name}=1&{name}=2", f"{name}[]=1", f"{name}=1&{name}=%C2%B2"]
    return one_value + raw + arrays


def public_url_names(patterns=None, namespace="") -> set[str]:
    """The names of every URL in the configuration, except the admin and media files."""
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                names |= public_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


@pytest.fixture
def site():
    """One of everything a public URL can show, and the addresses that show it."""
    article = open_article("Een artikel", tags=["leren"], series=make_series("Reuringcafé"))
    approved = Comment.objects.create(
        article=article,
        name="Lezer",
        email="lezer@example.nl",
        body="Goed stuk.",
        status=Comment.Status.APPROVED,
        moderated_at=timezone.now(),
    )
    speaker = make_speaker("Spreker")
    blogger = make_blogger("Blogger")
    make_blog_post(blogger)
    open_paper = make_whitepaper("Open")
    gated = make_whitepaper("Met formulier", gated=True)
    lead = WhitepaperLead.objects.create(
        whitepaper=gated,
        name="Nico",
        email="nico@example.nl",
        organisation="Gemeente",
        consented_at=timezone.now(),
    )
    token = lead.download_token()
    draft = make_article("Een concept", published=False, slug="een-concept")
    preview = PreviewLink.objects.create(article=draft)
    get_urls = {
        "articles:home": [reverse("articles:home")],
        "articles:list": [reverse("articles:list")],
        "articles:feed": [reverse("articles:feed")],
        "articles:tag": [reverse("articles:tag", args=["leren"])],
        "articles:series": [reverse("articles:series", args=[article.series.slug])],
        "articles:detail": [article.get_absolute_url()],
        "articles:preview": [preview.get_absolute_url()],
        "articles:speaker": [speaker.get_absolute_url()],
        "articles:whitepapers": [reverse("articles:whitepapers")],
        "articles:whitepaper": [open_paper.get_absolute_url(), gated.get_absolute_url()],
        "articles:whitepaper_thanks": [
            reverse("articles:whitepaper_thanks", args=[gated.slug, token])
        ],
        "articles:whitepaper_download": [open_paper.open_download_url()],
        "articles:whitepaper_lead_download": [
            reverse("articles:whitepaper_lead_download", args=[gated.slug, token])
        ],
        "articles:bloggers": [reverse("articles:bloggers")],
        "articles:blogger": [reverse("articles:blogger", args=[blogger.slug])],
        "comments:policy": [reverse("comments:policy")],
        "sitemap": [reverse("sitemap")],
        "robots_txt": [reverse("robots_txt")],
        "accessibility": [reverse("accessibility")],
        "privacy": [reverse("privacy")],
        "colophon": [reverse("colophon")],
        "articles:search": [reverse("articles:search"), reverse("articles:search") + "?q=leren"],
        "articles:feed_atom": [reverse("articles:feed_atom")],
        "articles:tag_feed": [reverse("articles:tag_feed", args=["leren"])],
        "articles:tag_feed_atom": [reverse("articles:tag_feed_atom", args=["leren"])],
        "articles:series_feed": [reverse("articles:series_feed", args=[article.series.slug])],
        "articles:series_feed_atom": [
            reverse("articles:series_feed_atom", args=[article.series.slug])
        ],
        "articles:blogger_feed": [reverse("articles:blogger_feed", args=[blogger.slug])],
        "articles:blogger_feed_atom": [reverse("articles:blogger_feed_atom", args=[blogger.slug])],
    }
    post_urls = {
        "comments:post": reverse("comments:post", args=[article.pk]),
        "articles:whitepaper_request": reverse("articles:whitepaper_request", args=[gated.slug]),
    }
    return {
        "article": article,
        "comment": approved,
        "gated": gated,
        "token": token,
        "get": get_urls,
        "post": post_urls,
    }


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{response.status_code} for {what!r:.200}"


def test_every_public_url_has_a_sample_here(site):
    assert public_url_names() == set(site["get"]) | set(site["post"])


# What the site's own links use, and what scanners try; the registry adds any new ones.
KNOWN_PARAMETERS = ["page", "reacties", "reageer-op", "p", "q", "soort", "pagina"]


def test_junk_in_any_query_parameter_of_any_page_is_never_a_500(client, site):
    names = sorted({*KNOWN_PARAMETERS, *PARAMETERS})
    for urls in site["get"].values():
        for url in urls:
            for name in names:
                for query in junk_query_strings(name):
                    assert_no_server_error(client.get(f"{url}?{query}"), f"{url}?{query}")


def test_junk_in_the_tokens_of_addresses_is_never_a_500(client, site):
    gated = site["gated"]
    for value in [*(quote(junk, safe="") for junk in JUNK if junk), *INVALID_UTF8]:
        for name in ("articles:whitepaper_thanks", "articles:whitepaper_lead_download"):
            url = reverse(name, args=[gated.slug, "TOKEN"]).replace("TOKEN", value)
            assert_no_server_error(client.get(url), url)
        url = reverse("articles:preview", args=["een-concept", "TOKEN"]).replace("TOKEN", value)
        assert_no_server_error(client.get(url), url)


@pytest.mark.parametrize(
    ("parameter", "page"),
    [("reageer-op", "articles:detail"), ("reacties", "articles:detail"), ("page", "articles:list")],
)
def test_a_parameter_that_is_not_a_plain_number_is_not_found(client, site, parameter, page):
    url = site["get"][page][0]
    for value in ["%C2%B2", "%E2%91%A0", "%D9%A1", "9" * 4301, "-1", "1&" + parameter + "=2"]:
        assert client.get(f"{url}?{parameter}={value}").status_code == 404, value


def test_a_reply_link_still_opens_the_form_for_its_comment(client, site):
    article, comment = site["article"], site["comment"]

    response = client.get(f"{article.get_absolute_url()}?reageer-op={comment.pk}")

    assert response.status_code == 200
    assert "U reageert op <bdi>Lezer</bdi>." in response.text


def comment_fields(site, **changes):
    return {**form_data(site["article"]), **changes}


def whitepaper_fields(site, **changes):
    return whitepaper_request_data(site["gated"], **changes)


@pytest.mark.parametrize(
    ("form", "fields"),
    [("comments:post", comment_fields), ("articles:whitepaper_request", whitepaper_fields)],
)
def test_junk_in_any_field_of_a_public_form_is_never_a_500(client, site, form, fields):
    url = site["post"][form]
    for name in fields(site):
        for value in JUNK:
            response = client.post(url, fields(site, **{name: value}), REMOTE_ADDR=reader_address())
            assert_no_server_error(response, f"{name}={value}")
        for raw in INVALID_UTF8:
            body = "&".join(
                f"{key}={quote(value)}" for key, value in fields(site).items() if key != name
            )
            response = client.post(
                url,
                f"{body}&{name}={raw}",
                content_type="application/x-www-form-urlencoded",
                REMOTE_ADDR=reader_address(),
            )
            assert_no_server_error(response, f"{name}={raw}")
        response = client.post(
            url, {**fields(site), name: ["1", "²"]}, REMOTE_ADDR=reader_address()
        )
        assert_no_server_error(response, f"{name}=[1, ²]")


def test_views_read_query_parameters_only_through_the_parsing_helper():
    readers = re.compile(r"\.GET\b|QUERY_STRING")
    offenders = [
        str(path.relative_to(ROOT))
        for app in ("toolbox", "articles", "comments", "reuring")
        for path in (ROOT / app).rglob("*.py")
        if readers.search(path.read_text()) and path != ROOT / "toolbox" / "params.py"
    ]
    assert offenders == []
