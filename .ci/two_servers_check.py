"""Two app servers, one PostgreSQL, one Redis: what one server changes, the other shows at once.

Two gunicorns (production settings, 2 workers each) on two loopback ports share a database of
their own and a Redis database. Passes when:

1. an editor who renames an article in server A's admin, and a moderator who approves a
   waiting comment there, see both on server B's next response (article page and home), after
   B had the old pages in its cache;
2. flood control counts across both: a second comment from one network within the flood
   window is refused (429) by B after A took the first;
3. a scheduled article appears on both servers at its moment (home and its own page), with
   both servers' pages cached just before.

    .venv/bin/python .ci/two_servers_check.py

Environment: REURING_TWO_SERVERS_DATABASE (reuring_two_servers; created and dropped here),
REURING_PG_PORT (5432), REURING_TWO_SERVERS_REDIS_URL (redis://127.0.0.1:6379/1: a Redis
database for this check alone, it is emptied before and after), REURING_TWO_SERVERS_PORT (the
first of two ports; default: two free ones).
"""

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PG_PORT = os.environ.get("REURING_PG_PORT", "5432")
DATABASE = os.environ.get("REURING_TWO_SERVERS_DATABASE", "reuring_two_servers")
REDIS_URL = os.environ.get("REURING_TWO_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/1")
PASSWORD = "correct horse battery staple"  # noqa: S105 (tests.factories.make_user's)
FIRST_PORT = int(os.environ.get("REURING_TWO_SERVERS_PORT", "0"))
SCHEDULE_AFTER_SECONDS = 12
FORM_MINIMUM_SECONDS = 3.5  # the comment form refuses what is sent within three seconds
failures: list[str] = []


def check(condition: bool, what: str) -> None:
    print(f"  {'ok  ' if condition else 'FAIL'} {what}")
    if not condition:
        failures.append(what)


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
        "REDIS_URL": REDIS_URL,
        "REURING_MAIL_BACKEND": "console",
        "REURING_VAR_DIR": str(ROOT / "var" / "two-servers-check"),
    }


def run(*args: str, env=None, timeout=300) -> str:
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def shell(env, code: str) -> str:
    return run(PYTHON, "manage.py", "shell", "-v", "0", "-c", code, env=env).strip()


def psql(sql: str) -> None:
    run("psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-q", "-c", sql)


def empty_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def collect_static(env) -> None:
    """collectstatic, unless an earlier run (the restart check) left a current manifest."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    sources = [path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file()]
    if manifest.exists() and manifest.stat().st_mtime > max(sources):
        return
    run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0", env=env)


class Browser:
    """One visitor: cookies kept between requests, from an address of its own."""

    def __init__(self, source: str = "127.0.0.1"):
        self.source = source
        self.cookies: dict[str, str] = {}

    def request(self, port, method, path, fields=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=60, source_address=(self.source, 0)
        )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{port}{path}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                value = rest.split(";")[0]
                if value and "max-age=0" not in header.lower():
                    self.cookies[name.strip()] = value
                else:
                    self.cookies.pop(name.strip(), None)
            return response.status, response.getheader("Location", ""), response.read().decode()
        finally:
            connection.close()

    def get(self, port, path):
        return self.request(port, "GET", path)

    def post(self, port, path, fields, headers=None):
        return self.request(port, "POST", path, fields, headers)


class FormFields(HTMLParser):
    """The values a browser would send with the first form that has the given attribute
    (`id="..."` when a value is given, else just the attribute), and where it sends them."""

    def __init__(self, attribute: str, value: str | None = None):
        super().__init__(convert_charrefs=True)
        self.attribute, self.value = attribute, value
        self.inside, self.done, self.action = False, False, ""
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.select: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.done:
            found = attributes.get(self.attribute)
            self.inside = found is not None and self.value in (None, found)
            if self.inside:
                self.action = attributes.get("action", "")
        if not self.inside:
            return
        name = attributes.get("name", "")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self.fields.append((name, attributes.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attributes:
            self.fields.append((self.select, attributes.get("value", "")))

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields("id", form_id)
    parser.feed(html)
    return parser.fields


def comment_form(page: str) -> tuple[str, dict[str, str]]:
    """The comment form's address and what a reader sends with it."""
    parser = FormFields("data-comment-form")
    parser.feed(page)
    fields = dict(parser.fields)
    fields.update(name="Lezer", email="lezer@example.nl", body="Een reactie via twee servers.")
    return parser.action, fields


def log_in(browser: Browser, port: int) -> None:
    _, _, page = browser.get(port, "/admin/login/")
    fields = dict(form_fields(page, "login-form"))
    fields.update(username="redacteur", password=PASSWORD, next="/admin/")
    status, location, _ = browser.post(port, "/admin/login/", fields)
    if status != 302:
        raise SystemExit(f"Could not log in to server A's admin (status {status}).")


def rename_article(browser: Browser, port: int, article_pk: str, title: str) -> int:
    path = f"/admin/articles/article/{article_pk}/change/"
    _, _, page = browser.get(port, path)
    fields = [(k, v) for k, v in form_fields(page, "article_form") if k != "title"]
    fields.append(("title", title))
    fields.append(("_save", "Opslaan"))
    status, location, answer = browser.post(port, path, fields)
    if status != 302:
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', answer, re.S)
        print(f"  the admin refused the change: {[unescape(e) for e in errors][:5]}")
    return status


