from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register()
def address_key_is_set(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[CheckMessage]:
    """The tool must not run without its own secret, nor with SECRET_KEY in its place."""
    key = getattr(settings, "KRING_ADDRESS_KEY", "")
    if not key:
        return [
            Error(
                "KRING_ADDRESS_KEY is empty.",
                hint="Set it in the environment: the concern tool keys addresses with it.",
                id="concerns.E001",
            )
        ]
    if key == settings.SECRET_KEY:
        return [Error("KRING_ADDRESS_KEY must differ from SECRET_KEY.", id="concerns.E002")]
    return []
