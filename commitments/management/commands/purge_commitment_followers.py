from typing import Any

from django.core.management.base import BaseCommand

from commitments import conf
from commitments.housekeeping import purge


class Command(BaseCommand):
    help = (
        "Delete followers of commitments done more than KRING_COMMITMENT_FOLLOWER_RETENTION_DAYS "
        "(default 30) days ago, those who stopped following that long ago, and unconfirmed ones "
        "whose link expired. Meant for a daily timer."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = purge()
        days = conf.follower_retention_days()
        self.stdout.write(
            f"Deleted {counts['done']} follower(s) of commitments done more than {days} days "
            f"ago, {counts['left']} who stopped following and {counts['unconfirmed']} "
            "unconfirmed one(s)."
        )
