"""The admin pages the redactie and the moderators use, and the English they must not show.

Shared by the fast test on the rendered HTML (tests/reuring/test_admin_dutch.py) and the
browser test at 1280 px (tests/browser/test_admin_layout.py). Add a page of your feature
to EDITOR_PAGES or MODERATOR_PAGES: a path with `{name}` for the id of an object made by
`make_admin_objects` (add the object there if it is new).
"""

import ast
import re
from functools import cache
from importlib import import_module
from pathlib import Path

import django
import django_prose_editor
import taggit
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from reversion.models import Version

from articles.review import item_submit
from comments.models import Comment, WordRule
from comments.services import comment_approve
from tests.factories import make_article, make_series, make_speaker, make_user
from tests.factories_site import make_promotion, make_site_details, make_whitepaper
from toolbox.history import add_first_versions

PASSWORD = "correct horse battery staple"

# Everything a member of Redactie works with: content, the site-wide blocks and pages, and
# the comments they may read.
EDITOR_PAGES = [
    "/admin/",
    "/admin/articles/",
    "/admin/articles/article/",
    "/admin/articles/article/?q=Reuringcaf%C3%A9",
    "/admin/articles/article/add/",
    "/admin/articles/article/{article}/change/",
    "/admin/articles/article/{article}/history/",
    "/admin/articles/article/{article}/history/{version}/restore/",
    "/admin/articles/article/{article}/delete/",
    "/admin/articles/article/planning/",
    "/admin/articles/article/?visibility=review",
    "/admin/articles/speaker/",
    "/admin/articles/speaker/add/",
    "/admin/articles/speaker/{speaker}/change/",
    "/admin/articles/speaker/{speaker}/delete/",
    "/admin/articles/series/",
    "/admin/articles/series/add/",
    "/admin/articles/series/{series}/change/",
    "/admin/articles/whitepaper/",
    "/admin/articles/whitepaper/add/",
    "/admin/articles/whitepaper/{whitepaper}/change/",
    "/admin/articles/whitepaperlead/",
    "/admin/taggit/",
    "/admin/taggit/tag/",
    "/admin/taggit/tag/add/",
    "/admin/taggit/tag/{tag}/change/",
    "/admin/reuring/",
    "/admin/reuring/promotion/",
    "/admin/reuring/promotion/add/",
    "/admin/reuring/promotion/{promotion}/change/",
    "/admin/reuring/sitedetails/",
    "/admin/reuring/accessibilitystatement/",
    "/admin/reuring/privacystatement/",
    "/admin/reuring/colophon/",
    "/admin/comments/comment/",
    "/admin/comments/comment/{comment}/change/",
    "/admin/password_change/",
]

# Everything a moderator works with: the queue, a comment, the word lists and the policy.
MODERATOR_PAGES = [
    "/admin/",
    "/admin/comments/",
    "/admin/comments/comment/",
    "/admin/comments/comment/?status__exact=pending",
    "/admin/comments/comment/?q=debat",
    "/admin/comments/comment/{comment}/change/",
    "/admin/comments/comment/{comment}/delete/",
    "/admin/comments/moderationaction/",
    "/admin/comments/wordrule/",
    "/admin/comments/wordrule/add/",
    "/admin/comments/wordrule/{wordrule}/change/",
    "/admin/comments/commentpolicy/",
    "/admin/password_change/",
]

# What only the Eindredactie sees: the review queue, an article waiting for them and the
# page that sends it back to its writer with a reason.
FINAL_EDITOR_PAGES = [
    "/admin/",
    "/admin/articles/article/?visibility=review",
    "/admin/articles/article/{in_review}/change/",
    "/admin/articles/article/{in_review}/terugsturen/",
    "/admin/articles/article/planning/",
]

READER_TEXT = (
    "Een heel mooi verslag van het debat, met een paar kanttekeningen over leren in de "
    "overheid en over de rol die HR speelt bij het ontwikkelen van mensen in organisaties."
)


