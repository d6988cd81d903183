"""Personas and small helpers for the comments tests."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from comments.forms import security_data
from comments.models import Comment
from tests.factories import make_article, make_user


def open_article(title=None, **fields):
    """A published article that is open for comments: published an hour ago.

    (make_article dates each article one second further back per article made in the run;
    a fixed hour keeps these articles well inside the comment window whatever ran before.)
    """
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    return make_article(title, **fields)


@pytest.fixture
def article(db):
    return open_article("Reuringcafé over leren en ontwikkelen")


@pytest.fixture
def moderator(db):
    """Staff in the "Moderatoren" group made by the data migration."""
    user = make_user("moderator", is_staff=True, email="moderator@example.nl")
    user.groups.add(Group.objects.get(name="Moderatoren"))
    return user


@pytest.fixture
def redacteur(db):
    """Staff in the "Redactie" group: content, and may only view comments."""
    user = make_user("redacteur-groep", is_staff=True, email="redactie@example.nl")
    user.groups.add(Group.objects.get(name="Redactie"))
    return user


@pytest.fixture
def administrator(db):
    return make_user("beheerder", is_staff=True, is_superuser=True, email="beheer@example.nl")


def form_data(article, *, age=10, **fields):
    """What a reader's browser sends: the signed fields of a form opened `age` seconds ago."""
    data = security_data(article, timestamp=int(time.time()) - age)
    data.update(
        name="Sigrid",
        email="sigrid@example.nl",
        body="Een mooi verslag van het debat.",
        parent="",
        website="",
    )
    data.update(fields)
    return data


_next_network = iter(range(1, 250 * 250))


def reader_address():
    """A fresh reader's IP address, each in its own /24, so flood control keeps apart."""
    n = next(_next_network)
    return f"10.{n // 250}.{n % 250}.7"


def post_comment(client, article, *, address=None, json=False, follow=False, **fields):
    headers = {"accept": "application/json"} if json else {}
    return client.post(
        f"/reacties/{article.pk}/",
        form_data(article, **fields),
        REMOTE_ADDR=address or reader_address(),
        headers=headers,
        follow=follow,
    )


def make_comment(article, *, status=Comment.Status.APPROVED, **fields):
    fields.setdefault("name", "Lezer")
    fields.setdefault("email", "lezer@example.nl")
    fields.setdefault("body", "Een reactie.")
    if status != Comment.Status.PENDING:
        fields.setdefault("moderated_at", timezone.now())
    return Comment.objects.create(article=article, status=status, **fields)
