from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    """An app only so Django finds its template tag, widget templates and static files; it
    has no models."""

    name = "toolbox"
    verbose_name = _("Toolbox")
