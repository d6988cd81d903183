"""The article page, home and Nieuws over HTTP through gunicorn, as ratios to a bare Django view.

    make bench                  (or: .venv/bin/python bench/http_pages.py --seconds 5)
    make bench ARGS=--scale     (1x = 5,000 articles and 50,000 comments, then 10x)

1. A throw-away site in a temporary folder (SQLite and the local-memory cache unless
   --database-url / --redis-url say otherwise): migrate, the demo content, collectstatic
   (hashed and compressed, as `make serve` does), and the Reuringcafé article with five
   speakers and 50 approved comments.
2. Three gunicorns with deploy/gunicorn.conf.py and 2 workers: the site with production
   settings; the same site with every cache empty (Django's dummy cache: each request
   builds the page from the database); and a bare Django project whose one view renders a
   10-item template (bench/bare/), the baseline.
3. For each page, in two rounds in opposite order: wrk with 2 threads and 16 connections
   (requests/s, after a one-second warm-up that fills every worker's cache) and with one
   connection (the median response time, p50). Queries and HTML bytes come from one request
   in this process with the same settings. Every figure is also a ratio to the bare view
   measured in the same round: absolute numbers swing with the machine's load, ratios less.

--scale grows the data with bulk INSERT ... SELECT (copies of the demo articles with their
speakers, tags and series, ten approved comments each) to 5,000 articles and 50,000
comments, measures, grows to 50,000 and 500,000, measures again and prints how each page's
cost changed, with the slowest query of each built page.

wrk is the Debian package `wrk`; when it is missing and we are root, it is installed with
apt-get.
"""

import argparse
import http.client
import math
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
WORKERS = 2
COMMENTS_ON_ARTICLE = 50
SPEAKERS_ON_ARTICLE = 5
SCALES = {"1x": (5_000, 50_000), "10x": (50_000, 500_000)}

# The targets, as ratios to the bare view (see README, "Benchmarks").
TARGETS = {
    "article (cached)": 1.5,
    "article (built)": 0.15,
    "home (cached)": 1.8,
    "home (built)": 0.20,
    "nieuws (cached)": 1.8,
    "nieuws (built)": 0.20,
}
MAX_ARTICLE_QUERIES = 10
MAX_ARTICLE_BYTES_WITHOUT_COMMENTS = 20_000
MAX_BYTES_PER_COMMENT = 400


# --- Tools and servers --------------------------------------------------------------------


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: installing the Debian package (apt-get install wrk).")
        quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=quiet)
    if not shutil.which("wrk"):
        raise SystemExit("make bench needs wrk: sudo apt-get install wrk")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_environment(workdir: Path, args) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REURING_"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "REURING_VAR_DIR": str(workdir),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "REURING_MAIL_BACKEND": "console",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
    }


class Server:
    """One gunicorn with the site's configuration and 2 workers."""

    def __init__(self, name: str, app: str, port: int, env: dict[str, str], log: Path):
        self.name, self.app, self.port, self.env, self.log = name, app, port, env, log
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [
            GUNICORN,
            "--config",
            "deploy/gunicorn.conf.py",
            f"--workers={WORKERS}",
            f"--bind=127.0.0.1:{self.port}",
            self.app,
        ]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} did not start; see {self.log}")
            try:
                if get(self.port, "/")[0] < 500:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"{self.name} did not answer within 60 s; see {self.log}")

    def cpu_seconds(self) -> float | None:
        """User and system CPU time of this server's workers so far (Linux: /proc), or None."""
        if self.process is None or not Path("/proc/self/stat").exists():
            return None
        master, total = str(self.process.pid), 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                # After the command in parentheses: state, ppid, ... utime and stime (11, 12).
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a process that ended meanwhile
            if fields[1] == master:
                total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- wrk ------------------------------------------------------------------------------------


@dataclass
class Run:
    requests_per_second: float
    p50_ms: float
    errors: int
    requests: int = 0
    # The server's CPU time per answered request, in microseconds (None without /proc).
    cpu_us: float | None = None


LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, threads: int, connections: int, seconds: int) -> Run:
    output = subprocess.run(
        # A slow page on a loaded machine is slow, not failed: wrk's own limit is 2 s.
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--timeout",
            "30s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    count = re.search(r"(\d+) requests in", output)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", output)
    if not rate or not p50 or not count:
        raise SystemExit(f"Could not read wrk's output for {url}:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    # A sync worker closes each connection; wrk counts only real failures as errors here.
    if sockets:
        errors += int(sockets.group(1)) + int(sockets.group(4))
    p50_ms = float(p50.group(1)) * LATENCY_UNITS[p50.group(2)]
    return Run(float(rate.group(1)), p50_ms, errors, int(count.group(1)))


def wrk_enough(
    url: str, threads: int, connections: int, seconds: int, minimum: int, server=None
) -> Run:
    """wrk for `seconds`, or longer (up to about a minute) until `minimum` requests were
    answered: on a loaded machine a built page may take a second or more. With `server`,
    also the CPU time its workers spent per request."""
    while True:
        before = server.cpu_seconds() if server else None
        run = wrk(url, threads, connections, seconds)
        after = server.cpu_seconds() if server else None
        if run.requests >= minimum or seconds >= 60:
            break
        seconds = min(seconds * 4, 60)
    if before is not None and after is not None and run.requests:
        run.cpu_us = (after - before) / run.requests * 1e6
    return run


# --- The site's data ------------------------------------------------------------------------


def prepare_site(quiet) -> str:
    """Migrate, load the demo content, collect static files; return the article's address."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=quiet)
    # The public pages' files only: compressing the admin's and the editor's takes 20 s.
    call_command(
        "collectstatic",
        interactive=False,
        verbosity=0,
        ignore_patterns=["admin", "django_prose_editor"],
    )
    from articles.models import Article
    from reuring.demo.content import REURINGCAFE_SLUG

    article = Article.objects.get(slug=REURINGCAFE_SLUG)
    speakers = article.speakers.count()
    if speakers < SPEAKERS_ON_ARTICLE:
        raise SystemExit(f"The Reuringcafé article has {speakers} speakers, not five.")
    return article.get_absolute_url()


def add_comments(article_url: str) -> None:
    from django.utils import timezone

    from articles.models import Article
    from comments.models import Comment
    from comments.thread import forget_thread
    from reuring.demo.content import REURINGCAFE_SLUG
    from reuring.page_cache import content_changed

    article = Article.objects.get(slug=REURINGCAFE_SLUG)
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"Lezer {n}",
            email=f"lezer{n}@example.nl",
            body=f"Reactie {n}: " + COMMENT_TEXT,
            status=Comment.Status.APPROVED,
            moderated_at=now,
        )
        for n in range(1, COMMENTS_ON_ARTICLE + 1)
    )
    # bulk_create sends no signals: forget the cached thread and pages as a save does, or
    # the page measured next (and, with Redis, the one served) still has no comments.
    forget_thread(article.pk)
    content_changed()


COMMENT_TEXT = (
    "Herkenbaar verhaal. Bij ons in de gemeente zien we hetzelfde: leren gebeurt vooral "
    "in het werk zelf, niet in de cursus. Goed dat dit gesprek gevoerd wordt."
)


def grow_to(articles_total: int, comments_total: int) -> None:
    """Copies of the published demo articles (with their speakers, tags and series) and
    approved comments on them, by INSERT ... SELECT: minutes, not hours, for 10x."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from articles.models import Article
    from comments.models import Comment

    templates = list(
        Article.objects.published().exclude(slug__contains="-bulk-").values_list("pk", "slug")
    )
    missing = articles_total - Article.objects.count()
    if missing <= 0:
        return
    newest_before = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    copies = math.ceil(missing / len(templates))
    article_type = ContentType.objects.get_for_model(Article).pk
    sqlite = connection.vendor == "sqlite"
    columns = [str(f.column) for f in Article._meta.concrete_fields if not f.primary_key]
    shifted = (
        "datetime(t.{0}, '-' || n.i || ' hours')" if sqlite else "t.{0} - n.i * interval '1 hour'"
    )
    expressions = {
        "slug": "t.slug || '-bulk-' || n.i",
        "title": "t.title || ' (' || n.i || ')'",
        "publish_at": shifted.format("publish_at"),
        "created_at": shifted.format("created_at"),
        "updated_at": shifted.format("updated_at"),
    }
    select = ", ".join(expressions.get(column, f"t.{column}") for column in columns)
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        for pk, slug in templates:
            done = Article.objects.filter(slug__startswith=f"{slug}-bulk-").count()
            # Newer copies go further back in time, so the demo articles stay the newest.
            cursor.execute(
                f"INSERT INTO articles_article ({', '.join(columns)}) "
                "WITH RECURSIVE n(i) AS (SELECT %s UNION ALL SELECT i + 1 FROM n WHERE i < %s) "
                f"SELECT {select} FROM articles_article t, n WHERE t.id = %s",
                [done + 1, done + copies, pk],
            )
            copied = "a.id > %s AND a.slug LIKE %s"
            cursor.execute(
                "INSERT INTO articles_articlespeaker "
                "(article_id, speaker_id, position, function, organisation) "
                "SELECT a.id, s.speaker_id, s.position, s.function, s.organisation "
                f"FROM articles_article a, articles_articlespeaker s WHERE {copied} "
                "AND s.article_id = %s",
                [newest_before, f"{slug}-bulk-%", pk],
            )
            cursor.execute(
                "INSERT INTO taggit_taggeditem (content_type_id, object_id, tag_id) "
                "SELECT %s, a.id, g.tag_id FROM articles_article a, taggit_taggeditem g "
                f"WHERE {copied} AND g.object_id = %s AND g.content_type_id = %s",
                [article_type, newest_before, f"{slug}-bulk-%", pk, article_type],
            )
        new_articles = Article.objects.filter(pk__gt=newest_before).count()
        per_article = max(1, round((comments_total - Comment.objects.count()) / new_articles))
        false = "0" if sqlite else "false"
        cursor.execute(
            "INSERT INTO comments_comment (article_id, parent_id, name, email, body, status, "
            "held_reason, held_detail, notify_on_approval, is_staff_reply, user_id, "
            "created_at, moderated_at, form_id) "
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %s) "
            "SELECT a.id, NULL, 'Lezer ' || n.i, 'lezer' || n.i || '@example.nl', %s, "
            f"'approved', '', '', {false}, {false}, NULL, a.publish_at, a.publish_at, '' "
            "FROM articles_article a, n WHERE a.id > %s",
            [per_article, COMMENT_TEXT, newest_before],
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"  grown to {Article.objects.count():,} articles and {Comment.objects.count():,} "
        f"comments in {time.monotonic() - started:.0f} s"
    )


