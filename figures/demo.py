"""Demo content for the figures (development only): made-up stories with experience answers.

Enough fictional stories, published weeks ago, that /verhalen/patronen/ has figures above the
suppression threshold. They are marked fictional, like the other demo stories.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from stories.experience import Answer, Answers, Organisation, Period, Region, do_save_experience
from stories.formatting import text_to_html
from stories.models import StoryIndexPage, StoryPage, Theme

COUNT = 40
TEXT = (
    "Dit is een verzonnen voorbeeldverhaal voor de demo van Kring. Het staat hier zodat de "
    "pagina met patronen iets te tonen heeft. Echte verhalen zijn langer en persoonlijker; dit "
    "verhaal beschrijft niemand in het bijzonder."
)
# A made-up pattern, leaning the way the founding letter describes: often not heard.
WEIGHTS = {Answer.YES: 2, Answer.PARTLY: 2, Answer.NO: 4}


def _answers(chance: random.Random) -> Answers:
    organisations = chance.sample(
        [
            Organisation.POLICE,
            Organisation.VEILIG_THUIS,
            Organisation.GP,
            Organisation.MUNICIPALITY,
        ],
        k=chance.randint(1, 3),
    )
    answers = list(WEIGHTS)
    weights = list(WEIGHTS.values())
    return {
        "period": chance.choice([Period.FROM_2020, Period.FROM_2020, Period.FROM_2015]),
        "region": chance.choice([Region.UTRECHT, Region.RATHER_NOT_SAY, Region.HAAGLANDEN]),
        "organisations": {
            str(org): {
                "heard": chance.choices(answers, weights)[0],
                "informed": chance.choices(answers, weights)[0],
                "referred": chance.choices(answers, weights)[0],
            }
            for org in organisations
        },
    }


@transaction.atomic
def seed(command: BaseCommand) -> None:
    if not settings.DEBUG:
        command.stdout.write("  skipped: demo figures are for development only (DEBUG off)")
        return
    index = StoryIndexPage.objects.first()
    if index is None or StoryPage.objects.filter(slug="demo-patroon-1").exists():
        return
    chance = random.Random(17)  # noqa: S311 - made-up demo data, not a secret
    themes = list(Theme.objects.sources())
    now = timezone.now()
    for number in range(1, COUNT + 1):
        story = StoryPage(
            title=f"Voorbeeld {number}: van het kastje naar de muur",
            slug=f"demo-patroon-{number}",
            pseudonym="Voorbeeld",
            body=text_to_html(TEXT),
            is_fictional=True,
        )
        story.themes.set(chance.sample(themes, k=min(2, len(themes))))
        index.add_child(instance=story)
        story.save_revision().publish()
        published = now - timedelta(days=14 + number)
        StoryPage.objects.filter(pk=story.pk).update(
            first_published_at=published, last_published_at=published
        )
        do_save_experience(story, _answers(chance))
    command.stdout.write(f"  published {COUNT} fictional stories with experience answers")
