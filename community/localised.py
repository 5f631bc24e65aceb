"""Helpers for translatable snippets (Wagtail's TranslatableMixin): Dutch is the source.

Pages and stories link to the Dutch rows; a reader's language only picks which translation of
them is shown. See the README's "Languages" section.
"""

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models
from wagtail.models import Locale, TranslatableMixin

T = TypeVar("T", bound=TranslatableMixin)


def active_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def in_language(objects: Iterable[T]) -> list[T]:
    """`objects` in the active language, found in one query; one without a translation stays."""
    objects = list(objects)
    locale = active_locale()
    if not objects or locale is None:
        return objects
    wanted = [obj.translation_key for obj in objects if obj.locale_id != locale.pk]
    if not wanted:
        return objects
    found = {
        obj.translation_key: obj
        for obj in type(objects[0])._default_manager.filter(
            translation_key__in=wanted, locale=locale
        )
    }
    return [found.get(obj.translation_key, obj) for obj in objects]


def others_in_language(instance: TranslatableMixin) -> models.QuerySet[Any]:
    """The other rows in `instance`'s language (the default language for a new one).

    The locale is no form field, so a model form cannot check uniqueness per language itself.
    """
    if instance.locale_id is None:
        instance.locale = Locale.get_default()
    manager = type(instance)._default_manager
    others: models.QuerySet[Any] = manager.filter(locale_id=instance.locale_id).exclude(
        pk=instance.pk
    )
    return others
