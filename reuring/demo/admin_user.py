"""A demo administrator, only in a development (DEBUG) database.

Its password is random, made on first creation and kept in VAR_DIR (git-ignored, next to the
demo database), so `make run` can print it every time and the repository holds no password.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

USERNAME = "redactie"
CREDENTIALS_FILE_NAME = "demo-admin.txt"
CREDENTIALS_LABEL = "wachtwoord: "


def admin_url() -> str:
    """The admin on the address the site really serves (`make run` sets REURING_SITE_URL
    from its HOST and PORT)."""
    return settings.REURING_SITE_URL.rstrip("/") + "/admin/"


def load(*, stdout, style) -> None:
    if not settings.DEBUG:
        # An account with a password printed on screen has no place in production.
        stdout.write(
            style.WARNING(
                f"Geen demobeheerder aangemaakt: DEBUG staat uit. Een beheerder "
                f"'{USERNAME}' hoort alleen in de demodatabase. Maak een eigen beheerder met "
                f"'manage.py createsuperuser'."
            )
        )
        return

    path = password_file()
    user = get_user_model().objects.filter(username=USERNAME).first()
    stored = _read_password(path)
    if user is None:
        password = _new_password(path)
        get_user_model().objects.create_superuser(username=USERNAME, email="", password=password)
        stdout.write(style.SUCCESS(f"Demobeheerder '{USERNAME}' aangemaakt."))
    elif stored is None:
        password = _new_password(path)
        user.set_password(password)
        user.save(update_fields=["password"])
        stdout.write(
            style.WARNING(f"{path} ontbrak: het wachtwoord van '{USERNAME}' is opnieuw ingesteld.")
        )
    elif not user.check_password(stored):
        # Somebody chose their own password in the admin; keep it, and print no stale one.
        stdout.write(
            style.WARNING(
                f"Het wachtwoord van '{USERNAME}' is gewijzigd en staat niet meer in {path}. "
                f"Verwijder dat bestand en draai dit commando opnieuw voor een nieuw wachtwoord."
            )
        )
        return
    else:
        password = stored
    stdout.write(f"Log in op {admin_url()} met gebruikersnaam {USERNAME} en wachtwoord {password}")


def password_file() -> Path:
    return Path(settings.VAR_DIR) / CREDENTIALS_FILE_NAME


def _new_password(path: Path) -> str:
    password = secrets.token_urlsafe(18)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Readable by the owner only, from the first byte on.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(
            "# Demobeheerder van Reuring, alleen voor de demodatabase in deze map.\n"
            f"gebruikersnaam: {USERNAME}\n"
            f"{CREDENTIALS_LABEL}{password}\n"
        )
    return password


def _read_password(path: Path) -> str | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        if line.startswith(CREDENTIALS_LABEL) and line.removeprefix(CREDENTIALS_LABEL).strip():
            return line.removeprefix(CREDENTIALS_LABEL).strip()
    return None
