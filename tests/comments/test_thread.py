"""What readers see under an article: approved comments, newest first, safely rendered."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.matching import search
from toolbox.datetimes import utc_minute

pytestmark = pytest.mark.django_db


def many_comments(article, count, **fields):
    start = timezone.now() - timedelta(days=1)
    Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"Lezer {n}",
            email=f"lezer{n}@example.nl",
            body=f"Reactie nummer {n}.",
            status=Comment.Status.APPROVED,
            created_at=start + timedelta(seconds=n),
            moderated_at=start + timedelta(seconds=n),
            **fields,
        )
        for n in range(1, count + 1)
    )


def shown_comments(html: str) -> int:
    return len(re.findall(r'<li[^>]* id="reactie-\d+">', html))


def test_approved_comments_appear_newest_first_with_name_date_anchor_and_count(client, article):
    now = timezone.now()
    late = make_comment(article, name="Hans", body="Later", created_at=now - timedelta(hours=1))
    early = make_comment(article, name="Leo", body="Eerder", created_at=now - timedelta(hours=2))

    html = client.get(article.get_absolute_url()).text

    assert 'Reacties <span class="comments__count">(2)</span>' in html
    assert html.index("Later") < html.index("Eerder")
    assert f'id="reactie-{early.pk}"' in html
    assert f'href="#reactie-{late.pk}"' in html
    assert "Leo" in html and "Hans" in html
    assert f'datetime="{utc_minute(early.created_at)}"' in html


@pytest.mark.parametrize(
    "status", [Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM]
)
def test_comments_that_are_not_approved_are_not_shown(client, article, status):
    make_comment(article, status=status, body="Niet voor lezers")

    html = client.get(article.get_absolute_url()).text

    assert "Niet voor lezers" not in html
    assert "(0)" in html


def test_replies_are_shown_under_the_comment_they_answer(client, article):
    parent = make_comment(article, body="Vraag")
    make_comment(article, body="Los")
    make_comment(article, parent=parent, body="Antwoord")

    html = client.get(article.get_absolute_url()).text

    replies = search(r'<ol class="comment-replies">(.*?)</ol>', html, re.S).group(1)
    assert "Antwoord" in replies
    assert "Los" not in replies
    assert "(3)" in html


def test_comment_text_is_escaped_with_line_breaks_and_safe_links(client, article):
    make_comment(
        article,
        name="<img src=x onerror=alert(1)>",
        body="<script>alert('xss')</script>\nZie https://example.org",
    )

    html = client.get(article.get_absolute_url()).text

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;<br>Zie " in html
    assert '<a href="https://example.org" rel="nofollow ugc noopener">' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_no_commenter_e_mail_address_appears_in_the_public_page(client, article):
    parent = make_comment(article, email="geheim.adres@example.nl")
    make_comment(article, parent=parent, email="nog.een.geheim@example.nl")

    html = client.get(article.get_absolute_url()).text

    assert "geheim.adres" not in html
    assert "nog.een.geheim" not in html


def test_50_comments_are_shown_at_a_time_newest_first_with_a_link_to_older_ones(client, article):
    many_comments(article, 120)

    first = client.get(article.get_absolute_url())
    third = client.get(article.get_absolute_url(), {"reacties": 3})

    assert shown_comments(first.text) == 50
    assert first.text.index("Reactie nummer 120.") < first.text.index("Reactie nummer 71.")
    assert "Reactie nummer 70." not in first.text
    assert 'href="?reacties=2#reacties" rel="next">Oudere reacties' in first.text
    assert "(120)" in first.text
    assert shown_comments(third.text) == 20
    assert "Reactie nummer 1." in third.text
    assert 'href="?reacties=2#reacties" rel="prev">Nieuwere reacties' in third.text
    assert "Oudere reacties</a>" not in third.text


@override_settings(COMMENTS_ORDER="oldest")
def test_in_the_order_of_the_conversation_the_page_opens_on_the_newest_comments(client, article):
    many_comments(article, 120)

    opening = client.get(article.get_absolute_url())
    first = client.get(article.get_absolute_url(), {"reacties": 1})

    assert shown_comments(opening.text) == 20
    assert opening.text.index("Reactie nummer 101.") < opening.text.index("Reactie nummer 120.")
    assert 'href="?reacties=2#reacties" rel="prev">Eerdere reacties' in opening.text
    assert "Reactie nummer 1." in first.text and "Reactie nummer 51." not in first.text
    assert 'href="?reacties=2#reacties" rel="next">Latere reacties' in first.text
    oldest = Comment.objects.get(body="Reactie nummer 1.")
    assert (
        oldest.get_absolute_url() == f"{article.get_absolute_url()}?reacties=1#reactie-{oldest.pk}"
    )


def test_replies_stay_in_the_order_of_the_conversation_under_newest_first(client, article):
    now = timezone.now()
    question = make_comment(article, body="Vraag", created_at=now - timedelta(hours=3))
    make_comment(
        article, parent=question, body="Eerste antwoord", created_at=now - timedelta(hours=2)
    )
    make_comment(
        article, parent=question, body="Tweede antwoord", created_at=now - timedelta(hours=1)
    )
    make_comment(article, body="Nieuwste losse reactie", created_at=now - timedelta(minutes=5))

    html = client.get(article.get_absolute_url()).text

    assert html.index("Nieuwste losse reactie") < html.index("Vraag")
    assert html.index("Eerste antwoord") < html.index("Tweede antwoord")


def test_a_page_number_beyond_the_last_shows_the_last_page(client, article):
    many_comments(article, 3)

    response = client.get(article.get_absolute_url(), {"reacties": "99"})

    assert response.status_code == 200
    assert "Reactie nummer 1." in response.text


def test_what_is_not_a_page_number_is_not_found(client, article):
    many_comments(article, 3)

    for page in ("0", "twee", "²"):
        response = client.get(article.get_absolute_url(), {"reacties": page})
        assert response.status_code == 404, page


def test_a_comment_links_to_the_page_it_is_on(article):
    many_comments(article, 60)
    first = Comment.objects.get(body="Reactie nummer 1.")
    later = Comment.objects.get(body="Reactie nummer 55.")
    reply = make_comment(article, parent=first)

    assert later.get_absolute_url() == f"{article.get_absolute_url()}#reactie-{later.pk}"
    assert first.get_absolute_url() == f"{article.get_absolute_url()}?reacties=2#reactie-{first.pk}"
    assert reply.get_absolute_url().startswith(f"{article.get_absolute_url()}?reacties=2#")


def test_each_comment_has_a_reply_link_that_works_without_javascript(client, article):
    comment = make_comment(article, name="Leo")

    html = client.get(article.get_absolute_url()).text

    assert f'href="?reageer-op={comment.pk}#reageer"' in html
    assert 'aria-label="Reageer op Leo">Reageer</a>' in html


def test_the_policy_page_has_a_default_text_and_shows_what_staff_wrote(client, db):
    from comments.models import CommentPolicy

    default = client.get("/reactiebeleid/")
    CommentPolicy.objects.create(
        title="Ons reactiebeleid", body="<p>Wees aardig.</p><script>x()</script>"
    )
    edited = client.get("/reactiebeleid/")

    assert default.status_code == 200
    assert "Een moderator leest elke reactie" in default.text
    assert "90 dagen" in default.text
    assert "<h1>Ons reactiebeleid</h1>" in edited.text
    assert "<p>Wees aardig.</p>" in edited.text
    assert "<script>x()" not in edited.text


def test_a_respond_link_under_the_title_jumps_to_the_form_and_counts_the_comments(client, article):
    make_comment(article)
    make_comment(article)
    make_comment(article, status=Comment.Status.PENDING)

    html = client.get(article.get_absolute_url()).text

    header = html.split('<header class="article__header">')[1].split("</header>")[0]
    assert '<a class="comment-link" href="#reageer">Reageer (2)</a>' in header
    assert 'id="reageer"' in html


def test_when_comments_are_closed_the_link_leads_to_the_comments(client, article):
    make_comment(article)
    article.publish_at = timezone.now() - timedelta(days=400)
    article.save()

    html = client.get(article.get_absolute_url()).text

    assert '<a class="comment-link" href="#reacties">1 reactie</a>' in html


def test_an_article_without_comments_has_no_respond_link(client, article):
    article.allow_comments = False
    article.save()

    assert "comment-link" not in client.get(article.get_absolute_url()).text
