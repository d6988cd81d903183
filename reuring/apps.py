from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReuringConfig(AppConfig):
    name = "reuring"
    verbose_name = _("Site")

    def ready(self):
        from reuring import signals

        signals.connect()