# --- Pages ------------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    server: str  # "site", "empty" (every cache empty) or "bare"
    path: str


@dataclass
class Cost:
    queries: int
    html_bytes: int
    slowest_query: str = ""


def pages(article_url: str) -> list[Page]:
    from django.contrib.staticfiles.storage import staticfiles_storage

    return [
        Page("bare view", "bare", "/"),
        Page("article (cached)", "site", article_url),
        Page("article (built)", "empty", article_url),
        Page("home (cached)", "site", "/"),
        Page("home (built)", "empty", "/"),
        Page("nieuws (cached)", "site", "/nieuws/"),
        Page("nieuws (built)", "empty", "/nieuws/"),
        Page("static CSS", "site", staticfiles_storage.url("css/site.css")),
    ]


EMPTY_CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for alias in ("default", "ratelimit")
}


def in_process_cost(page: Page) -> Cost:
    """Queries and HTML bytes of one request, as the page's server would answer it."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    if page.server == "bare" or page.path.startswith("/static/"):
        return Cost(0, 0)
    client = Client()
    if page.server == "site":
        client.get(page.path)  # the first request fills the caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
    else:
        with override_settings(CACHES=EMPTY_CACHES), CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
    assert response.status_code == 200, (page.path, response.status_code)
    slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default=None)
    described = f"{float(slowest['time']) * 1000:.0f} ms: {slowest['sql'][:160]}" if slowest else ""
    return Cost(len(queries), len(response.content), described)


def built_html_bytes(path: str) -> int:
    """The page's size as built with every cache empty."""
    from django.test import Client
    from django.test.utils import override_settings

    with override_settings(CACHES=EMPTY_CACHES):
        return len(Client().get(path).content)


