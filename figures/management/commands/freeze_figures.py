"""Make this week's release of the figures now (a timer can run it on Monday morning)."""

from typing import Any

from django.core.management.base import BaseCommand

from figures.releases import current_release


class Command(BaseCommand):
    help = "Freeze this week's published figures (otherwise made on the first visit)."

    def handle(self, *args: Any, **options: Any) -> None:
        release = current_release()
        self.stdout.write(
            f"figures as of {release.week}; story figures as of {release.stories_as_of or '-'}"
        )
