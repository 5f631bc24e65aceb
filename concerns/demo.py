"""Demo content: the /bezorgd-om-je-buren/ page under the home page. No demo signals."""

from django.core.management.base import BaseCommand
from django.db import transaction

from community.demo import get_home
from concerns.models import ConcernPage

INTRO = (
    "Maak je je zorgen om een huishouden bij jou in de buurt? Geef het hier anoniem aan, "
    "zie of buren hetzelfde merkten, en zet samen met Veilig Thuis de volgende stap."
)


@transaction.atomic
def seed(command: BaseCommand) -> None:
    if ConcernPage.objects.exists():
        return
    home = get_home()
    if home is None:
        command.stdout.write("  no home page yet: skipped /bezorgd-om-je-buren/")
        return
    page = home.add_child(
        instance=ConcernPage(
            title="Bezorgd om je buren?",
            slug="bezorgd-om-je-buren",
            intro=INTRO,
            show_in_menus=True,
        )
    )
    page.save_revision().publish()
    command.stdout.write("  created /bezorgd-om-je-buren/")
