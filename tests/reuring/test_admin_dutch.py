"""The admin speaks Dutch to the redactie and the moderators: the rendered HTML of every page
they use holds none of Django's or the apps' default English (tests/admin_pages.py).

The browser test (tests/browser/test_admin_layout.py) also reads what scripts write and
checks the width at 1280 px.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.models import Article, Series
from tests.admin_pages import (
    EDITOR_PAGES,
    FINAL_EDITOR_PAGES,
    MODERATOR_PAGES,
    english_in,
    make_admin_objects,
    make_staff,
)
from tests.factories import make_series

LABEL_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
BUTTON_TYPES = {"submit", "button", "reset"}


class ReadableText(HTMLParser):
    """What a reader of the page sees or hears: text, labels, tooltips, button captions."""

    SKIP = {"script", "style", "textarea", "template"}

    def __init__(self):
        super().__init__()
        self.texts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.SKIP:
            self._skipping += 1
        self.texts.extend(
            value for name, value in attributes.items() if name in LABEL_ATTRIBUTES and value
        )
        if tag == "input" and attributes.get("type") in BUTTON_TYPES and attributes.get("value"):
            self.texts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.texts.append(data)


def readable_text(html):
    parser = ReadableText()
    parser.feed(html)
    return parser.texts


@pytest.fixture
def objects(db):
    return make_admin_objects()


def assert_dutch(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    english = english_in(readable_text(response.content.decode()))
    assert not english, f"{path} shows English: {english}"


@pytest.mark.parametrize("page", EDITOR_PAGES)
def test_pages_of_the_redactie_show_no_english(client, objects, page):
    client.force_login(make_staff("redacteur", "Redactie"))
    assert_dutch(client, page.format(**objects))


@pytest.mark.parametrize("page", FINAL_EDITOR_PAGES)
def test_pages_of_the_final_editors_show_no_english(client, objects, page):
    client.force_login(make_staff("eindredacteur", "Eindredactie"))
    assert_dutch(client, page.format(**objects))


@pytest.mark.parametrize("page", MODERATOR_PAGES)
def test_pages_of_the_moderators_show_no_english(client, objects, page):
    client.force_login(make_staff("moderator", "Moderatoren"))
    assert_dutch(client, page.format(**objects))


def test_the_login_page_shows_no_english(client, db):
    assert_dutch(client, reverse("admin:login"))


def test_the_english_list_catches_what_the_admin_used_to_show():
    # The words from the issue, as Django and the apps write them.
    shown = [
        "TAGGIT",
        "Taggit",
        "Tasks Database Backend",
        "- Select an option -",
        "Search reacties",
        "Filter by geplaatst",
        "Note: Enter times in the Europe/Amsterdam timezone. (You are 1 hour behind.)",
        "Heading 2",
        "bold",
        "insert link",
        "Save and continue editing",
    ]
    assert set(english_in(shown)) == set(shown) - {"TAGGIT"}  # CSS capitals: see browser test
    assert not english_in(["Zoeken in reacties", "Filteren op geplaatst", "Status", "Filter"])


def test_app_names_are_dutch_on_the_index(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert "Achtergrondtaken" in response.text
    assert "Taakresultaten" in response.text  # the task results, which only superusers see
    assert "Task Results" not in response.text
    assert not english_in(readable_text(response.text))


def test_deleting_names_the_kind_after_the_object_not_with_a_wrong_article_word(client, db):
    # Django's Dutch says "De serie ..." and "De artikel ...": wrong for every "het" word.
    client.force_login(make_staff("redacteur", "Redactie"))
    series = make_series("Lege serie")
    url = reverse("admin:articles_series_delete", args=[series.pk])

    question = client.get(url)
    done = client.post(url, {"post": "yes"}, follow=True)

    assert "Weet u zeker dat u ‘Lege serie’ (serie) wilt verwijderen?" in question.text
    assert "‘Lege serie’ (serie) is verwijderd." in done.text
    assert not Series.objects.filter(pk=series.pk).exists()


def test_an_article_with_comments_says_in_dutch_why_the_redactie_cannot_delete_it(client, objects):
    client.force_login(make_staff("redacteur", "Redactie"))
    article = Article.objects.get(pk=objects["article"])

    response = client.get(reverse("admin:articles_article_delete", args=[article.pk]))

    assert f"Met ‘{article.title}’ (artikel) zouden ook andere gegevens verdwijnen" in response.text
    assert "De artikel" not in response.text


def test_the_admin_loads_the_dutch_editor_labels_and_the_layout(client, objects):
    client.force_login(make_staff("redacteur", "Redactie"))
    response = client.get(reverse("admin:articles_article_change", args=[objects["article"]]))
    assert "js/admin-dutch.js" in response.text
    assert "css/admin.css" in response.text
    catalogue = client.get(reverse("admin:jsi18n")).text
    for dutch in ("Link invoegen", "Vet", "Kop %s", "uur achter"):
        assert dutch in catalogue
