from typing import Any

from django.conf import settings
from django.http import HttpRequest

from community.help import help_numbers


def kring(request: HttpRequest) -> dict[str, Any]:
    return {
        "help": help_numbers(),
        "quick_exit_url": settings.KRING_QUICK_EXIT_URL,
    }
