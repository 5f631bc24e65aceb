"""Reading settings from the environment, with one clear failure when production lacks one."""

import os
from collections.abc import Iterable
from typing import overload

from django.core.exceptions import ImproperlyConfigured


@overload
def env(name: str) -> str | None: ...
@overload
def env(name: str, default: str) -> str: ...
def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: Iterable[str] = ()) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def required(name: str, *, min_length: int = 1, hint: str = "") -> str:
    """Return a secret that production cannot run without, or stop with a message saying so."""
    value = os.environ.get(name, "")
    if len(value) < min_length:
        detail = f" It must be at least {min_length} characters." if min_length > 1 else ""
        raise ImproperlyConfigured(
            f"The environment variable {name} is missing or too short.{detail} {hint}".strip()
        )
    return value
