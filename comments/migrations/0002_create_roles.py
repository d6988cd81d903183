"""The two staff roles: "Redactie" (content; may read comments) and "Moderatoren" (comments only).

Permissions are created here first: Django normally creates them only after all
migrations have run, too late for a data migration on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redactie"
MODERATORS = "Moderatoren"

# Content the redactie writes and publishes.
EDITOR_APPS = ["articles", "taggit", "reuring"]
EDITOR_COMMENT_PERMISSIONS = [
    "view_comment",
    "view_articlecommentsettings",
    "add_articlecommentsettings",
    "change_articlecommentsettings",
]
MODERATOR_COMMENT_MODELS = [
    "comment",
    "moderationaction",
    "wordrule",
    "commentpolicy",
]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=EDITOR_APPS),
        *Permission.objects.filter(
            content_type__app_label="comments", codename__in=EDITOR_COMMENT_PERMISSIONS
        ),
    )

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="comments", content_type__model__in=MODERATOR_COMMENT_MODELS
        ),
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, MODERATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_bloggers_and_whitepapers"),
        ("reuring", "0001_site_details_and_promotions"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
