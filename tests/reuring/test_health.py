"""`/gezond/` tells a load balancer whether this app server can serve: 200 when the database
and the caches answer, 503 when one does not; it answers any Host, is never cached and
carries the security headers."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.reuring.test_error_pages import assert_security_headers


@pytest.mark.django_db
def test_a_healthy_server_answers_200_with_each_check():
    response = Client().get("/gezond/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache:default": "ok", "cache:ratelimit": "ok"},
    }
    assert response["Cache-Control"] == "no-store"
    assert_security_headers(response)


@pytest.mark.django_db
def test_it_answers_a_load_balancer_asking_by_address_over_plain_http(settings):
    settings.SECURE_SSL_REDIRECT = True
    response = Client(headers={"host": "10.0.0.7:8000"}).get("/gezond/")

    assert response.status_code == 200  # no 400 for the unknown host, no redirect to https


@pytest.mark.django_db
def test_a_database_that_does_not_answer_gives_503():
    unreachable = OperationalError('connection to server at "127.0.0.1", port 5432 failed')
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=unreachable):
        response = Client().get("/gezond/")

    assert response.status_code == 503
    assert response.json()["status"] == "fout"
    assert response.json()["checks"]["database"] == "fout"
    assert response.json()["checks"]["cache:default"] == "ok"
    assert "5432" not in response.content.decode()  # no error text for the public
    assert_security_headers(response)


@pytest.mark.django_db
def test_a_cache_that_does_not_answer_gives_503():
    unreachable = ConnectionError("Error 111 connecting to 127.0.0.1:6379")
    with mock.patch.object(type(caches["ratelimit"]), "set", side_effect=unreachable):
        response = Client().get("/gezond/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache:ratelimit"] == "fout"
    assert response.json()["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_it_is_never_served_from_the_page_cache():
    client = Client()
    client.get("/gezond/")
    unreachable = OperationalError("database gone")
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=unreachable):
        response = client.get("/gezond/")

    assert response.status_code == 503
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_it_only_reads():
    response = Client().post("/gezond/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
