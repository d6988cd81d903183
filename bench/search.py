"""Throughput of the site search at 1x and 10x the demo content, against a bare Django view.

    .venv/bin/python bench/search.py                 (SQLite, a throw-away database)
    .venv/bin/python bench/search.py --seconds 5
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/reuring_bench_search \\
        .venv/bin/python bench/search.py             (PostgreSQL: a database of its own,
                                                      which it empties first)

Loads the demo content, then requests each search in-process through Django's full
middleware stack (one thread, after one warm-up request) for a fixed time, and reports
requests per second, the ratio to the bare view measured in the same run, the number of
hits and the SQL queries of one request. Then it copies every article, speaker and
whitepaper nine times (10x the content, each copy indexed as a save would) and measures
again. Search pages are never stored in the page cache, so every request runs the search.

The same URLs (printed with --urls) can be given to an HTTP load generator such as
`make bench` (gunicorn and wrk) to measure them over the network.
"""

import argparse
import copy
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article, ArticleSpeaker, SearchDocument, Speaker, Whitepaper  # noqa: E402
from articles.search.results import search  # noqa: E402
from bench.pages import requests_per_second  # noqa: E402

BASELINE = "/bench/bare/"
SEARCHES = {
    "one word": "/zoeken/?q=ambtenaren",
    "two words": "/zoeken/?q=digitale+overheid",
    "accent folded": "/zoeken/?q=reuringcafe",
    "one kind": "/zoeken/?q=leren&soort=news",
    "page 2": "/zoeken/?q=de+overheid&pagina=2",
    "no hits": "/zoeken/?q=zeppelin",
}
COPIES = 9


def measure(client, url):
    """The SQL queries of one request, and the number of hits the search found."""
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    parameters = parse_qs(urlsplit(url).query)
    found = search(parameters["q"][0], kind=parameters.get("soort", [""])[0])
    return len(queries), found.kind_total


def clone(original, **changes):
    """A new row like `original`, saved (and so indexed) like an editor's save."""
    twin = copy.copy(original)
    twin.pk, twin.id = None, None
    twin._state = copy.copy(original._state)
    twin._state.adding = True
    for name, value in changes.items():
        setattr(twin, name, value)
    twin.save()
    return twin


def copy_content(copies):
    """Every article, speaker and whitepaper `copies` times more, saved one by one."""
    articles = list(Article.objects.prefetch_related("article_speakers"))
    speakers = list(Speaker.objects.all())
    whitepapers = list(Whitepaper.objects.all())
    with transaction.atomic():
        for number in range(1, copies + 1):
            twins = {s.pk: clone(s, slug=f"{s.slug}-{number}") for s in speakers}
            for article in articles:
                blogger = twins[article.blogger_id] if article.blogger_id else None
                twin = clone(article, slug=f"{article.slug}-{number}", blogger=blogger)
                twin.tags.add(*article.tags.all())
                for role in article.article_speakers.all():
                    ArticleSpeaker.objects.create(
                        article=twin, speaker=twins[role.speaker_id], position=role.position
                    )
            for whitepaper in whitepapers:
                clone(whitepaper, slug=f"{whitepaper.slug}-{number}")


def report(client, baseline, seconds, label):
    print(f"\n{label}: {SearchDocument.objects.count()} items in the index")
    print(f"{'search':16} {'req/s':>9} {'x bare':>8} {'hits':>6} {'queries':>8}")
    for name, url in SEARCHES.items():
        rate = requests_per_second(client, url, seconds)
        queries, hits = measure(client, url)
        print(f"{name:16} {rate:9.0f} {rate / baseline:8.3f} {hits:6d} {queries:8d}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per search")
    parser.add_argument("--urls", action="store_true", help="print the URLs and stop")
    args = parser.parse_args()
    if args.urls:
        print("\n".join([BASELINE, *SEARCHES.values()]))
        return

    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":  # SQLite starts from a new file every run
        call_command("flush", interactive=False, verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)

    client = Client()
    baseline = requests_per_second(client, BASELINE, args.seconds)
    print(f"database: {connection.vendor}; bare Django view: {baseline:.0f} req/s")
    report(client, baseline, args.seconds, "1x the demo content")
    copy_content(COPIES)
    baseline_10x = requests_per_second(client, BASELINE, args.seconds)
    print(f"\nbare Django view again: {baseline_10x:.0f} req/s (ratios below use this one)")
    report(client, baseline_10x, args.seconds, f"{COPIES + 1}x the demo content")


if __name__ == "__main__":
    main()
