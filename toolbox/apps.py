from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    """An app so Django finds its template tags, widget templates, static files and the
    autosaved drafts' model."""

    name = "toolbox"
    verbose_name = _("Toolbox")

    def ready(self):
        from toolbox import request_memo

        request_memo.connect()
