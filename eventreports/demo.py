"""Demo content: a finished report for a past round table, and the 9 December report in progress.

The round table took place four weeks before the seed ran: its rooms are closed, its
statements voted on, most questions answered (live or in writing) and one past its due date.
The 9 December report is published while the event is still to come, so a newcomer sees how
the report fills up. Every name and answer is made up.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from community.tokens import token_digest
from eventreports.models import EventReportPage, ReportQuestion
from eventreports.sync import sync_question

if TYPE_CHECKING:
    from django.core.management.base import BaseCommand
    from wagtail.models import Page

    from live.models import LiveRoom
    from workshops.models import EventPage

PAST_SLUG = "rondetafel-najaar"
WEEKS_AGO = 4

PAST_PANELS = [
    (
        "Van het kastje naar de muur",
        "een ervaringsdeskundige\neen wijkagent\neen beleidsadviseur van de gemeente",
        # statements: (text, agree, disagree, neutral)
        [
            ("Slachtoffers worden te vaak doorgestuurd zonder dat iemand het overneemt.", 31, 4, 7),
            ("Eén vast contactpersoon zou het verschil maken.", 36, 2, 3),
        ],
        # questions: (pseudonym, text, what happened)
        [
            ("Noor", "Waarom moet ik mijn verhaal bij elke instantie opnieuw vertellen?", "live"),
            (
                "Kees",
                "Wie is er verantwoordelijk als een melding tussen twee organisaties blijft "
                "liggen?",
                "written",
            ),
            ("Fatima", "Komt er in onze gemeente een vast aanspreekpunt?", "overdue"),
        ],
    ),
    (
        "Wat buren kunnen doen",
        "een medewerker van Veilig Thuis\neen buurtbemiddelaar",
        [("Ik zou eerder iets doen als ik wist dat anderen het ook zagen.", 27, 5, 9)],
        [
            ("Lotte", "Wat als ik me vergis en er niets aan de hand is?", "written"),
            ("Sem", "Mag ik anoniem advies vragen bij Veilig Thuis?", "live"),
        ],
    ),
]

WRITTEN = {
    "Wie is er": (
        "Als twee organisaties een melding bij elkaar leggen, blijft de eerste die de melding "
        "kreeg verantwoordelijk tot de ander het aantoonbaar heeft overgenomen. In onze regio "
        "leggen we die overdracht sinds dit voorjaar vast in één dossier.",
        "beleidsadviseur, gemeente (demo)",
    ),
    "Wat als ik": (
        "Dan is er niets verloren. Veilig Thuis denkt met je mee en weegt samen met je wat je "
        "gezien of gehoord hebt. Liever een keer te vaak gebeld dan te laat.",
        "medewerker Veilig Thuis (demo)",
    ),
}

PAST_INTRO = (
    "<p>Op deze rondetafel spraken ervaringsdeskundigen, buren, professionals en beleidsmakers "
    "over wat er misgaat als je van het kastje naar de muur wordt gestuurd, en wat buren kunnen "
    "doen. Hieronder staan de uitslagen van de stellingen, alle vragen met hun antwoorden en "
    "wat de moderatoren deden. Dit is een verzonnen voorbeeld.</p>"
)
COMING_INTRO = (
    "<p>Dit verslag groeit mee met de bijeenkomst van 9 december: de uitslagen van de "
    "stellingen, de vragen die in de panels niet aan bod kwamen met hun schriftelijke "
    "antwoorden, en de toezeggingen.</p>"
)


@transaction.atomic
def seed(command: BaseCommand) -> None:
    from live.models import Question
    from workshops.models import EventIndexPage, EventPage

    # Questions asked before this app was installed get their report entries now.
    for question in Question.objects.filter(
        room__panel__isnull=False,
        status__in=[Question.Status.OPEN, Question.Status.ANSWERED],
        report_entry__isnull=True,
    ).select_related("room__panel__page"):
        sync_question(question)

    index = EventIndexPage.objects.filter(slug="evenementen").first()
    if index is None:
        command.stdout.write("  no /evenementen/: run the workshops seed first")
        return
    past = EventPage.objects.child_of(index).filter(slug=PAST_SLUG).first()
    if past is None:
        past = _past_event(command, index)
    _report(command, past, PAST_INTRO)
    coming = EventPage.objects.child_of(index).filter(slug="9-december").first()
    if coming is not None:
        _report(command, coming, COMING_INTRO)


def _report(command: BaseCommand, event: EventPage, intro: str) -> None:
    if EventReportPage.objects.child_of(event).exists():
        return
    report = EventReportPage(title=f"Verslag: {event.title}", slug="verslag", intro=intro)
    event.add_child(instance=report)
    report.save_revision().publish()
    command.stdout.write(f"  created {report.url}")


def _past_event(command: BaseCommand, index: Page) -> EventPage:
    from live.models import LiveRoom
    from workshops.demo import at
    from workshops.models import EventPage, EventPanel, Session

    day = timezone.localdate() - timedelta(weeks=WEEKS_AGO)
    event = EventPage(
        title="Rondetafel: van het kastje naar de muur",
        slug=PAST_SLUG,
        intro="Een online rondetafel over doorverwijzen, vaste aanspreekpunten en wat buren "
        "kunnen doen (voorbeeld).",
        description="<p>Een verzonnen voorbeeld van een afgelopen bijeenkomst, met een "
        "afgerond verslag.</p>",
        panels=[
            EventPanel(title=title, starts_at=start, members=members)
            for (title, members, _s, _q), start in zip(
                PAST_PANELS, [time(19, 30), time(20, 30)], strict=True
            )
        ],
    )
    index.add_child(instance=event)
    event.sessions.add(
        Session(starts_at=at(day, 19, 30), ends_at=at(day, 21, 30), seats=100, join_url="")
    )
    event.save_revision().publish()
    closed = datetime.combine(day, time(21, 30), tzinfo=timezone.get_current_timezone())
    for panel, (title, _members, statements, questions) in zip(
        event.panels.all(), PAST_PANELS, strict=True
    ):
        room = LiveRoom.objects.create(
            panel=panel,
            title=title,
            slug=f"{PAST_SLUG}-{panel.sort_order or 0}-{panel.pk}",
            status=LiveRoom.Status.CLOSED,
            opened_at=closed - timedelta(hours=2),
            closed_at=closed,
        )
        _statements(room, statements, closed)
        _questions(room, questions, closed)
    command.stdout.write(f"  created {event.url} (a past event) with its closed rooms")
    return event


def _statements(
    room: LiveRoom, statements: list[tuple[str, int, int, int]], closed: datetime
) -> None:
    from live.models import Statement

    for text, agree, disagree, neutral in statements:
        Statement.objects.create(
            room=room,
            text=text,
            status=Statement.Status.CLOSED,
            agree_count=agree,
            disagree_count=disagree,
            neutral_count=neutral,
            opened_at=closed - timedelta(hours=1),
            closed_at=closed - timedelta(minutes=50),
        )


def _questions(room: LiveRoom, questions: list[tuple[str, str, str]], closed: datetime) -> None:
    from live.models import Participant, Question

    for pseudonym, text, fate in questions:
        participant, _created = Participant.objects.get_or_create(
            room=room, guest_key=token_digest(f"demo:{pseudonym}"), defaults={"name": pseudonym}
        )
        question = Question.objects.create(
            room=room,
            participant=participant,
            text=text,
            status=Question.Status.ANSWERED if fate == "live" else Question.Status.OPEN,
            approved_at=closed - timedelta(hours=1),
            answered_at=closed - timedelta(minutes=30) if fate == "live" else None,
        )
        entry = ReportQuestion.objects.get(question=question)
        written = next((a for start, a in WRITTEN.items() if text.startswith(start)), None)
        if fate == "written" and written:
            entry.answer, entry.answered_by = written
            entry.status = ReportQuestion.Status.WRITTEN
            entry.answered_at = closed + timedelta(days=12)
            entry.save()
