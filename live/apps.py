from django.apps import AppConfig
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live rooms")

    def ready(self):
        from django.contrib.auth import get_user_model

        from community.accounts import EXPORTERS
        from live import accounts, safety
        from live.admin.queue import MessageAdapter
        from live.models import LiveSafetySettings
        from live.ws import identity
        from moderation.registry import register

        register(MessageAdapter())
        if accounts.export_member not in EXPORTERS:
            EXPORTERS.append(accounts.export_member)
        identity.connect_signals()
        pre_delete.connect(
            accounts.take_out_of_rooms,
            sender=get_user_model(),
            dispatch_uid="live.accounts.take_out_of_rooms",
        )

        # A moderator's new word list counts at once in this process (others within half a minute).
        post_save.connect(
            lambda **kwargs: safety.forget(),
            sender=LiveSafetySettings,
            weak=False,
            dispatch_uid="live.safety.forget",
        )
