"""Admin logins are throttled by django-axes: five wrong passwords for one user name from
one address lock that pair out for 15 minutes, on every app server, until an administrator
unlocks it."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reuring.models import LoginLockout
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor():
    return make_user("redacteur", is_staff=True)


def log_in(client, username="redacteur", password=PASSWORD, address="192.0.2.10", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, times, **kwargs):
    return [log_in(client, password="fout", **kwargs).status_code for _ in range(times)]


def test_the_right_password_after_four_wrong_ones_logs_in(client, editor):
    fail(client, 4)

    response = log_in(client)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, editor):
    statuses = fail(client, 5)

    response = log_in(client)

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert '<html lang="nl">' in response.text
    assert "<h1>Te vaak een verkeerd wachtwoord</h1>" in response.text
    assert "U kunt het over 15 minuten opnieuw proberen." in response.text
    assert response["Retry-After"] == "900"
    assert response["X-Frame-Options"] == "DENY"


def test_the_lockout_ends_after_15_minutes(client, editor):
    fail(client, 5)

    with time_machine.travel(timezone.now() + timedelta(minutes=14)):
        assert log_in(client).status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert log_in(client).status_code == 302


def test_the_lockout_is_per_user_name_and_address(client, editor):
    make_user("moderator", is_staff=True)
    fail(client, 5)

    other_address = log_in(Client(), address="198.51.100.7")
    other_user = log_in(Client(), username="moderator")

    assert other_address.status_code == 302
    assert other_user.status_code == 302


def test_failures_on_different_app_servers_add_up(editor):
    """Each client stands for an app server: they share only the database."""
    for _ in range(5):
        log_in(Client(), password="fout")
        for cache in caches.all(initialized_only=True):
            cache.clear()

    assert log_in(Client()).status_code == 429


def test_behind_a_proxy_the_readers_own_address_counts(client, editor, settings):
    settings.REURING_PROXY_COUNT = 1
    fail(client, 5, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5")

    same_reader = log_in(Client(), address="10.0.0.3", HTTP_X_FORWARDED_FOR="203.0.113.5")
    other_reader = log_in(Client(), address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.6")

    assert same_reader.status_code == 429
    assert other_reader.status_code == 302


def test_an_administrator_unlocks_a_locked_user_name_in_the_admin(client, editor):
    fail(Client(), 5)
    admin = Client()
    admin.force_login(make_user(is_staff=True, is_superuser=True))
    changelist = reverse("admin:reuring_loginlockout_changelist")

    page = admin.get(changelist)
    response = admin.post(
        changelist,
        {
            "action": "unlock",
            "_selected_action": list(LoginLockout.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )

    assert "Mislukte aanmeldingen en blokkades" in page.text
    assert "redacteur" in page.text
    assert "1 gebruikersnaam vrijgegeven." in response.text
    assert log_in(client).status_code == 302


def test_staff_without_the_permission_cannot_see_or_unlock_lockouts(client, editor):
    client.force_login(editor)

    assert client.get(reverse("admin:reuring_loginlockout_changelist")).status_code == 403
