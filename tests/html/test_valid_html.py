"""Every public page of the demo site, in every state, is valid HTML by the W3C Nu checker.

    make validate-html        (CI runs it once; it needs Java and `npm ci` for vnu-jar)

Loads the demo content, posts comments through the real form (GET the article, fill in
the form as rendered, POST it with its CSRF cookie and signed fields), approves some as
a moderator, then fetches every page in the sitemap and the states a reader can reach:
lists and their second pages, a reader's own waiting comment, replying, form errors, the
whitepaper request, search results and its empty, junk and nothing-found answers, the
public-sector pages and a 404. All pages go to the checker in one run; any error fails.
"""

import itertools
import json
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Speaker, Whitepaper
from comments.models import Comment
from comments.services import comment_approve
from tests.factories import make_user

pytestmark = [pytest.mark.html_validation, pytest.mark.django_db(transaction=True)]

_minutes_later = itertools.count(1)
REPO = Path(__file__).resolve().parents[2]
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class FormReader(HTMLParser):
    """The fields of the form with `action` as a browser would send them."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields = action, False, {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("action") == self.action:
            self.inside = True
        elif (
            self.inside
            and tag == "input"
            and attributes.get("name")
            and attributes.get("type") not in ("checkbox", "submit")
        ):
            self.fields[attributes["name"]] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_fields(html, action):
    reader = FormReader(action)
    reader.feed(html)
    assert reader.fields, f"no form posting to {action}"
    return reader.fields


def post_through_the_form(client, article, *, name, email, body, parent=None):
    """A reader reading the article for a while, then sending a comment."""
    page = client.get(article.get_absolute_url())
    action = reverse("comments:post", args=[article.pk])
    fields = form_fields(page.text, action)
    fields.update(name=name, email=email, body=body, parent=str(parent.pk) if parent else "")
    # Readers need a few seconds to type; the flood limit wants time between comments.
    later = timezone.now() + timedelta(minutes=next(_minutes_later))
    with time_machine.travel(later, tick=True):
        return client.post(action, fields)


class Pages:
    """What the checker gets: (address, html) of every page fetched."""

    def __init__(self):
        self.pages: dict[str, str] = {}

    def add(self, label, response, *, statuses=(200,)):
        assert response.status_code in statuses, (label, response.status_code)
        if response["Content-Type"].startswith("text/html"):
            self.pages[label] = response.content.decode()


def sitemap_paths(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    locations = root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    return [urlsplit(location.text).path for location in locations]


def reach_every_state(pages: Pages):
    reader = Client(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.10")
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.20")
    cafe = Article.objects.published().filter(series__slug="reuringcafe").first()
    assert cafe is not None, "the demo content has the Reuringcafé article"

    # Comments through the real form: plain, with line breaks and a link, a reply, a long one.
    texts = [
        ("Anna de Vries", "Mooi stuk! Wat betekent dit voor kleine gemeenten?"),
        ("Bram", "Twee vragen:\n1. Wie betaalt?\n2. Zie https://example.org/leren voor meer."),
        ("Chantal <b>O'Neill</b> & co", 'Tekst met <tekens> & "aanhalingstekens".' * 20),
    ]
    for number, (name, body) in enumerate(texts):
        response = post_through_the_form(
            other, cafe, name=name, email=f"lezer{number}@example.nl", body=body
        )
        assert response.status_code in (200, 302), response.status_code
    moderator = make_user(is_staff=True, is_superuser=True)
    for comment in Comment.objects.filter(article=cafe):
        comment_approve(comment=comment, moderator=moderator)
    first = Comment.objects.filter(article=cafe).earliest("created_at")
    reply = post_through_the_form(
        other, cafe, name="Anna de Vries", email="lezer0@example.nl", body="Dank!", parent=first
    )
    assert reply.status_code in (200, 302)
    comment_approve(comment=Comment.objects.latest("created_at"), moderator=moderator)
    # The reader's own comment, still waiting: shown to them only, marked as waiting.
    waiting = post_through_the_form(
        reader, cafe, name="Dirk", email="dirk@example.nl", body="Nog even geduld voor mij."
    )
    assert waiting.status_code == 302
    pages.add("article with own waiting comment", reader.get(waiting["Location"]))
    pages.add("replying", reader.get(cafe.get_absolute_url(), {"reageer-op": first.pk}))
    # A form sent empty: the page again, with the error summary.
    action = reverse("comments:post", args=[cafe.pk])
    empty = form_fields(reader.get(cafe.get_absolute_url()).text, action)
    pages.add("comment form errors", reader.post(action, empty))

    anyone = Client()
    for path in sitemap_paths(anyone):
        pages.add(path, anyone.get(path))
    for path in [
        reverse("articles:list") + "?page=2",
        reverse("comments:policy"),
        reverse("articles:search"),
        reverse("articles:search") + "?q=ambtenaren",
        reverse("articles:search") + "?q=leren&soort=news",
        reverse("articles:search") + "?q=de+overheid&pagina=2",
        reverse("articles:search") + "?q=zeppelin",
        reverse("articles:search") + "?q=%21%21%21+de",
        reverse("articles:search") + "?q=" + "x" * 300,
    ]:
        pages.add(path, anyone.get(path))
    for speaker in Speaker.objects.all():
        pages.add(speaker.get_absolute_url(), anyone.get(speaker.get_absolute_url()))
    pages.add("404", anyone.get("/bestaat-niet/"), statuses=(404,))

    gated = Whitepaper.objects.published().filter(access=Whitepaper.Access.FORM).first()
    if gated is not None:
        request_url = reverse("articles:whitepaper_request", args=[gated.slug])
        form_page = Client(enforce_csrf_checks=True)
        fields = form_fields(form_page.get(gated.get_absolute_url()).text, request_url)
        pages.add("whitepaper form errors", form_page.post(request_url, fields))
        fields.update(name="Eva", email="eva@example.nl", organisation="Gemeente", consent="on")
        thanks = form_page.post(request_url, fields, follow=True)
        pages.add("whitepaper thanks", thanks)


def vnu_errors(pages: dict[str, str]) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="reuring-vnu-"))
    try:
        names = {}
        for number, (label, html) in enumerate(pages.items()):
            path = folder / f"page-{number:03d}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = label
        run = subprocess.run(
            ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", str(folder)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        messages = json.loads(run.stderr or run.stdout)["messages"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        f"{names.get(Path(message.get('url', '')).name, message.get('url'))}:"
        f"{message.get('lastLine')}: "
        f"{message['message']} [{(message.get('extract') or '').strip()[:120]}]"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def test_every_public_page_is_valid_html(settings):
    assert VNU.exists(), f"{VNU} is missing: run `npm ci` (vnu-jar) first"
    assert shutil.which("java"), "the Nu HTML Checker needs Java (17 or newer)"
    settings.REURING_PAGE_CACHE_SECONDS = 0  # every page built, as in its first request
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pages = Pages()

    reach_every_state(pages)

    assert len(pages.pages) > 30
    errors = vnu_errors(pages.pages)
    assert errors == [], f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
    assert not [
        label for label, html in pages.pages.items() if re.search(r"<time[^>]*\.\d{4,}", html)
    ]
