"""`make serve` (deploy/serve.py, deploy/gunicorn.conf.py): production settings on a fresh
clone, a secret key made once and kept, workers sized to the machine."""

import importlib.util
import os
import stat
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"deploy_{name}", DEPLOY / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def serve(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(("DJANGO_", "REURING_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("REURING_VAR_DIR", str(tmp_path))
    return load("serve")


def test_the_first_start_makes_a_secret_key_that_later_starts_keep(serve, tmp_path):
    first = serve.production_environment("127.0.0.1", 8000)
    second = serve.production_environment("127.0.0.1", 8000)

    key_file = tmp_path / "secret-key"
    assert len(first["DJANGO_SECRET_KEY"]) >= 50
    assert second["DJANGO_SECRET_KEY"] == first["DJANGO_SECRET_KEY"]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600  # readable by this user only


def test_a_given_secret_key_is_used_and_none_is_written(serve, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "k" * 60)
    env = serve.production_environment("127.0.0.1", 8000)

    assert env["DJANGO_SECRET_KEY"] == "k" * 60
    assert not (tmp_path / "secret-key").exists()


def test_on_localhost_it_serves_production_settings_over_plain_http(serve):
    env = serve.production_environment("127.0.0.1", 8110)

    assert env["DJANGO_DEBUG"] == "false"
    assert env["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1,localhost,[::1]"
    assert env["DJANGO_SECURE_SSL_REDIRECT"] == "false"
    assert env["REURING_BIND"] == "127.0.0.1:8110"


def test_with_real_host_names_the_https_redirect_stays_on(serve, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "reuring.example.nl")
    env = serve.production_environment("0.0.0.0", 8000)  # noqa: S104

    assert "DJANGO_SECURE_SSL_REDIRECT" not in env  # the settings' default: on


def test_gunicorn_runs_two_sync_workers_per_core_plus_one(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = load("gunicorn.conf")

    assert config.worker_class == "sync"
    assert config.workers == 2 * len(os.sched_getaffinity(0)) + 1
    assert config.control_socket_disable is True  # two gunicorns on one machine


def test_web_concurrency_overrides_the_worker_count(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")

    assert load("gunicorn.conf").workers == 3
