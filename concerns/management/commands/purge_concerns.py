from typing import Any

from django.core.management.base import BaseCommand

from concerns.signals_service import purge


class Command(BaseCommand):
    help = "Delete neighbour-concern signals older than twelve months. Run it daily."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge()
        self.stdout.write(f"Deleted {deleted} expired signal(s).")
