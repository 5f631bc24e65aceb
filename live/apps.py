from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live rooms")

    def ready(self):
        from live import safety
        from live.models import LiveSafetySettings
        from live.moderation import MessageAdapter
        from moderation.registry import register

        register(MessageAdapter())

        # A moderator's new word list counts at once in this process (others within half a minute).
        post_save.connect(
            lambda **kwargs: safety.forget(),
            sender=LiveSafetySettings,
            weak=False,
            dispatch_uid="live.safety.forget",
        )
