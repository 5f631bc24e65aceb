"""Demo content of the stories app: /verhalen/, a few published stories and one in review.

The stories are made up for the demo and marked as fictional on the page.
"""

import re
from datetime import timedelta

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from community.demo import get_home
from stories.formatting import text_to_html
from stories.models import ContentWarning, StoryIndexPage, StoryPage, Theme
from stories.seeding import grant_moderators_story_access, seed_story_setup
from stories.services import do_submit_story

INDEX_INTRO = (
    "Ervaringen van mensen die huiselijk geweld hebben meegemaakt, in hun eigen woorden en onder "
    "een zelfgekozen naam. Elk verhaal is gelezen door een moderator voordat het hier staat."
)
INDEX_BODY = (
    "<p>Wil je zelf iets delen? Dat kan zonder account en zonder je echte naam. Je houdt zelf de "
    "regie: je ziet elke wijziging voordat je verhaal verschijnt, en je kunt het altijd weer "
    "verwijderen.</p>"
)

# (slug, title, pseudonym, days ago, themes, content warnings, text)
DEMO_STORIES = [
    (
        "demo-de-eerste-stap",
        "De eerste stap was een telefoontje",
        "Lotus",
        3,
        ["hulp-zoeken", "psychisch-geweld"],
        [],
        """Jarenlang zei ik tegen mezelf dat het wel meeviel. Er werd niet geslagen, dus wat had
ik te klagen? Maar ik liep op mijn tenen, elke dag, en ik wist niet meer wie ik was.

Op een avond belde ik Veilig Thuis, vanuit de auto op de parkeerplaats van de supermarkt. Ik
had mijn verhaal niet eens goed voorbereid. De vrouw aan de telefoon zei: *"Fijn dat je
belt. Vertel maar waar je wilt beginnen."*

Dat zinnetje heb ik nog vaak teruggehoord in mijn hoofd. Het was het begin van een lange
weg, maar wel míjn weg.

Wat mij hielp:
- iemand die luisterde zonder meteen te oordelen
- weten dat ik niet alles in één keer hoefde te beslissen
- een vriendin die wist van het codewoord bij de apotheek""",
    ),
    (
        "demo-mijn-buurvrouw",
        "Ik hoorde het door de muur",
        "Een buurman",
        9,
        ["omstanders"],
        ["lichamelijk-geweld"],
        """Ik woon al twintig jaar in hetzelfde rijtjeshuis. Op een zomer hoorde ik steeds vaker
geschreeuw bij de buren, en één keer een harde klap.

Ik twijfelde lang. Was het mijn zaak wel? Wat als ik het verkeerd had? Uiteindelijk heb ik
Veilig Thuis om advies gevraagd, anoniem. Ze legden uit wat ik kon doen en wat er daarna zou
gebeuren.

> Je hoeft niet zeker te weten dat er iets mis is om advies te vragen.

Dat heeft me over de drempel geholpen. Ik weet niet precies hoe het nu met mijn buurvrouw
gaat, maar ze zwaaide laatst naar me. Dat was genoeg.""",
    ),
    (
        "demo-geld",
        "Hij beheerde al het geld",
        "Anoniem",
        16,
        ["financieel-misbruik", "dwingende-controle", "herstel"],
        [],
        """Het begon klein. Hij zou de rekeningen wel regelen, dat was handiger. Een paar jaar later
moest ik om geld vragen voor luiers en moest ik elk bonnetje laten zien.

Pas bij een budgetcoach hoorde ik het woord *financieel geweld*. Ik schrok ervan, maar het
gaf ook rust: het had een naam, en ik was niet de enige.

Inmiddels heb ik mijn eigen rekening en een klein spaarpotje. Het klinkt misschien als
niets, maar voor mij is het vrijheid.""",
    ),
    (
        "demo-voor-mijn-dochter",
        "Wat ik mijn dochter wil meegeven",
        "Mama van M.",
        27,
        ["kinderen", "herstel"],
        ["geweld-tegen-kinderen"],
        """Mijn dochter was zes toen we vertrokken. Ze vroeg lang waarom we niet meer thuis woonden.

Ik heb haar niet alles verteld, maar wel dit: dat niemand het recht heeft om je bang te
maken, ook niet iemand van wie je houdt. En dat je altijd mag vertellen wat er gebeurt, aan
juf, aan oma of aan mij.

Soms heb ik het gevoel dat ik het te laat zag. Mijn hulpverlener zegt dat ik het zag toen ik
het kón zien. Daar probeer ik op te vertrouwen.""",
    ),
]

# Waits for a moderator; its made-up details show the identifying-details panel at work.
IN_REVIEW = (
    "Koffie op zondag",
    "Zonnebloem",
    ["herstel"],
    """Toen ik met Mark aan de Dorpsstraat 12 woonde, durfde ik niemand meer uit te nodigen. Hij
vond altijd wel iets aan mijn vriendinnen.

Nu woon ik in een klein appartement met een balkon vol bloemen. Mijn zus Sanne komt elke
zondag koffie drinken, en we lachen weer. Wie wil praten: bel me gerust op 06-12345678.""",
)


def _unwrap(text: str) -> str:
    """The texts above are wrapped for this file; join the lines of each paragraph again."""
    return re.sub(r"(?<!\n)\n(?!\n|- |> )\s*", " ", text)


@transaction.atomic
def seed(command: BaseCommand) -> None:
    seed_story_setup(apps)
    home = get_home()
    index = StoryIndexPage.objects.first()
    if index is None:
        if home is None:
            command.stdout.write("  no home page: run the community seed first")
            return
        index = home.add_child(
            instance=StoryIndexPage(
                title="Verhalen",
                slug="verhalen",
                intro=INDEX_INTRO,
                body=INDEX_BODY,
                show_in_menus=True,
            )
        )
        index.save_revision().publish()
        command.stdout.write("  created /verhalen/")
    grant_moderators_story_access(index)

    now = timezone.now()
    for slug, title, pseudonym, days_ago, themes, warnings, text in DEMO_STORIES:
        if StoryPage.objects.filter(slug=slug).exists():
            continue
        story = StoryPage(
            title=title,
            slug=slug,
            pseudonym=pseudonym if pseudonym != "Anoniem" else "",
            body=text_to_html(_unwrap(text)),
            is_fictional=True,
        )
        story.themes.set(Theme.objects.sources().filter(slug__in=themes))
        story.content_warnings.set(ContentWarning.objects.sources().filter(slug__in=warnings))
        index.add_child(instance=story)
        story.save_revision().publish()
        published = now - timedelta(days=days_ago)
        StoryPage.objects.filter(pk=story.pk).update(
            first_published_at=published, last_published_at=published
        )
        command.stdout.write(f"  published the demo story {title!r}")

    title, pseudonym, themes, text = IN_REVIEW
    if not StoryPage.objects.filter(title=title).exists():
        story, _token = do_submit_story(
            index,
            title=title,
            pseudonym=pseudonym,
            body=text_to_html(_unwrap(text)),
            themes=list(Theme.objects.sources().filter(slug__in=themes)),
            content_warnings=[],
            email="",
            language="nl",
            is_fictional=True,
        )
        command.stdout.write(f"  submitted {title!r}: it waits for a moderator in the admin")
