from typing import Any

from django.core.management.base import BaseCommand

from commitments import conf
from commitments.housekeeping import send_reminders


class Command(BaseCommand):
    help = (
        "Mail the editors (group Redactie) about commitments due within "
        "KRING_COMMITMENT_REMINDER_DAYS (default 7) and those whose due date passed. Meant for "
        "a timer (e.g. daily or hourly): running it again never sends a reminder twice for the "
        "same commitment and due date."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = send_reminders()
        self.stdout.write(
            f"Reminded editors of {counts['before']} commitment(s) due within "
            f"{conf.reminder_lead_days()} days and {counts['overdue']} late one(s)."
        )
