"""PostgreSQL restarts while gunicorn takes 300 comment posts from 20 clients: nothing is lost.

What a reader's browser does is what each client does: it opens the article (its own form),
waits as a reader would, and sends the comment the way the page's script does (JSON). A 503
or a dropped connection is what the reader sees as "send again": the client sends the same
form again after Retry-After. Halfway, the database is restarted.

Passes when: no answer is a 500, every comment is stored exactly once, every stored comment
has its moderator mail queued, and the site answers again within 5 s of the database being
back. Prints the counts either way.

    .venv/bin/python .ci/db_restart_check.py

Environment: REURING_PG_CLUSTER (main), REURING_PG_PORT (5432), REURING_PG_VERSION (15),
REURING_RESTART_DATABASE (reuring_restart_check). CI restarts the machine's own cluster;
while developing, use a cluster of your own:
    pg_createcluster 15 hardening -p 5439 --start -- --auth-local=trust --auth-host=trust
    REURING_PG_CLUSTER=hardening REURING_PG_PORT=5439 .venv/bin/python .ci/db_restart_check.py
"""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CLUSTER = os.environ.get("REURING_PG_CLUSTER", "main")
PG_PORT = os.environ.get("REURING_PG_PORT", "5432")
PG_VERSION = os.environ.get("REURING_PG_VERSION", "15")
DATABASE = os.environ.get("REURING_RESTART_DATABASE", "reuring_restart_check")
POSTS, CLIENTS = 300, 20
RESTART_AFTER_POSTS = 60  # answered posts before the restart begins
RECOVERY_LIMIT_SECONDS = 5.0
GIVE_UP_SECONDS = 60  # a client stops retrying one comment after this long
TIMEOUT = 30

HIDDEN = ("csrfmiddlewaretoken", "article", "timestamp", "form_id", "security_hash")


def environment() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REURING_"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "reuring.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/{DATABASE}",
        "REDIS_URL": "",
        "REURING_MAIL_BACKEND": "console",
        "REURING_VAR_DIR": str(ROOT / "var" / "restart-check"),
    }


def run(*args: str, env=None, timeout=300) -> str:
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def psql(sql: str) -> None:
    run("psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-q", "-c", sql)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(port, method, path, *, body=None, headers=None, source="127.0.0.1"):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=TIMEOUT, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Set-Cookie") or "", response.read().decode()
    finally:
        connection.close()


def reader_address(n: int) -> str:
    """Each comment from a network of its own, so flood control sees 300 readers."""
    return f"127.{1 + n // 250}.{n % 250}.1"


@dataclass
class Results:
    statuses: list[int | str] = field(default_factory=list)
    moments: list[float] = field(default_factory=list)
    answered: int = 0
    gave_up: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status):
        with self.lock:
            self.statuses.append(status)
            self.moments.append(time.monotonic())
            if status == 201:
                self.answered += 1


def open_form(port, path, n) -> dict[str, str]:
    """What the reader's browser has after opening the article: a form and its cookie."""
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while True:
        try:
            status, set_cookie, page = request(port, "GET", path, source=reader_address(n))
            if status == 200:
                break
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)
    fields = {}
    for name in HIDDEN:
        marker = f'name="{name}" value="'
        start = page.index(marker) + len(marker)
        fields[name] = page[start : page.index('"', start)]
    fields["cookie"] = set_cookie.split(";")[0]
    return fields