def approve_comment(browser: Browser, port: int, comment_pk: str) -> int:
    _, _, page = browser.get(port, "/admin/comments/comment/")
    token = dict(form_fields(page, "changelist-form"))["csrfmiddlewaretoken"]
    path = f"/admin/comments/comment/{comment_pk}/approve/"
    status, _, _ = browser.post(port, path, {"csrfmiddlewaretoken": token})
    return status


SEED = """
from datetime import timedelta
from django.utils import timezone
from comments.models import Comment
from tests.factories import make_article, make_user
make_user('redacteur', is_staff=True, is_superuser=True, email='r@example.nl')
article = make_article('Twee servers, oude titel', slug='twee-servers')
comment = Comment.objects.create(
    article=article, name='Wachtende lezer', email='w@example.nl',
    body='Deze reactie wacht op goedkeuring.', status=Comment.Status.PENDING,
)
print(article.pk, comment.pk)
"""

SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from tests.factories import make_article
moment = timezone.now() + timedelta(seconds={seconds})
make_article('Gepland artikel verschijnt', slug='gepland-artikel', publish_at=moment)
print(moment.timestamp())
"""


def start(env, port, log) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "--config",
            "deploy/gunicorn.conf.py",
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_until_up(port) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Browser().get(port, "/gezond/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"The server on port {port} did not become healthy within 60 s.")


def main() -> int:
    began = time.monotonic()
    env = environment()
    (ROOT / "var").mkdir(exist_ok=True)
    psql(f'DROP DATABASE IF EXISTS "{DATABASE}"')
    psql(f'CREATE DATABASE "{DATABASE}"')
    empty_redis()
    servers: list[subprocess.Popen] = []
    try:
        run(PYTHON, "manage.py", "migrate", "--noinput", "-v", "0", env=env)
        collect_static(env)
        seeded = shell(env, SEED)
        article_pk, comment_pk = seeded.split()
        log = (ROOT / "var" / "two-servers-check-gunicorn.log").open("w")
        a, b = (FIRST_PORT, FIRST_PORT + 1) if FIRST_PORT else (free_port(), free_port())
        servers = [start(env, a, log), start(env, b, log)]
        wait_until_up(a)
        wait_until_up(b)
        print(f"Two app servers: A on port {a}, B on port {b} (PostgreSQL {DATABASE}, {REDIS_URL})")
        return scenario(env, a, b, article_pk, comment_pk, began)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        psql(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        empty_redis()


def scenario(env, a, b, article_pk, comment_pk, began) -> int:
    reader = Browser()
    article = "/nieuws/twee-servers/"

    print("1. A change in A's admin is on B's next response")
    for _ in range(2):  # the second answer comes from B's page cache where it may
        status, _, before = reader.get(b, article)
        _, _, home_before = Browser().get(b, "/")
    check("oude titel" in before and "oude titel" in home_before, "B shows the old title first")
    check("Deze reactie wacht" not in before, "B does not show the waiting comment")
    editor = Browser()
    log_in(editor, a)
    check(
        rename_article(editor, a, article_pk, "Twee servers, nieuwe titel") == 302,
        "A's admin saves the new title",
    )
    check(approve_comment(editor, a, comment_pk) == 302, "A's admin approves the comment")
    _, _, after = Browser().get(b, article)
    _, _, home_after = Browser().get(b, "/")
    check("nieuwe titel" in after and "oude titel" not in after, "B's article page: new title")
    check("nieuwe titel" in home_after, "B's home page: new title")
    check("Deze reactie wacht op goedkeuring." in after, "B's article page: approved comment")

    print("2. Flood limits count across both servers")
    first, second = Browser("127.9.9.1"), Browser("127.9.9.2")  # one /24 network
    _, _, page_a = first.get(a, article)
    _, _, page_b = second.get(b, article)
    time.sleep(FORM_MINIMUM_SECONDS)
    action_a, fields_a = comment_form(page_a)
    action_b, fields_b = comment_form(page_b)
    sent_a, _, _ = first.post(a, action_a, fields_a)
    fields_b["email"] = "iemand-anders@example.nl"  # only the network is the same
    sent_b, _, _ = second.post(b, action_b, fields_b)
    check(sent_a in (200, 201, 302), f"A takes the first comment ({sent_a})")
    check(sent_b == 429, f"B refuses the second from that network within 15 s ({sent_b})")

    print(f"3. A scheduled article appears on both at its moment ({SCHEDULE_AFTER_SECONDS} s)")
    moment = float(shell(env, SCHEDULE.format(seconds=SCHEDULE_AFTER_SECONDS)))
    for port in (a, b):
        for _ in range(2):
            _, _, home = Browser().get(port, "/")
        status = Browser().get(port, "/nieuws/gepland-artikel/")[0]
        check("Gepland artikel" not in home and status == 404, f"not yet on :{port}")
    time.sleep(max(0.0, moment - time.time()) + 0.3)
    for port in (a, b):
        _, _, home = Browser().get(port, "/")
        status = Browser().get(port, "/nieuws/gepland-artikel/")[0]
        check("Gepland artikel verschijnt" in home, f"on :{port}'s home page at its moment")
        check(status == 200, f"its own page on :{port} at its moment")

    print(f"{'PASS' if not failures else 'FAIL'} in {time.monotonic() - began:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
