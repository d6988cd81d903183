"""The Eindredactie: final editors who approve, schedule and publish what the Redactie submits.

They get what the Redactie may do with content and may read comments, plus
`articles.publish_content`; the Redactie keeps writing and submitting, never publishing
(removed here in case it got the permission when the roles were first made), and both
may make preview links. Permissions
are created here first, as in 0002_create_roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redactie"
FINAL_EDITORS = "Eindredactie"
PUBLISH = ("articles", "publish_content")
CONTENT_APPS = ["articles", "taggit", "reuring"]
COMMENT_PERMISSIONS = ["view_comment", "view_articlecommentsettings"]


def create_final_editors(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PUBLISH
    publish = Permission.objects.get(content_type__app_label=app_label, codename=codename)

    final_editors, _ = Group.objects.get_or_create(name=FINAL_EDITORS)
    final_editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=CONTENT_APPS),
        *Permission.objects.filter(
            content_type__app_label="comments", codename__in=COMMENT_PERMISSIONS
        ),
    )
    # Preview links are newer than the Redactie's role: writers make them too.
    preview_links = Permission.objects.filter(
        content_type__app_label="articles", content_type__model="previewlink"
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*preview_links)
    editors.permissions.remove(publish)


def remove_final_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=FINAL_EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0005_grant_preview_to_redactie"),
        ("articles", "0012_review_offline_and_preview_links"),
    ]

    operations = [migrations.RunPython(create_final_editors, remove_final_editors)]
