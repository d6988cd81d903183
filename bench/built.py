"""The article page, home and Nieuws built with every cache empty, in-process.

    .venv/bin/python bench/built.py                  (ratios to the bare view)
    .venv/bin/python bench/built.py --profile article (cProfile of cold builds)
    .venv/bin/python bench/built.py --scale 10       (also at 10x: 50,000 articles)

Loads the demo content, gives the Reuringcafé article 50 approved comments (some of them
replies), then requests each page through Django's full middleware stack with the whole
cache emptied before every request: the cost of a page nobody asked for since the last
change. Reports requests per second of CPU time, the ratio to the bare view in the same run, SQL
queries and HTML bytes. --scale N first adds articles and comments in bulk until there are
N x 5,000 articles and N x 50,000 comments, and measures again.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag, TaggedItem  # noqa: E402

from articles.models import Article, ArticleSpeaker, Speaker  # noqa: E402
from comments.models import Comment  # noqa: E402

BASELINE = "/bench/bare/"
ARTICLES_PER_SCALE = 5_000
COMMENTS_PER_SCALE = 50_000


def cold_get(client, url):
    cache.clear()
    return client.get(url)


def rate_of(client, url, seconds, cold=True):
    """Requests per second of CPU time: other processes on the machine (the load) change
    the wall-clock rate a lot, this one much less."""
    assert cold_get(client, url).status_code == 200, url
    count, started = 0, time.process_time()
    while (elapsed := time.process_time() - started) < seconds:
        if cold:
            cache.clear()
        client.get(url)
        count += 1
    return count / elapsed


def queries_and_bytes(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = cold_get(client, url)
    return len(queries), len(response.content), queries.captured_queries


def add_comments(article, count=50):
    """`count` approved comments; every fifth a reply to the one before."""
    now = timezone.now()
    made: list[Comment] = []
    for number in range(count):
        parent = made[-1] if number % 5 == 4 and made and made[-1].parent_id is None else None
        made.append(
            Comment.objects.create(
                article=article,
                parent=parent,
                name=f"Lezer {number}",
                email=f"lezer{number}@example.nl",
                body=f"Reactie {number}: een gewone reactie van een lezer, met wat woorden "
                "erin zodat hij zo lang is als reacties meestal zijn. Zie https://example.nl.",
                status=Comment.Status.APPROVED,
                moderated_at=now,
                created_at=now - timedelta(minutes=count - number),
            )
        )


def scale_up(factor):
    """Bulk articles (with tags and speakers) and comments up to `factor` x 1 scale."""
    target = factor * ARTICLES_PER_SCALE
    have = Article.objects.count()
    template = Article.objects.published().first()
    speakers = list(Speaker.objects.all())
    tags = list(Tag.objects.all())
    now = timezone.now()
    from django.contrib.contenttypes.models import ContentType

    article_type = ContentType.objects.get_for_model(Article)
    with transaction.atomic():
        batch = []
        for number in range(have, target):
            batch.append(
                Article(
                    title=f"Bulkartikel {number}",
                    slug=f"bulkartikel-{number}",
                    lead="Een korte inleiding.",
                    body="<p>Tekst.</p>",
                    status=template.status,
                    publish_at=now - timedelta(days=30, minutes=number),
                    series_id=template.series_id if number % 7 == 0 else None,
                )
            )
        Article.objects.bulk_create(batch, batch_size=2000)
        new = list(
            Article.objects.filter(slug__startswith="bulkartikel-").values_list("pk", flat=True)
        )
        TaggedItem.objects.bulk_create(
            [
                TaggedItem(content_type=article_type, object_id=pk, tag=tags[pk % len(tags)])
                for pk in new
            ],
            batch_size=5000,
        )
        ArticleSpeaker.objects.bulk_create(
            [
                ArticleSpeaker(article_id=pk, speaker=speakers[pk % len(speakers)], position=0)
                for pk in new
                if pk % 3 == 0
            ],
            batch_size=5000,
        )
        comments = []
        for number in range(Comment.objects.count(), factor * COMMENTS_PER_SCALE):
            comments.append(
                Comment(
                    article_id=new[number % len(new)],
                    name=f"Lezer {number}",
                    body="Een reactie.",
                    status=Comment.Status.APPROVED if number % 10 else Comment.Status.PENDING,
                    moderated_at=now if number % 10 else None,
                    created_at=now - timedelta(minutes=number),
                )
            )
        Comment.objects.bulk_create(comments, batch_size=5000)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def report(client, pages, seconds, label):
    baseline = rate_of(client, BASELINE, seconds, cold=False)
    print(f"\n{label}: {Article.objects.count()} articles, {Comment.objects.count()} comments")
    print(f"bare view {baseline:.0f} req/s; load {os.getloadavg()[0]:.2f}")
    columns = ("req/s", "x bare", "cpu ms", "queries", "bytes")
    print(f"{'page (cold)':16} " + " ".join(f"{column:>8}" for column in columns))
    for name, url in pages.items():
        rate = rate_of(client, url, seconds)
        queries, size, captured = queries_and_bytes(client, url)
        slowest = max(captured, key=lambda query: float(query["time"]))
        ratio, ms = rate / baseline, 1000 / rate
        print(f"{name:16} {rate:8.1f} {ratio:8.3f} {ms:7.1f} {queries:8d} {size:8d}")
        print(f"{'':16} slowest query {slowest['time']}s: {slowest['sql'][:90]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per page")
    parser.add_argument("--profile", help="cProfile this page (article, home, nieuws)")
    parser.add_argument("--profile-count", type=int, default=200, help="builds to profile")
    parser.add_argument("--sql", action="store_true", help="print each page's SQL")
    parser.add_argument("--scale", type=int, default=0, help="also measure at this scale")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    article = Article.objects.get(title="Reuringcafé over leren en ontwikkelen")
    add_comments(article)
    pages = {"article": article.get_absolute_url(), "home": "/", "nieuws": "/nieuws/"}
    client = Client()

    if args.sql:
        for name, url in pages.items():
            print(f"--- {name}")
            for query in queries_and_bytes(client, url)[2]:
                print(f"  {query['time']}s", query["sql"][:300])
    if args.profile:
        url = pages[args.profile]
        cold_get(client, url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.profile_count):
            cold_get(client, url)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
        return
    report(client, pages, args.seconds, "1x")
    if args.scale:
        scale_up(args.scale)
        report(client, pages, args.seconds, f"{args.scale}x")


if __name__ == "__main__":
    main()