def measure(servers: dict[str, Server], page_list: list[Page], seconds: int, p50_seconds: int):
    """Two rounds in opposite order; per round, each page's run."""
    rounds: list[dict[str, Run]] = []
    for order in (page_list, page_list[::-1]):
        runs = {}
        for page in order:
            server = servers[page.server]
            url = server.base + page.path
            wrk(url, 2, 16, 1)  # warm-up: every worker fills its caches
            throughput = wrk_enough(url, 2, 16, seconds, minimum=32, server=server)
            single = wrk_enough(url, 1, 1, p50_seconds, minimum=5)
            runs[page.name] = Run(
                throughput.requests_per_second,
                single.p50_ms,
                throughput.errors + single.errors,
                cpu_us=throughput.cpu_us,
            )
        rounds.append(runs)
    return rounds


def html_bytes_over_http(servers, page: Page) -> int:
    status, body = get(servers[page.server].port, page.path)
    assert status == 200, (page.path, status)
    return len(body)


def ratio(rounds, index, name) -> float:
    return rounds[index][name].requests_per_second / rounds[index]["bare view"].requests_per_second


def cpu_ratio(rounds, index, name) -> float | None:
    """The bare view's CPU per request over the page's: like `ratio`, higher is cheaper."""
    page, bare = rounds[index][name].cpu_us, rounds[index]["bare view"].cpu_us
    return bare / page if page and bare else None


def report_cpu(page_list, rounds) -> None:
    if rounds[0]["bare view"].cpu_us is None:
        return
    print("\nServer CPU per request (the workers' user + system time during the wrk run, over the")
    print("requests answered; it moves less than req/s when wrk and other load share the cores):")
    print(f"{'page':18} {'round 1 us':>10} {'x bare':>7} {'round 2 us':>10} {'x bare':>7}")
    for page in page_list:
        cells = []
        for index in (0, 1):
            cpu, share = rounds[index][page.name].cpu_us, cpu_ratio(rounds, index, page.name)
            cells.append(f"{cpu:10.0f} {share:7.3f}" if cpu and share else f"{'-':>10} {'-':>7}")
        print(f"{page.name:18} {cells[0]} {cells[1]}")


def report(title: str, page_list, rounds, costs, sizes) -> None:
    print(f"\n{title}")
    print(
        f"{'page':18} {'round 1 req/s':>13} {'x bare':>7} {'round 2 req/s':>13} {'x bare':>7} "
        f"{'p50 ms (1 conn)':>16} {'queries':>8} {'HTML bytes':>11}"
    )
    for page in page_list:
        first, second = rounds[0][page.name], rounds[1][page.name]
        p50 = f"{first.p50_ms:.1f} / {second.p50_ms:.1f}"
        print(
            f"{page.name:18} {first.requests_per_second:13.0f} {ratio(rounds, 0, page.name):7.3f} "
            f"{second.requests_per_second:13.0f} {ratio(rounds, 1, page.name):7.3f} {p50:>16} "
            f"{costs[page.name].queries:8d} {sizes[page.name]:11,d}"
        )
        errors = first.errors + second.errors
        if errors:
            print(f"{'':18} !! {errors} failed responses (non-2xx, connect errors or timeouts)")


def report_targets(rounds, costs, article_bytes) -> None:
    print("\nTargets (ratios to the bare view in the same round; both rounds must meet them):")
    for name, target in TARGETS.items():
        both = (ratio(rounds, 0, name), ratio(rounds, 1, name))
        verdict = "met" if min(both) >= target else "NOT met"
        cpu = [cpu_ratio(rounds, index, name) for index in (0, 1)]
        by_cpu = f"  (by CPU: {cpu[0]:.3f} / {cpu[1]:.3f})" if None not in cpu else ""
        print(f"  {name:18} >= {target:<5} {both[0]:.3f} / {both[1]:.3f}  {verdict}{by_cpu}")
    queries = costs["article (built)"].queries
    verdict = "met" if queries <= MAX_ARTICLE_QUERIES else "NOT met"
    print(f"  article queries    <= {MAX_ARTICLE_QUERIES:<5} {queries}  {verdict}")
    empty, full = article_bytes
    per_comment = (full - empty) / COMMENTS_ON_ARTICLE
    verdict = "met" if empty <= MAX_ARTICLE_BYTES_WITHOUT_COMMENTS else "NOT met"
    print(f"  article HTML without comments <= 20 KB: {empty:,} bytes  {verdict}")
    verdict = "met" if per_comment <= MAX_BYTES_PER_COMMENT else "NOT met"
    print(f"  HTML per comment   <= 400 B: {per_comment:.0f} bytes  {verdict}")


