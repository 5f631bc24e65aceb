from typing import Any

from django.core.management.base import BaseCommand

from stories.retention import purge


class Command(BaseCommand):
    help = (
        "Erase stories declined more than KRING_STORY_DECLINED_DAYS (30) days ago and forget "
        "authors' addresses older than KRING_STORY_ADDRESS_DAYS (180) days. Run daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        erased, forgotten = purge()
        self.stdout.write(f"stories erased: {erased}, addresses forgotten: {forgotten}")