def post_until_stored(port, action, form, n, results: Results) -> None:
    cookie = form.pop("cookie")
    body = urlencode(
        {
            **form,
            "name": f"Lezer {n}",
            "email": f"lezer{n}@example.nl",
            "body": f"Herstartproef reactie {n}.",
            "parent": "",
            "website": "",
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "Cookie": cookie,
    }
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        try:
            status, _cookie, answer = request(
                port, "POST", action, body=body, headers=headers, source=reader_address(n)
            )
        except OSError as error:
            status, answer = f"connection: {error.__class__.__name__}", ""
        results.record(status)
        if status == 201:
            return
        if status != 503 and not isinstance(status, str):
            print(f"comment {n}: unexpected {status}: {answer[:200]}")
            return
        time.sleep(1)  # the reader presses "send again"
    results.gave_up.append(n)


class Probe(threading.Thread):
    """Asks for the article page ten times a second: when did the site answer again?"""

    def __init__(self, port, path):
        super().__init__(daemon=True)
        self.port, self.path = port, path
        self.answers: list[tuple[float, int | str]] = []
        self.running = True

    def run(self):
        while self.running:
            try:
                status = request(self.port, "GET", self.path)[0]
            except OSError as error:
                status = error.__class__.__name__
            self.answers.append((time.monotonic(), status))
            time.sleep(0.1)

    def back_after(self, moment: float) -> float | None:
        """Seconds from `moment` to the first 200 after it."""
        for at, status in self.answers:
            if at >= moment and status == 200:
                return at - moment
        return None


def restart_database(results: Results, timing: dict):
    while results.answered < RESTART_AFTER_POSTS:
        time.sleep(0.05)
    timing["restart_began"] = time.monotonic()
    # Where systemd runs the cluster, pg_ctlcluster hands the restart to it.
    run("pg_ctlcluster", PG_VERSION, CLUSTER, "restart", timeout=120)
    timing["database_back"] = time.monotonic()


def stored_counts(env) -> dict:
    code = """
import json
from collections import Counter
from comments.models import Comment
from django_tasks_db.models import DBTaskResult
bodies = Counter(Comment.objects.values_list("body", flat=True))
queued = {
    task.args_kwargs["args"][0]
    for task in DBTaskResult.objects.filter(task_path="comments.tasks.notify_moderators")
}
ids = set(Comment.objects.values_list("pk", flat=True))
print(json.dumps({"bodies": bodies, "without_mail": len(ids - queued), "tasks": len(queued)}))
"""
    return json.loads(run(PYTHON, "manage.py", "shell", "-v", "0", "-c", code, env=env))


def main() -> int:
    env = environment()
    (ROOT / "var").mkdir(exist_ok=True)
    psql(f'DROP DATABASE IF EXISTS "{DATABASE}"')
    psql(f'CREATE DATABASE "{DATABASE}"')
    gunicorn = None
    try:
        run(PYTHON, "manage.py", "migrate", "--noinput", "-v", "0", env=env)
        run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0", env=env)
        slug = run(
            PYTHON,
            "manage.py",
            "shell",
            "-v",
            "0",
            "-c",
            "from tests.factories import make_article, make_user;"
            "make_user('moderator', is_staff=True, is_superuser=True, email='m@example.nl');"
            "print(make_article('Herstartproef').slug)",
            env=env,
        ).strip()
        path = f"/nieuws/{slug}/"
        port = free_port()
        log = (ROOT / "var" / "restart-check-gunicorn.log").open("w")
        gunicorn = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "reuring.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                "--workers=2",
                "--threads=4",
                "--backlog=2048",
                "--no-control-socket",
                "--timeout=60",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        page = open_form(port, path, 0)
        action = f"/reacties/{page['article']}/"

        forms: list[dict[str, str]] = [{}] * POSTS

        def open_forms(client):
            for n in range(client, POSTS, CLIENTS):
                forms[n] = open_form(port, path, n)

        run_all(open_forms)
        time.sleep(3.5)  # a reader types longer than the form's three-second minimum

        results, timing = Results(), {}
        probe = Probe(port, path)
        probe.start()
        restarter = threading.Thread(target=restart_database, args=(results, timing))
        restarter.start()
        began = time.monotonic()

        def send_all(client):
            for n in range(client, POSTS, CLIENTS):
                post_until_stored(port, action, forms[n], n, results)

        run_all(send_all)
        elapsed = time.monotonic() - began
        restarter.join(timeout=180)
        time.sleep(0.5)
        probe.running = False
        counts = stored_counts(env)
    finally:
        if gunicorn:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        psql(f'DROP DATABASE IF EXISTS "{DATABASE}"')

    return report(results, timing, probe, counts, elapsed)


def run_all(work):
    threads = [threading.Thread(target=work, args=(client,)) for client in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def report(results, timing, probe, counts, elapsed) -> int:
    statuses = results.statuses
    bodies = counts["bodies"]
    sent = {f"Herstartproef reactie {n}." for n in range(POSTS)}
    lost = len(sent - set(bodies))
    duplicated = sum(count - 1 for count in bodies.values() if count > 1)
    errors_500 = sum(1 for status in statuses if status == 500)
    unavailable = sum(1 for status in statuses if status == 503)
    dropped = sum(1 for status in statuses if isinstance(status, str))
    restart_seconds = timing["database_back"] - timing["restart_began"]
    back_after = probe.back_after(timing["database_back"])
    during = sum(
        1 for at in results.moments if timing["restart_began"] <= at <= timing["database_back"]
    )
    overlapped = during > 0 and max(results.moments) > timing["database_back"]
    failures = [at for at, status in probe.answers if status != 200]
    outage = failures[-1] - failures[0] if failures else 0.0
    print(
        f"Database restart under load ({POSTS} comment posts from {CLIENTS} clients, "
        f"cluster {PG_VERSION}/{CLUSTER}, {elapsed:.1f} s):"
    )
    print(f"  answers: {len(statuses)} ({unavailable} x 503 with Retry-After, {dropped} dropped)")
    print(f"  answers while the database restarted: {during}")
    print(f"  500s: {errors_500}")
    print(f"  comments stored: {sum(bodies.values())} of {POSTS}")
    print(f"  lost: {lost} (gave up: {len(results.gave_up)})")
    print(f"  duplicated: {duplicated}")
    print(
        f"  notifications queued: {counts['tasks']}, "
        f"comments stored without one: {counts['without_mail']}"
    )
    print(f"  restart took {restart_seconds:.1f} s; the site answered again ", end="")
    if back_after is None:
        print("never")
    else:
        print(f"{back_after:.2f} s after the database was back (failing for {outage:.1f} s)")
    if not overlapped:
        print("  the posts did not overlap the restart: nothing was tested")
    ok = (
        overlapped
        and errors_500 == 0
        and lost == 0
        and duplicated == 0
        and counts["without_mail"] == 0
        and back_after is not None
        and back_after <= RECOVERY_LIMIT_SECONDS
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
