"""The Redactie group may preview drafts and scheduled items and fetch gated whitepapers.

Staff outside the group no longer can (least privilege). Permissions are created here
first, as in 0002_create_roles: Django creates them only after all migrations have run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redactie"
PREVIEW = ("articles", "preview_unpublished")


def grant_preview(apps, schema_editor):
    articles = apps.get_app_config("articles")
    articles.models_module = True
    create_permissions(articles, apps=apps, verbosity=0)
    articles.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PREVIEW
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    Group.objects.get_or_create(name=EDITORS)[0].permissions.add(permission)


def revoke_preview(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    app_label, codename = PREVIEW
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0004_comment_form_used_once"),
        ("articles", "0005_preview_permission"),
    ]

    operations = [migrations.RunPython(grant_preview, revoke_preview)]
