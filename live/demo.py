"""Demo content: a live room for each panel of the 9 December event, with statements and questions.

The rooms are open, so that a newcomer can try them at once; the questions come from demo
participants that no session can act as. Two panels also have statements that were already
voted on and closed, with the votes per role that a real closing keeps (live.voices), so the
split by role, a gap and a bridge show at once.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from community.tokens import token_digest
from live.models import LiveRoom, Participant, Question, Statement
from live.voices import CHOICES

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


# Closed statements, by the start of the panel's title: (text, {role: (agree, disagree, neutral)}).
CLOSED = {
    "Heeft melden": [
        (
            "Slachtoffers worden te vaak van het kastje naar de muur gestuurd.",
            # Every role agrees by 60 % or more: a bridge.
            {
                "experience": (11, 0, 1),
                "close": (6, 1, 1),
                "professional": (5, 2, 1),
                "policy": (5, 1, 1),
                "unsaid": (4, 1, 2),
            },
        ),
        (
            "Een melding bij Veilig Thuis leidt meestal tot echte hulp.",
            # Where the views differ: experience experts and policy makers far apart.
            {
                "experience": (2, 8, 2),
                "close": (3, 2, 2),
                "professional": (5, 3, 1),
                "policy": (6, 0, 1),
                "unsaid": (1, 2, 3),
            },
        ),
    ],
    "Het Family Justice Center": [
        (
            "Hulp moet naar de mensen toe komen, niet andersom.",
            {"experience": (7, 1, 0), "professional": (6, 0, 1), "policy": (4, 1, 0)},
        ),
    ],
}


def _closed_statement(room: LiveRoom, text: str, per_role: dict[str, tuple[int, int, int]]) -> None:
    """A statement as closing leaves it: totals and votes per role, no individual votes."""
    role_counts = {
        role: dict(zip(CHOICES, counts, strict=True)) for role, counts in per_role.items()
    }
    totals = {choice: sum(counts[choice] for counts in role_counts.values()) for choice in CHOICES}
    now = timezone.now()
    Statement.objects.create(
        room=room,
        text=text,
        status=Statement.Status.CLOSED,
        agree_count=totals["agree"],
        disagree_count=totals["disagree"],
        neutral_count=totals["neutral"],
        role_counts=role_counts,
        opened_at=now,
        closed_at=now,
    )


@transaction.atomic
def seed(command: BaseCommand) -> None:
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
        closed = next(
            (content for start, content in CLOSED.items() if panel.title.startswith(start)), []
        )
        for text, per_role in closed:
            _closed_statement(room, text, per_role)
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


def _free_slug(title: str) -> str:
    base = slugify(title)[:70].strip("-") or "live"
    slug, number = base, 2
    while LiveRoom.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _demo_participant(room: LiveRoom, pseudonym: str) -> Participant:
    participant, _created = Participant.objects.get_or_create(
        room=room, guest_key=token_digest(f"demo:{pseudonym}"), defaults={"name": pseudonym}
    )
    return participant
