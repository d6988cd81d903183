"""Microseconds per page-cache hit in this process, through the site's WSGI application.

    .venv/bin/python bench/hits.py /path/to/copy-of-a-bench-site [--profile article]

The site is the folder a `make bench` run leaves (REURING_VAR_DIR, printed as "Logs:"):
copy it first, as the first request of each page stores it. Production settings as
bench/http_pages.py gives them; every page is asked for once (stored), then timed as a
reader without cookies, the best of three runs. The bare view of bench/bare is timed in a
second process, for the ratio; wrk over gunicorn adds its own cost to both.
"""

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = {
    "article": "/nieuws/reuringcafe-over-leren-en-ontwikkelen/",
    "home": "/",
    "nieuws": "/nieuws/",
}


def environ(path: str) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def call(application, path: str) -> tuple[str, dict[str, str]]:
    started: dict = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    result = application(environ(path), start_response)
    b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return started["status"], started["headers"]


def microseconds(application, path: str, number: int = 2000) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(number):
            call(application, path)
        best = min(best, (time.perf_counter() - started) / number * 1e6)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", help="a copy of a bench site folder")
    parser.add_argument("--profile", choices=sorted(PAGES), help="cProfile one page's hits")
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.bare:
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
        from bench.bare.wsgi import application as bare

        call(bare, "/")
        print(f"{'bare view':8} {microseconds(bare, '/'):7.1f} us")
        return 0
    if not args.site:
        parser.error("the site folder is needed")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.http_settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-hits-only-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        REURING_VAR_DIR=args.site,
        DJANGO_MEDIA_ROOT=str(Path(args.site) / "media"),
        REURING_MAIL_BACKEND="console",
        DATABASE_URL="",
        REDIS_URL="",
    )
    from reuring.wsgi import application

    if args.profile:
        path = PAGES[args.profile]
        call(application, path)
        profile = cProfile.Profile()
        profile.runcall(lambda: [call(application, path) for _ in range(3000)])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        return 0
    for name, path in PAGES.items():
        call(application, path)  # stores the page
        status, headers = call(application, path)
        assert status == "200 OK" and headers.get("X-Page-Cache") == "hit", (name, status)
        print(f"{name:8} {microseconds(application, path):7.1f} us per hit")
    subprocess.run([sys.executable, __file__, "--bare"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
