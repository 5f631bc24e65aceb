from django.conf import settings

from community.help import help_numbers


def kring(request):
    return {
        "help": help_numbers(),
        "quick_exit_url": settings.KRING_QUICK_EXIT_URL,
    }
