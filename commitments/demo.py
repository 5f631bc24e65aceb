"""Demo content for commitments: the page /toezeggingen/ and made-up commitments from the
panels of the demo event, one in each status, one of them late. Safe to run again."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from commitments.models import Commitment, CommitmentIndexPage, CommitmentUpdate, Role, Status
from community.demo import get_home
from workshops.models import EventPage

INTRO = (
    "<p>Op bijeenkomsten van Kring zeggen bestuurders, raadsleden en organisaties dingen toe. "
    "Hier houden we bij wat ze beloofden, wanneer het klaar moet zijn en wat ervan terechtkomt. "
    "Zo blijft een belofte meer dan een vinkje.</p>"
    "<p>Volg een toezegging per e-mail om te horen als er nieuws is.</p>"
)

# (panel, role, organisation, what, due in days from today, status, [(days ago, text, status)])
COMMITMENTS = [
    (
        0,
        Role.COUNCILLOR,
        "Gemeenteraad Utrecht (demo)",
        "Vragen aan het college stellen over hoe de gemeente het Verdrag van Istanbul uitvoert, "
        "en de antwoorden hier delen.",
        45,
        Status.OPEN,
        [],
    ),
    (
        1,
        Role.ORGANISATION,
        "Veilig Thuis regio Utrecht (demo)",
        "Iedereen die een melding doet binnen vijf werkdagen terugbellen over wat er met de "
        "melding gebeurt.",
        20,
        Status.IN_PROGRESS,
        [
            (
                10,
                "Er loopt een proef in twee teams; de eerste ervaringen zijn goed.",
                Status.IN_PROGRESS,
            )
        ],
    ),
    (
        2,
        Role.ORGANISATION,
        "Apothekersvereniging (demo)",
        "Alle apotheken in de regio uitleggen wat ze doen als iemand “Masker 19” zegt.",
        -30,
        Status.DONE,
        [
            (40, "Een brief met uitleg is naar alle apotheken gestuurd.", Status.IN_PROGRESS),
            (32, "Alle apotheken hebben de uitleg ontvangen en besproken.", Status.DONE),
        ],
    ),
    (
        3,
        Role.ADMINISTRATOR,
        "Gemeente Utrecht (demo)",
        "Onderzoeken of er een Family Justice Center in de regio kan komen, en het besluit "
        "aan de raad voorleggen.",
        -5,
        Status.IN_PROGRESS,
        [(25, "Het onderzoek is gestart; de raad hoort meer na de zomer.", Status.IN_PROGRESS)],
    ),
]


@transaction.atomic
def seed(command: Any) -> None:
    home = get_home()
    if home is None:
        command.stdout.write("  no home page: run the community seed first")
        return
    if not CommitmentIndexPage.objects.exists():
        page = home.add_child(
            instance=CommitmentIndexPage(
                title="Toezeggingen", slug="toezeggingen", intro=INTRO, show_in_menus=True
            )
        )
        page.save_revision().publish()
        command.stdout.write("  created /toezeggingen/")
    event = EventPage.objects.filter(slug="9-december").first()
    if event is None or Commitment.objects.exists():
        return
    panels = list(event.panels.order_by("sort_order"))
    today = timezone.localdate()
    for index, role, organisation, what, due_in, status, updates in COMMITMENTS:
        commitment = Commitment.objects.create(
            panel=panels[index] if index < len(panels) else None,
            role=role,
            organisation=organisation,
            what=what,
            due_date=today + timedelta(days=due_in),
            status=status,
            published=True,
        )
        for days_ago, text, new_status in updates:
            _update(commitment, today - timedelta(days=days_ago), text, new_status)
    command.stdout.write(f"  added {len(COMMITMENTS)} demo commitments, one of them late")


def _update(commitment: Commitment, day: date, text: str, status: str) -> None:
    # Demo updates are history: marked as mailed already, so nobody is sent old news.
    CommitmentUpdate.objects.create(
        commitment=commitment, date=day, text=text, status=status, notified_at=timezone.now()
    )
