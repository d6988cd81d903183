"""Query budgets of the pages with every block on them, from an empty and from a warm cache.

The counts must not grow with the number of articles, tags, whitepapers, promotions or
bloggers. Cold: the site-wide blocks cost one query each (site details, promotions,
whitepapers, bloggers). Warm: they cost nothing.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Speaker, Whitepaper
from reuring.demo import statements
from reuring.models import AccessibilityIssue, AccessibilityStatement, Promotion
from tests.factories import image_upload, make_article
from tests.factories_site import (
    full_site,
    make_blog_post,
    make_blogger,
    make_promotion,
    make_whitepaper,
)

pytestmark = pytest.mark.django_db

# (cold, warm) per page, with all blocks filled. Cold: empty cache; every page stored in the
# page cache also finds out once when the next scheduled item appears (1 query).
# Warm: those pages come whole from the page cache (reuring.page_cache), the pages with a
# form (the article page, a gated whitepaper) too: the reader's CSRF token and form fields
# are filled in around the stored page without a query.
BUDGETS = {
    # Card lists count their comments in one query.
    "home": (8, 0),
    "news": (10, 0),
    "tag": (11, 0),
    # 10 for the article and its blocks (of which related articles: 1, related whitepapers:
    # 1), 2 for comments, 1 for the page cache's next moment.
    "article": (13, 0),
    "whitepapers": (7, 0),
    "whitepaper": (7, 0),
    "gated whitepaper": (7, 0),
    "bloggers": (6, 0),
    "blogger": (10, 0),
    # Counts per kind and the page of hits; every query is built anew (never page-cached).
    "search": (6, 2),
    # The statement (its known problems prefetched), the site details, the page cache's moment.
    "accessibility": (4, 0),
    "privacy": (3, 0),
    "colophon": (3, 0),
}


def pages():
    article = full_site(articles=2)[0]
    statements.load(lambda kind, created: None)
    article.related_whitepapers.add(Whitepaper.objects.first())
    open_whitepaper, gated_whitepaper = (
        Whitepaper.objects.filter(access=access).get() for access in Whitepaper.Access.values
    )
    blogger = Speaker.objects.bloggers().get()
    return {
        "home": reverse("articles:home"),
        "news": reverse("articles:list"),
        "tag": reverse("articles:tag", args=["leren"]),
        "article": article.get_absolute_url(),
        "whitepapers": reverse("articles:whitepapers"),
        "whitepaper": open_whitepaper.get_absolute_url(),
        "gated whitepaper": gated_whitepaper.get_absolute_url(),
        "bloggers": reverse("articles:bloggers"),
        "blogger": blogger.get_blogger_url(),
        "search": reverse("articles:search") + "?q=artikel",
        "accessibility": reverse("accessibility"),
        "privacy": reverse("privacy"),
        "colophon": reverse("colophon"),
    }


def cold_and_warm(client, url):
    cache.clear()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(queries))
    return tuple(counts)


def add_lots_of_content():
    blogger = Speaker.objects.bloggers().get()
    for number in range(15):
        make_whitepaper(tags=["leren", f"thema {number}"], cover=image_upload())
        make_article(tags=["leren", f"thema {number}"])
        make_blog_post(blogger, tags=["leren"])
        make_blog_post(make_blogger(photo=image_upload(), photo_alt="Portret"))
        for placement in Promotion.Placement.values:
            make_promotion(placement=placement, image=image_upload())
        AccessibilityIssue.objects.create(
            statement=AccessibilityStatement.objects.get(), description=f"Probleem {number}"
        )


def test_every_page_stays_within_its_budget_however_much_content(
    client, django_assert_max_num_queries
):
    urls = pages()
    before = {name: cold_and_warm(client, url) for name, url in urls.items()}
    add_lots_of_content()
    after = {name: cold_and_warm(client, url) for name, url in urls.items()}

    for name, (cold, warm) in BUDGETS.items():
        with django_assert_max_num_queries(cold):
            cache.clear()
            client.get(urls[name])
        with django_assert_max_num_queries(warm):
            client.get(urls[name])
    assert after == before
    assert before == BUDGETS


EMPTY_CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for alias in ("default", "ratelimit")
}


def test_with_every_cache_empty_a_page_reads_the_site_details_and_promotions_once(client):
    """The contact block, footer, share links and structured data all show the site
    details, and two placements show promotions: one query each, even when the shared
    cache is empty or cannot be reached."""
    urls = pages()
    with override_settings(CACHES=EMPTY_CACHES):
        for name, url in urls.items():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            tables = [
                table
                for query in queries.captured_queries
                for table in ("reuring_sitedetails", "reuring_promotion")
                # The rows themselves (the page cache's next moment also asks about them).
                if query["sql"].startswith(f'SELECT "{table}"."id"')
            ]
            assert tables.count("reuring_sitedetails") <= 1, name
            assert tables.count("reuring_promotion") <= 1, name
