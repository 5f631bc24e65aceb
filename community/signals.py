from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from community.help import forget_help_numbers
from community.models import HelpSettings, HomeCard


@receiver(post_save, sender=HelpSettings)
def help_numbers_changed(sender: type[HelpSettings], **kwargs: Any) -> None:
    forget_help_numbers()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_save, sender=HomeCard)
@receiver(post_delete, sender=HomeCard)
def menu_changed(sender: type[Model], **kwargs: Any) -> None:
    from community.templatetags.kring import forget_menus

    forget_menus()
