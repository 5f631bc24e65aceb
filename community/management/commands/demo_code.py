import time
from typing import Any

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from community.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo staff accounts (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("The demo accounts exist only in development (DEBUG on).")
        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
