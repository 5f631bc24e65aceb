"""Tunables of the figures, each overridable in settings."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone


def now() -> datetime.datetime:
    """The figures' clock; ``KRING_FIGURES_NOW`` (an aware datetime) pins it for tests."""
    pinned = getattr(settings, "KRING_FIGURES_NOW", None)
    return pinned if pinned is not None else timezone.now()


def licence() -> str:
    return getattr(settings, "KRING_FIGURES_LICENCE", "CC BY 4.0")


def licence_url() -> str:
    return getattr(
        settings, "KRING_FIGURES_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"
    )