def make_admin_objects():
    """The records the pages are about, as the newsroom has them: an article with speakers,
    tags and a series; comments waiting with long names and reasons; the site-wide blocks.
    Returns the ids by the names used in the page lists."""
    speaker = make_speaker(
        "Sigrid van de Poel", function="bestuurder", organisation="Jeugdbescherming Regio"
    )
    series = make_series("Reuringcafé")
    article = make_article(
        "Reuringcafé over leren en ontwikkelen in de overheid van morgen",
        series=series,
        tags=["leren en ontwikkelen", "HR", "ambtenaren"],
        speakers=[speaker, make_speaker("Hans Hillen")],
    )
    in_review = item_submit(
        item=make_article("Wendbaar werken in de gemeente: een tussenstand", published=False),
        user=make_staff("schrijver", "Redactie"),
    )
    whitepaper = make_whitepaper("Slimme steden", tags=["leren en ontwikkelen"])
    promotion = make_promotion("Blijf effectief in de informatiesamenleving van morgen!")
    make_site_details()
    comments = [
        Comment.objects.create(
            article=article,
            name="Sigrid van de Poel-Verhoeven",
            email="sigrid@example.nl",
            body=READER_TEXT,
            status=Comment.Status.PENDING,
            held_reason=Comment.HeldReason.MODERATION_WORD,
            held_detail="overheidsorganisatie, informatiesamenleving",
        )
        for _ in range(3)
    ]
    moderator = make_staff("moderator-archief", "Moderatoren")
    comment_approve(comment=comments[-1], moderator=moderator)
    wordrule = WordRule.objects.create(word="informatiesamenleving")
    add_first_versions([article], comment="Eerste versie")
    return {
        "article": article.pk,
        "in_review": in_review.pk,
        "version": Version.objects.get_for_object(article).get().pk,
        "speaker": speaker.pk,
        "series": series.pk,
        "whitepaper": whitepaper.pk,
        "tag": article.tags.first().pk,
        "promotion": promotion.pk,
        "comment": comments[0].pk,
        "wordrule": wordrule.pk,
    }


def make_staff(username, group):
    """A staff member in one of the groups the data migrations made ("Redactie",
    "Moderatoren")."""
    user = make_user(username, is_staff=True)
    user.groups.add(_role(group))
    return user


def _role(name):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        # A transactional test (the browser tests) flushed what the data migrations made:
        # give the group the same permissions again, by the migrations' own lists.
        group.permissions.set(_role_permissions(name))
    return group


def _role_permissions(name):
    roles = import_module("comments.migrations.0002_create_roles")
    preview = import_module("comments.migrations.0005_grant_preview_to_redactie")
    statements = import_module("reuring.migrations.0007_redactie_edits_statement_pages")
    if name == roles.MODERATORS:
        return Permission.objects.filter(
            content_type__app_label="comments",
            content_type__model__in=roles.MODERATOR_COMMENT_MODELS,
        )
    final_editors = import_module("comments.migrations.0006_final_editors")
    if name == final_editors.FINAL_EDITORS:
        return Permission.objects.filter(
            Q(content_type__app_label__in=final_editors.CONTENT_APPS)
            | Q(
                content_type__app_label="comments",
                codename__in=final_editors.COMMENT_PERMISSIONS,
            )
        )
    app_label, codename = preview.PREVIEW
    publish_app, publish = final_editors.PUBLISH
    return Permission.objects.filter(
        Q(content_type__app_label__in=roles.EDITOR_APPS)
        | Q(content_type__app_label="comments", codename__in=roles.EDITOR_COMMENT_PERMISSIONS)
        | Q(content_type__app_label=app_label, codename=codename)
        | Q(content_type__app_label="reuring", content_type__model__in=statements.STATEMENT_MODELS)
    ).exclude(content_type__app_label=publish_app, codename=publish)


