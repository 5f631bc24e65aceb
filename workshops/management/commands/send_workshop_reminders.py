from typing import Any

from django.core.management.base import BaseCommand

from workshops.housekeeping import send_reminders


class Command(BaseCommand):
    help = (
        "Send reminders for sessions that start within a day. Meant for a timer (e.g. hourly): "
        "running it again never sends a second reminder for the same registration."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
