"""Throughput of the public pages, as ratios against a bare Django view.

    make bench-inprocess  (or: .venv/bin/python bench/pages.py --seconds 3)

Loads the demo content into a throw-away SQLite database, then requests each page
in-process through Django's full middleware stack (no network, one thread) for a
fixed time, after one warm-up request, twice: with the whole-page cache off (the page is
built every time; the site-wide blocks come from their cache) and on. Reports requests
per second, the ratio to the bare view measured in the same run, and the SQL queries of
one request. Ratios are what to compare between machines and runs; absolute numbers vary
with the machine. The article page is cached too: its CSRF token, the form's signed fields
and the reader's waiting comments are filled in around the stored page (toolbox.holes).
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from articles.models import Article, Speaker  # noqa: E402


def requests_per_second(client, url, seconds):
    assert client.get(url).status_code == 200, url
    count, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        client.get(url)
        count += 1
    return count / elapsed


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per page")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    article = Article.objects.published().filter(speakers__isnull=False).distinct().first()
    speaker = Speaker.objects.earliest("pk")
    pages = {
        "bare Django view (baseline)": "/bench/bare/",
        "home": "/",
        "nieuws": "/nieuws/",
        "article page": article.get_absolute_url(),
        "speaker page": speaker.get_absolute_url(),
    }

    client = Client()
    baseline = requests_per_second(client, pages.pop("bare Django view (baseline)"), args.seconds)
    print(f"{'page':16} {'cache':>6} {'req/s':>9} {'x bare':>8} {'queries':>8}")
    print(f"{'bare view':16} {'':>6} {baseline:9.0f} {1:8.2f} {0:8d}")
    for name, url in pages.items():
        for page_cache_seconds, label in ((0, "off"), (600, "on")):
            with override_settings(REURING_PAGE_CACHE_SECONDS=page_cache_seconds):
                rate = requests_per_second(client, url, args.seconds)
                queries = queries_of(client, url)
            print(f"{name:16} {label:>6} {rate:9.0f} {rate / baseline:8.2f} {queries:8d}")


if __name__ == "__main__":
    main()
