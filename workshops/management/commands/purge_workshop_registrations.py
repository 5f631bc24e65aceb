from typing import Any

from django.core.management.base import BaseCommand

from workshops import conf
from workshops.housekeeping import purge


class Command(BaseCommand):
    help = (
        "Delete registrations a set number of days after their session "
        "(KRING_WORKSHOP_RETENTION_DAYS, default 30) and unconfirmed ones whose link expired. "
        "Meant for a daily timer."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = purge()
        self.stdout.write(
            f"Deleted {counts['after_session']} registration(s) of sessions that ended more than "
            f"{conf.retention_days()} days ago and {counts['unconfirmed']} unconfirmed one(s)."
        )