def report_scale(page_list, measured) -> None:
    """How each page's cost changed from 1x to 10x, normalised by the bare view."""
    print("\nFrom 1x to 10x (cost = 1 / requests per second, normalised by the bare view in")
    print("the same round, mean of both rounds; the target is at most 1.5x):")
    print(f"{'page':18} {'1x x bare':>10} {'10x x bare':>11} {'cost x':>7} {'queries':>9}")
    for page in page_list[1:]:
        before, after = (
            statistics.mean(ratio(measured[scale][0], i, page.name) for i in (0, 1))
            for scale in ("1x", "10x")
        )
        queries = (
            f"{measured['1x'][1][page.name].queries} -> {measured['10x'][1][page.name].queries}"
        )
        flag = "" if before / after <= 1.5 else "  !! more than 1.5x"
        print(
            f"{page.name:18} {before:10.3f} {after:11.3f} {before / after:7.2f} {queries:>9}{flag}"
        )
    print("\nSlowest query of each built page at 10x:")
    for page in page_list:
        slowest = measured["10x"][1][page.name].slowest_query
        if slowest:
            print(f"  {page.name}: {slowest}")


# --- Main ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk time per page and round")
    parser.add_argument("--p50-seconds", type=int, default=2, help="one-connection run")
    parser.add_argument("--scale", action="store_true", help="1x and 10x the data")
    parser.add_argument("--port", type=int, default=0, help="first of three ports (default: free)")
    parser.add_argument("--database-url", default="", help="an empty database (default SQLite)")
    parser.add_argument("--redis-url", default="", help="the cache (default: local memory)")
    args = parser.parse_args()

    ensure_wrk()
    workdir = Path(tempfile.mkdtemp(prefix="reuring-http-bench-"))
    env = bench_environment(workdir, args)
    os.environ.update(env)
    import django

    django.setup()

    print(f"Machine: {os.cpu_count()} cores; load: {os.getloadavg()[0]:.2f} (1 min) before")
    with (workdir / "setup.log").open("w") as quiet:
        article_url = prepare_site(quiet)
    article_bytes = [built_html_bytes(article_url)]
    add_comments(article_url)
    article_bytes.append(built_html_bytes(article_url))

    ports = [args.port + n if args.port else free_port() for n in range(3)]
    log = workdir / "gunicorn.log"
    servers = {
        "site": Server("the site", "reuring.wsgi:application", ports[0], env, log),
        "empty": Server(
            "the site with empty caches",
            "reuring.wsgi:application",
            ports[1],
            {**env, "REURING_BENCH_EMPTY_CACHES": "true"},
            log,
        ),
        "bare": Server("the bare view", "bench.bare.wsgi:application", ports[2], env, log),
    }
    page_list = pages(article_url)
    try:
        for server in servers.values():
            server.start()
        if not args.scale:
            costs = {page.name: in_process_cost(page) for page in page_list}
            sizes = {page.name: html_bytes_over_http(servers, page) for page in page_list}
            rounds = measure(servers, page_list, args.seconds, args.p50_seconds)
            report(
                f"gunicorn, {WORKERS} sync workers; wrk 2 threads, 16 connections, "
                f"{args.seconds:g} s per page and round",
                page_list,
                rounds,
                costs,
                sizes,
            )
            report_cpu(page_list, rounds)
            report_targets(rounds, costs, article_bytes)
        else:
            measured = {}
            for scale, (articles, comments) in SCALES.items():
                print(f"\n{scale}: {articles:,} articles, {comments:,} comments")
                grow_to(articles, comments)
                for name in ("site", "empty"):  # bulk inserts bypass the cache versions
                    servers[name].stop()
                    servers[name].start()
                costs = {page.name: in_process_cost(page) for page in page_list}
                sizes = {page.name: html_bytes_over_http(servers, page) for page in page_list}
                rounds = measure(servers, page_list, args.seconds, args.p50_seconds)
                report(f"{scale}:", page_list, rounds, costs, sizes)
                report_cpu(page_list, rounds)
                measured[scale] = (rounds, costs)
            report_scale(page_list, measured)
    finally:
        for server in servers.values():
            server.stop()
        print(f"\nLoad after: {os.getloadavg()[0]:.2f} (1 min). Logs: {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
