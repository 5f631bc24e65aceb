"""Demo content: a live room for each panel of the 9 December event, with statements and questions.

The rooms are open, so that a newcomer can try them at once; the questions come from demo
participants that no session can act as.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from community.tokens import token_digest
from live.models import LiveRoom, Participant, Question, Statement

# Per panel, by the start of its title: (statements, questions as (pseudonym, text, up-votes)).
CONTENT = {
    "Vragenuur": (
        [
            "Nederland doet genoeg om het Verdrag van Istanbul na te leven.",
            "Huiselijk geweld zou een apart strafbaar feit moeten zijn.",
        ],
        [
            (
                "Ilse",
                "Wat verandert er concreet voor slachtoffers als Nederland het verdrag "
                "beter naleeft?",
                7,
            ),
            ("Ruben", "Geldt het verdrag ook voor mannen die huiselijk geweld meemaken?", 4),
        ],
    ),
    "Heeft melden": (
        [
            "Als ik huiselijk geweld vermoed, weet ik waar ik terechtkan.",
            "Wie iets ziet, moet iets zeggen, ook als het misschien niets is.",
        ],
        [
            ("Buurvrouw", "Hoor je als melder nog iets terug van Veilig Thuis?", 9),
            ("Tess", "Kan degene over wie ik meld te weten komen dat ik het was?", 6),
        ],
    ),
    "Project Masker-19": (
        ["Elke apotheek zou het codewoord Masker 19 moeten kennen."],
        [
            ("Anouk", "Wat gebeurt er precies nadat je Masker 19 hebt gezegd?", 5),
            ("Mo", "Werkt het codewoord ook bij de huisarts?", 2),
        ],
    ),
    "Het Family Justice Center": (
        [
            "Slachtoffers zouden hun verhaal maar één keer hoeven te vertellen.",
            "Elke regio zou een Family Justice Center moeten hebben.",
        ],
        [
            (
                "Jamila",
                "Moet je eerst aangifte doen voordat je bij een Family Justice Center terechtkunt?",
                3,
            ),
        ],
    ),
}


@transaction.atomic
def seed(command):
    from workshops.models import EventPage

    event = EventPage.objects.filter(slug="9-december").first()
    if event is None:
        command.stdout.write("  no event /evenementen/9-december/: run the workshops seed first")
        return
    for panel in event.panels.all():
        if LiveRoom.objects.filter(panel=panel).exists():
            continue
        room = LiveRoom.objects.create(
            panel=panel,
            title=panel.title,
            slug=_free_slug(panel.title),
            status=LiveRoom.Status.OPEN,
            opened_at=timezone.now(),
            premoderate_questions=True,
        )
        statements, questions = next(
            (content for start, content in CONTENT.items() if panel.title.startswith(start)),
            ([], []),
        )
        for text in statements:
            Statement.objects.create(room=room, text=text)
        for pseudonym, text, upvotes in questions:
            Question.objects.create(
                room=room,
                participant=_demo_participant(room, pseudonym),
                text=text,
                status=Question.Status.OPEN,
                upvotes=upvotes,
                approved_at=timezone.now(),
            )
        command.stdout.write(f"  created the live room {room.get_absolute_url()}")


def _free_slug(title):
    base = slugify(title)[:70].strip("-") or "live"
    slug, number = base, 2
    while LiveRoom.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _demo_participant(room, pseudonym):
    participant, _created = Participant.objects.get_or_create(
        room=room, guest_key=token_digest(f"demo:{pseudonym}"), defaults={"name": pseudonym}
    )
    return participant
