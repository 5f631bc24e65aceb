"""The help numbers every page shows, even when the database is unreachable."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Model

logger = logging.getLogger(__name__)

CACHE_KEY = "community:help-numbers"


def default_help_numbers() -> dict[str, str]:
    from community.models import HelpSettings

    numbers = {field: "" for field in _fields(HelpSettings)}
    numbers.update(settings.KRING_HELP_DEFAULTS)
    return numbers


def _fields(model: type[Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if f.name != "id"]


def help_numbers(*, use_database: bool = True) -> dict[str, str]:
    """The current numbers: from the cache, else the settings row, else the built-in defaults."""
    try:
        numbers: dict[str, str] | None = cache.get(CACHE_KEY)
    except Exception:  # a cache that is down must never take the help numbers with it
        logger.warning("cache unavailable while reading the help numbers")
        numbers = None
    if numbers is not None:
        return numbers
    if not use_database:
        return default_help_numbers()
    from community.models import HelpSettings

    try:
        row = HelpSettings.load()
    except DatabaseError:
        return default_help_numbers()
    numbers = {name: str(getattr(row, name)) for name in _fields(HelpSettings)}
    try:
        cache.set(CACHE_KEY, numbers, timeout=60 * 60)
    except Exception:
        logger.warning("cache unavailable while storing the help numbers")
    return numbers


def forget_help_numbers() -> None:
    try:
        cache.delete(CACHE_KEY)
    except Exception:
        logger.warning("cache unavailable while clearing the help numbers")
