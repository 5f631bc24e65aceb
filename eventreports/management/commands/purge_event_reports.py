from typing import Any

from django.core.management.base import BaseCommand

from eventreports import conf
from eventreports.retention import purge


class Command(BaseCommand):
    help = (
        "Delete askers' e-mail addresses for written answers after KRING_ANSWER_ADDRESS_DAYS "
        "(default 60) days, or sooner when no answer can come any more (question removed or "
        "answered live). An address is also deleted as soon as its answer is mailed. Meant for "
        "a daily timer."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge()
        self.stdout.write(
            f"Deleted {deleted} address(es) for written answers "
            f"(kept at most {conf.address_retention_days()} days)."
        )
