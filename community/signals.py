from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from community.help import forget_help_numbers
from community.models import HelpSettings


@receiver(post_save, sender=HelpSettings)
def help_numbers_changed(sender, **kwargs):
    forget_help_numbers()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def menu_changed(sender, **kwargs):
    from community.templatetags.kring import MENU_CACHE_KEY

    cache.delete(MENU_CACHE_KEY)
