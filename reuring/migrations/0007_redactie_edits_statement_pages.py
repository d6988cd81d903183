"""The Redactie group edits the accessibility statement, the privacy statement and the colofon.

Those pages came after the roles (comments 0002_create_roles), so the group never got their
permissions and its members saw a 403. Permissions are created here first, as in 0002.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redactie"
STATEMENT_MODELS = ["accessibilitystatement", "accessibilityissue", "privacystatement", "colophon"]


def _permissions(apps):
    reuring = apps.get_app_config("reuring")
    reuring.models_module = True
    create_permissions(reuring, apps=apps, verbosity=0)
    reuring.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="reuring", content_type__model__in=STATEMENT_MODELS
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=EDITORS)[0].permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("reuring", "0006_promotion_image_focal_point"),
        ("comments", "0002_create_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