def page_paths(pages, objects):
    return [page.format(**objects) for page in pages]


# --- The English Django and the apps say by default ----------------------------------------

# Each app's folder of translations: its English catalogue lists every message id, its Dutch
# one tells which ids are the same word in Dutch.
APP_LOCALES = [
    Path(django.__file__).parent / "contrib" / "admin" / "locale",
    Path(django.__file__).parent / "contrib" / "auth" / "locale",
    Path(django.__file__).parent / "contrib" / "contenttypes" / "locale",
    Path(django.__file__).parent / "conf" / "locale",
    Path(taggit.__file__).parent / "locale",
    # The prose editor has neither an English nor a Dutch catalogue: its German one lists
    # its English words.
    Path(django_prose_editor.__file__).parent / "locale",
]
OUR_LOCALE = Path(__file__).resolve().parents[1] / "locale" / "nl" / "LC_MESSAGES"

# English the apps write without gettext: the rich-text editor's menu and an app's name.
UNCATALOGUED = [
    "paragraph",
    "Paragraph",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "heading 2",
    "heading 3",
    "unordered list",
    "ordered list",
    "blockquote",
    "bold",
    "italic",
    "insert link",
    "remove link",
    "undo",
    "redo",
    "horizontal rule",
    "edit HTML",
    "Tasks Database Backend",
]

_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")
_WORD = re.compile(r"[A-Za-z]{3}")


def _po_entries(path):
    """Each entry of a .po file as a dict: msgid, msgid_plural, msgstr, msgstr[0]..."""
    entries: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    key = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
            continue
        if not line or line.startswith("#"):
            if any(name.startswith("msgstr") for name in entry):
                entries.append(entry)
                entry, key = {}, None
            continue
        key, _, value = line.partition(" ")
        entry[key] = ast.literal_eval(value)
    return entries


@cache
def english_defaults():
    """(exact English strings, one regex for those with placeholders).

    The apps' message ids, less those whose Dutch is the same word ("Filter", "Status"):
    a text that equals one of them, or fits one with its placeholders filled in, is English.
    """
    english: set[str] = set()
    same: set[str] = set()
    for folder in APP_LOCALES:
        source = folder / "en" if (folder / "en").exists() else folder / "de"
        for path in (source / "LC_MESSAGES").glob("*.po"):
            for entry in _po_entries(path):
                ids = [entry.get("msgid", ""), entry.get("msgid_plural", "")]
                # Three letters or fewer ("Jan", "May", "Now") are too often a name or a Dutch word.
                english.update(text for text in ids if len(text) > 3)
        for path in (folder / "nl" / "LC_MESSAGES").glob("*.po"):
            same.update(_same_in_dutch(path))
    for path in OUR_LOCALE.glob("*.po"):
        same.update(_same_in_dutch(path))
    english = (english - same) | set(UNCATALOGUED)
    exact = {text for text in english if not _PLACEHOLDER.search(text)}
    patterns = [
        ".+?".join(re.escape(part) for part in _PLACEHOLDER.split(text))
        for text in english - exact
        # "%(name)s: %(value)s" would match anything: only formats with a word of their own.
        if _WORD.search(_PLACEHOLDER.sub("", text))
    ]
    return frozenset(exact), re.compile("(?:" + "|".join(patterns) + ")", re.DOTALL)


def _same_in_dutch(path):
    for entry in _po_entries(path):
        translations = {value for name, value in entry.items() if name.startswith("msgstr")}
        yield from (
            entry[name] for name in ("msgid", "msgid_plural") if entry.get(name) in translations
        )


def english_in(texts):
    """The texts (visible text, labels, tooltips) that are one of the apps' English strings."""
    exact, pattern = english_defaults()
    found = set()
    for text in texts:
        text = " ".join(text.split())
        if text in exact or pattern.fullmatch(text):
            found.add(text)
    return sorted(found)
