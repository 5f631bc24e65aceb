from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventReportsConfig(AppConfig):
    name = "eventreports"
    verbose_name = _("Event reports")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from eventreports import accounts, caching, sync

        sync.connect()
        caching.connect()
        pre_delete.connect(
            accounts.forget_member,
            sender=get_user_model(),
            dispatch_uid="eventreports.accounts.forget_member",
        )
