"""Every string of the Big List of Naughty Strings, as name and as comment.

Each one is either stored and shown back to its author exactly as typed (after the
two documented normalisations: surrounding blank space trimmed, line breaks as LF),
or refused with a form error (blank, or only invisible characters). Never a server
error, never markup from the reader. The posts go the script's way (JSON, one request
each, 970 in all); the page renders the author's waiting comment with the same template
(see test_posting.py).
"""

import html
import json
import re
from pathlib import Path

import pytest

from comments.models import Comment
from comments.text import normalise_newlines
from tests.comments.conftest import post_comment
from tests.matching import search
from toolbox.text import has_visible_text

pytestmark = pytest.mark.django_db

NAUGHTY = json.loads((Path(__file__).parent / "data" / "blns.json").read_text("utf-8"))


def shown_text(fragment: str) -> str:
    """What a reader sees of rendered comment HTML: line breaks for <br>, links as their text."""
    text = fragment.replace("<br>", "\n")
    text = re.sub(r'<a href="[^"]*" rel="nofollow ugc noopener">', "", text).replace("</a>", "")
    assert "<" not in text, f"unexpected markup in {fragment!r}"
    return html.unescape(text)


def rendered_field(block: str, comment: Comment, field: str) -> str:
    if field == "name":
        pattern = rf'id="{comment.anchor}"><p><bdi>(.*?)</bdi>'
    else:
        pattern = r"</p><div>(.*?)</div>"
    return shown_text(search(pattern, block, re.S).group(1))


def test_the_vendored_list_is_the_full_npm_list():
    assert len(NAUGHTY) == 485


@pytest.mark.parametrize("field", ["name", "body"])
def test_every_naughty_string_is_stored_and_shown_exactly_or_refused_with_a_message(
    client, article, field
):
    problems = []
    stored = refused = 0
    for number, naughty in enumerate(NAUGHTY):
        Comment.objects.all().delete()
        fields = {"name": "Tester", "body": "Gewone tekst", field: naughty}
        try:
            response = post_comment(
                client, article, email=f"lezer{number}@example.nl", json=True, **fields
            )
        except Exception as error:  # the test client re-raises what would be a 500
            problems.append((number, naughty, f"server error: {error!r}"))
            continue
        if response.status_code not in (201, 422):
            problems.append((number, naughty, f"status {response.status_code}"))
            continue
        data = response.json()
        comment = Comment.objects.first()
        expected = normalise_newlines(naughty).strip()
        if comment is None:
            refused += 1
            if "Uw reactie is nog niet verstuurd" not in data["form_html"]:
                problems.append((number, naughty, "refused without a form error"))
            continue
        stored += 1
        if getattr(comment, field) != expected:
            problems.append((number, naughty, f"stored as {getattr(comment, field)!r}"))
        elif rendered_field(data["comment_html"], comment, field) != expected:
            problems.append((number, naughty, "not shown back exactly"))

    assert not problems, "\n".join(f"#{n} {s!r}: {what}" for n, s, what in problems[:20])
    assert stored + refused == len(NAUGHTY)
    # Only strings with nothing to see (and, as a name, over-long ones) may be refused.
    assert refused <= sum(
        1 for s in NAUGHTY if not has_visible_text(s) or (field == "name" and len(s) > 80)
    )
