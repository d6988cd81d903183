from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    """An app only so Django finds the `picture` template tag; it has no models."""

    name = "toolbox"
    verbose_name = _("Toolbox")
