"""Demo content: the guide at /wat-kun-je-doen/ and a pointer to it on /hulp/."""

from django.core.management.base import BaseCommand
from django.db import transaction

from bystanders.content import page_fields
from bystanders.models import GuidePage
from community.demo import get_home
from community.models import StandardPage

HELP_SECTION = (
    "<h2>Je maakt je zorgen om iemand</h2>"
    '<p>Twijfel je of wat je zag of hoorde ernstig genoeg is? <a href="/wat-kun-je-doen/">Wat '
    "kun je doen?</a> helpt je in vijf stappen naar een volgende stap, met woorden om het gesprek "
    "te beginnen. Er wordt niets bewaard.</p>"
)


@transaction.atomic
def seed(command: BaseCommand) -> None:
    home = get_home()
    if home is None:
        command.stdout.write("  no home page yet: skipped /wat-kun-je-doen/")
        return
    if not GuidePage.objects.exists():
        page = home.add_child(
            instance=GuidePage(
                title="Wat kun je doen?",
                slug="wat-kun-je-doen",
                show_in_menus=True,
                **page_fields(),
            )
        )
        page.save_revision().publish()
        command.stdout.write("  created /wat-kun-je-doen/")
    help_page = StandardPage.objects.filter(slug="hulp").first()
    if help_page is not None and "/wat-kun-je-doen/" not in help_page.body:
        help_page.body = help_page.body + HELP_SECTION
        help_page.save_revision().publish()
        command.stdout.write("  linked /hulp/ to /wat-kun-je-doen/")
