"""What every demo loader shares: find-or-create by key, save only what changed, count it."""

import enum
from collections import Counter

from django.core.files.base import ContentFile
from django.db import models


class Outcome(enum.StrEnum):
    CREATED = "nieuw"
    UPDATED = "bijgewerkt"
    UNCHANGED = "ongewijzigd"


class Tally:
    """Counts outcomes per kind of row, and pictures drawn, for the summary."""

    def __init__(self):
        self.outcomes: dict[str, Counter] = {}
        self.pictures = 0

    def count(self, kind: str, outcome: Outcome) -> None:
        self.outcomes.setdefault(kind, Counter())[outcome] += 1

    def lines(self) -> list[str]:
        lines = [
            f"{kind}: " + ", ".join(f"{counter[outcome]} {outcome}" for outcome in Outcome)
            for kind, counter in self.outcomes.items()
        ]
        lines.append(f"Afbeeldingen: {self.pictures} gemaakt.")
        return lines


def assign(instance: models.Model, values: dict) -> set[str]:
    """Set the values that differ and return their field names."""
    changed = {name for name, value in values.items() if getattr(instance, name) != value}
    for name in changed:
        setattr(instance, name, values[name])
    return changed


def save_if_changed(instance: models.Model, *, created: bool, changed: set[str]) -> Outcome:
    if created:
        instance.save()
        return Outcome.CREATED
    if not changed:
        return Outcome.UNCHANGED
    auto_now = {
        field.name for field in instance._meta.concrete_fields if getattr(field, "auto_now", False)
    }
    instance.save(update_fields=changed | auto_now)
    return Outcome.UPDATED


def attach_picture(field_file, picture: bytes, name: str) -> None:
    """Store the picture; the model is saved by the caller, which makes the renditions."""
    # The name matters twice: upload_to takes its extension, and Django reads the new
    # width and height only from a named file (an unnamed ContentFile leaves them empty).
    field_file.save(name, ContentFile(picture, name=name), save=False)


def needs_picture(picture) -> bool:
    """True without a picture, or when its file went missing (e.g. a wiped media folder)."""
    return not picture or not picture.storage.exists(picture.name)
