from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.core.management.base import BaseCommand

# Each app may have a `demo` module with `seed(command)`; they run in this order.
APPS = [
    "community",
    "stories",
    "workshops",
    "concerns",
    "live",
    "moderation",
    "bystanders",
    "figures",
    "eventreports",
    "commitments",
]


class Command(BaseCommand):
    help = "Create Kring's demo content. Safe to run again: what exists is left as it is."

    def handle(self, *args: Any, **options: Any) -> None:
        for app in APPS:
            if find_spec(f"{app}.demo") is None:
                continue
            self.stdout.write(f"{app}:")
            import_module(f"{app}.demo").seed(self)
        # The home cards describe the other apps' sections, so they come last.
        import_module("community.demo").seed_home_cards(self)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
