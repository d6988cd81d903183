"""The admin index as the redactie's start page, and the planning page behind it."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.review import item_send_back, item_submit
from comments.models import Comment
from tests.factories import make_article, make_user
from tests.factories_site import make_whitepaper

pytestmark = pytest.mark.django_db

PLANNING = reverse("admin:articles_article_planning")


def review(item):
    type(item).objects.filter(pk=item.pk).update(
        status=Article.Status.REVIEW, submitted_at=timezone.now()
    )


def test_the_start_page_shows_reviews_today_changes_and_comments_each_with_its_list(client, editor):
    waiting = make_article("Wacht op de eindredactie", published=False)
    writer = make_user("schrijver", first_name="Sanne", last_name="de Schrijver", is_staff=True)
    item_submit(item=waiting, user=writer)
    later_today = timezone.localtime().replace(hour=23, minute=58)
    if later_today > timezone.now():
        make_article("Straks online", publish_at=later_today)
    changed = make_article("Net gewijzigd")
    LogEntry.objects.log_actions(
        user_id=editor.pk, queryset=[changed], action_flag=CHANGE, change_message="[]"
    )
    Comment.objects.create(
        article=changed,
        name="Lezer",
        email="l@example.nl",
        body="Een vraag.",
        status=Comment.Status.PENDING,
    )
    editor.user_permissions.add(
        *ContentType.objects.get(app_label="comments", model="comment").permission_set.filter(
            codename="view_comment"
        )
    )
    client.force_login(editor)

    html = client.get(reverse("admin:index")).text

    assert "1 stuk ligt ter beoordeling" in html
    assert "Wacht op de eindredactie" in html
    assert "Sanne de Schrijver" in html  # who submitted it
    assert reverse("admin:articles_article_change", args=[waiting.pk]) in html
    assert f'href="{PLANNING}"' in html
    if later_today > timezone.now():
        assert "Straks online" in html
    assert "Laatste wijzigingen" in html
    assert "Net gewijzigd" in html
    assert "1 reactie wacht op goedkeuring" in html
    assert "Een vraag." in html


def test_a_writer_sees_what_was_sent_back_to_them_with_the_reason(client, editor):
    colleague = make_user("collega", is_staff=True, is_superuser=True)
    mine = make_article("Mijn stuk over leren", published=False)
    theirs = make_article("Stuk van een collega", published=False)
    item_submit(item=mine, user=editor)
    item_submit(item=theirs, user=colleague)
    reason = "Graag een citaat van de wethouder erbij, en de cijfers van 2025. " * 3
    item_send_back(item=mine, user=colleague, reason=reason)
    item_send_back(item=theirs, user=colleague, reason="Te lang.")
    client.force_login(editor)

    html = client.get(reverse("admin:index")).text

    assert "1 stuk is naar u teruggestuurd" in html
    assert reverse("admin:articles_article_change", args=[mine.pk]) in html
    assert "Graag een citaat van de wethouder erbij" in html
    assert reason.strip() not in html  # the start of the reason; the whole on the edit page
    assert "Stuk van een collega" not in html
    listing = client.get(reverse("admin:articles_article_changelist") + "?visibility=sent_back")
    assert {item.title for item in listing.context["cl"].result_list} == {
        "Stuk van een collega",
        "Mijn stuk over leren",
    }
    # Submitted again: no longer sent back.
    item_submit(item=Article.objects.get(pk=mine.pk), user=editor)
    assert "naar u teruggestuurd" not in client.get(reverse("admin:index")).text


def test_someone_without_the_right_sees_no_panel_of_it(client):
    moderator = make_user(is_staff=True, permissions=["comments.view_comment"])
    client.force_login(moderator)

    html = client.get(reverse("admin:index")).text

    assert "Geen reacties wachten op goedkeuring" in html or "wacht" in html
    assert "ter beoordeling" not in html
    assert "Laatste wijzigingen" not in html


def test_the_planning_lists_the_next_14_days_and_what_waits(client, editor):
    now = timezone.now()
    make_article("Morgen online", publish_at=now + timedelta(days=1))
    make_article("Over een maand online", publish_at=now + timedelta(days=30))
    make_article("Gaat offline", unpublish_at=now + timedelta(days=3))
    make_whitepaper("Whitepaper volgende week", publish_at=now + timedelta(days=7))
    waiting = make_article("Ligt ter beoordeling", published=False)
    review(waiting)
    client.force_login(editor)

    response = client.get(PLANNING)

    assert response.status_code == 200
    online = [row.item.title for row in response.context["going_online"]]
    offline = [row.item.title for row in response.context["going_offline"]]
    waiting_rows = [row.item.title for row in response.context["waiting_for_review"]]
    assert online == ["Morgen online", "Whitepaper volgende week"]
    assert offline == ["Gaat offline"]
    assert waiting_rows == ["Ligt ter beoordeling"]
    assert "Gaat online in de komende 14 dagen" in response.text


def test_the_planning_needs_the_right_to_view_articles(client):
    client.force_login(make_user(is_staff=True))
    assert client.get(PLANNING).status_code == 403


def test_the_start_page_costs_the_same_with_more_content(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    client.get(reverse("admin:index"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    for number in range(10):
        review(make_article(f"Wacht {number}", published=False))
        make_article(f"Later {number}", publish_at=timezone.now() + timedelta(hours=number + 1))
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("admin:index"))
