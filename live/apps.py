from django.apps import AppConfig
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live rooms")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from community.accounts import EXPORTERS
        from live.admin.queue import MessageAdapter
        from live.models import LiveSafetySettings
        from live.services import members, safety
        from live.ws import identity
        from moderation.registry import register

        register(MessageAdapter())
        if members.export_member not in EXPORTERS:
            EXPORTERS.append(members.export_member)
        identity.connect_signals()
        pre_delete.connect(
            members.take_out_of_rooms,
            sender=get_user_model(),
            dispatch_uid="live.services.members.take_out_of_rooms",
        )

        # A moderator's new word list counts at once in this process (others within half a minute).
        post_save.connect(
            lambda **kwargs: safety.forget(),
            sender=LiveSafetySettings,
            weak=False,
            dispatch_uid="live.services.safety.forget",
        )
