from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db import apps as tasks_apps


class ReuringConfig(AppConfig):
    default = True  # This module holds a second AppConfig, for the task queue.
    name = "reuring"
    verbose_name = _("Site")

    def ready(self):
        from reuring import signals

        signals.connect()


class BackgroundTasksConfig(tasks_apps.TasksAppConfig):
    """django-tasks-db under a Dutch name (its own, "Tasks Database Backend", has no gettext)."""

    default = False
    verbose_name = _("Background tasks")  # type: ignore[assignment]  # lazy, as Django allows
