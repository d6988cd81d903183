"""200 readers post at the same moment to a running server on SQLite: every comment is stored.

The server is Django's threaded development server (what `make run` uses) in its own
process on a free loopback port, with a production-like listen backlog (see serve.py),
and its own SQLite file in WAL mode with immediate transactions, as configured in settings.
Each reader connects from its own loopback network (127.0.N.1), so flood control sees 200
different readers, as it would in real life, and stays on.
"""

import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.matching import search

ROOT = Path(__file__).resolve().parents[2]
READERS = 200
REQUEST_TIMEOUT = 60
SERVER_START_TIMEOUT = 60


def server_environment(database: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "reuring.settings",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{database}",
        "REDIS_URL": "",
        "REURING_MAIL_BACKEND": "console",
        "PYTHONUNBUFFERED": "1",
    }


def manage(env, *args, timeout=180):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, cookie=""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    return response.status, response.getheader("Set-Cookie") or "", response.read().decode()


def wait_for_server(port, path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            return get(port, path)
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the server did not answer on port {port}")


def hidden_fields(page: str) -> dict[str, str]:
    names = ("csrfmiddlewaretoken", "article", "timestamp", "form_id", "security_hash")
    return {name: search(rf'name="{name}" value="([^"]*)"', page).group(1) for name in names}


@pytest.fixture
def running_server(tmp_path):
    """A migrated SQLite database with one article, served in another process; stopped after."""
    database = tmp_path / "concurrency.sqlite3"
    env = server_environment(database)
    manage(env, "migrate", "--noinput", "-v", "0")
    slug = manage(
        env,
        "shell",
        "-v",
        "0",
        "-c",
        "from tests.factories import make_article; print(make_article('Druk artikel').slug)",
    ).strip()
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "tests.comments.serve", str(port)],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield port, f"/nieuws/{slug}/", database, log
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def test_200_comments_posted_at_once_are_all_stored(running_server):
    port, path, database, log = running_server
    status, _cookie, page = wait_for_server(port, path)
    assert status == 200
    form_action = search(r'action="(/reacties/\d+/)"', page).group(1)

    # Each reader opens the article (its own form: a form sends one comment), then all
    # wait until a reader would have typed (the form's three-second minimum) and send.
    start_line = threading.Barrier(READERS, action=lambda: time.sleep(3.5))
    results: list[int | str | None] = [None] * READERS

    def reader(n):
        try:
            _status, set_cookie, own_page = get(port, path)
            form = hidden_fields(own_page)
            cookie = set_cookie.split(";")[0]
        finally:
            start_line.wait(timeout=REQUEST_TIMEOUT * 2)
        body = urlencode(
            {
                **form,
                "name": f"Lezer {n}",
                "email": f"lezer{n}@example.nl",
                "body": f"Reactie {n} uit een drukke middag.",
                "parent": "",
                "website": "",
            }
        )
        connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=REQUEST_TIMEOUT, source_address=(f"127.0.{n + 1}.1", 0)
        )
        try:
            connection.request(
                "POST",
                form_action,
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie,
                    "Referer": f"http://127.0.0.1:{port}{path}",
                },
            )
            results[n] = connection.getresponse().status
        except OSError as error:
            results[n] = repr(error)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT * 3)
    elapsed = time.monotonic() - began

    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT COUNT(*) FROM comments_comment").fetchone()[0]
    server_log = log.read_text()
    print(f"\n{stored} of {READERS} comments stored in {elapsed:.1f} s")

    assert results == [302] * READERS, sorted({str(r) for r in results})
    assert stored == READERS
    assert "database is locked" not in server_log
