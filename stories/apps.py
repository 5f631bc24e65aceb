from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from moderation.registry import register
        from stories import signals  # noqa: F401
        from stories.moderation import StoryAdapter

        register(StoryAdapter())
