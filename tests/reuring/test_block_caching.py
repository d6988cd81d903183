"""Site-wide blocks come from the cache, and no page shows stale content after a save."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reuring import blocks
from tests.factories import make_article, make_user
from tests.factories_site import (
    full_site,
    make_blog_post,
    make_blogger,
    make_promotion,
    make_site_details,
    make_whitepaper,
)

pytestmark = pytest.mark.django_db


def block_queries():
    with CaptureQueriesContext(connection) as queries:
        blocks.site_details()
        blocks.promotions("sidebar")
        blocks.latest_whitepapers()
        blocks.bloggers_with_latest_post()
    return len(queries)


def test_the_blocks_cost_one_query_each_once_and_none_after():
    full_site()
    assert block_queries() == 4
    assert block_queries() == 0


def test_saving_each_kind_of_content_clears_only_its_block():
    site = make_site_details()
    promotion = make_promotion()
    whitepaper = make_whitepaper()
    blogger = make_blogger()
    post = make_blog_post(blogger)
    block_queries()

    for changed in (site, promotion, whitepaper, blogger, post):
        changed.save()
        assert block_queries() == 1, changed


def test_an_edited_whitepaper_title_shows_at_once(client):
    whitepaper = make_whitepaper("Smart city")
    assert "Smart city" in client.get(reverse("articles:list")).text

    whitepaper.title = "Slimme stad"
    whitepaper.save()

    html = client.get(reverse("articles:list")).text
    assert "Slimme stad" in html
    assert "Smart city" not in html


def test_a_whitepaper_taken_offline_in_the_admin_disappears_at_once(client):
    whitepaper = make_whitepaper("Safe in cyberspace")
    assert "Safe in cyberspace" in client.get(reverse("articles:home")).text
    client.force_login(make_user(is_staff=True, is_superuser=True))

    client.post(reverse("admin:articles_whitepaper_delete", args=[whitepaper.pk]), {"post": "yes"})
    client.logout()

    assert "Safe in cyberspace" not in client.get(reverse("articles:home")).text


def test_a_new_blog_post_replaces_the_bloggers_latest_at_once(client):
    blogger = make_blogger("Martijn Aslander")
    make_blog_post(blogger, "Oude blog", publish_at=timezone.now() - timedelta(days=2))
    assert "Oude blog" in client.get(reverse("articles:bloggers")).text

    make_blog_post(blogger, "Nieuwe blog", publish_at=timezone.now() - timedelta(minutes=1))

    html = client.get(reverse("articles:bloggers")).text
    assert "Nieuwe blog" in html
    assert "Oude blog" not in html


def test_scheduled_content_appears_on_time_from_a_warm_cache(client, settings):
    # The blocks' own cache, without the whole-page cache on top (tests/reuring/test_page_cache.py).
    settings.REURING_PAGE_CACHE_SECONDS = 0
    now = timezone.now()
    with time_machine.travel(now, tick=False) as traveller:
        make_whitepaper("Eerste", publish_at=now - timedelta(days=3))
        make_whitepaper("Tweede", publish_at=now - timedelta(days=2))
        make_whitepaper("Ingepland", publish_at=now + timedelta(hours=1))
        blogger = make_blogger()
        make_blog_post(blogger, "Geplande blog", publish_at=now + timedelta(hours=1))
        html = client.get(reverse("articles:bloggers")).text
        assert "Ingepland" not in html
        assert "Geplande blog" not in html

        traveller.shift(timedelta(hours=1))
        with CaptureQueriesContext(connection) as queries:
            html = client.get(reverse("articles:bloggers")).text

    assert "Ingepland" in html
    assert "Tweede" in html
    assert "Eerste" not in html  # The block shows the latest two.
    assert "Geplande blog" in html
    assert not any("whitepaper" in query["sql"] for query in queries.captured_queries)


def test_an_article_page_never_shows_itself_or_drafts_in_the_blocks(client):
    blogger = make_blogger()
    make_blog_post(blogger, "Conceptblog", published=False)
    article = make_article()
    assert "Conceptblog" not in client.get(article.get_absolute_url()).text
