from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventReportsConfig(AppConfig):
    name = "eventreports"
    verbose_name = _("Event reports")

    def ready(self):
        from eventreports import caching, sync

        sync.connect()
        caching.connect()
