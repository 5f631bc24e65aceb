"""Demo content: /workshops/ with "Samen staan we sterker", /evenementen/ with 9 December.

The dates roll forward: every run gives the workshop its two evenings on the next Thursdays
and the event its next 9 December, whenever the earlier ones have passed, so a newcomer always
finds sessions to register for. What already exists (and anyone registered for it) stays.
"""

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from community.demo import get_home
from workshops.models import (
    EventIndexPage,
    EventPage,
    EventPanel,
    Session,
    WorkshopIndexPage,
    WorkshopPage,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


THURSDAY = 3
WORKSHOP_EVENINGS = [
    (
        "Avond 1: herkennen en het gesprek aangaan",
        "https://vergaderen.kring.example/samen-staan-we-sterker-1",
    ),
    ("Avond 2: samen in actie komen", "https://vergaderen.kring.example/samen-staan-we-sterker-2"),
]
EVENT_HOURS = (time(14, 0), time(17, 0))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def next_thursday(today: date) -> date:
    """The first Thursday after today: never today, so there is time to register."""
    return today + timedelta(days=(THURSDAY - today.weekday() - 1) % 7 + 1)


def next_event_day(now: datetime) -> date:
    """The next 9 December whose afternoon is not over yet."""
    today = timezone.localtime(now, AMSTERDAM).date()
    day = date(today.year, 12, 9)
    if datetime.combine(day, EVENT_HOURS[1], tzinfo=AMSTERDAM) <= now:
        day = date(today.year + 1, 12, 9)
    return day


WORKSHOP_DESCRIPTION = """
<p>Huiselijk geweld gebeurt vaak achter een gewone voordeur, bij mensen die je kent. In deze
online workshop leer je de signalen herkennen, erover praten zonder iemand in gevaar te brengen,
en weten waar je terechtkunt. Je hoort ervaringen van mensen die het zelf hebben meegemaakt, en
je oefent in kleine groepjes met wat je zou kunnen zeggen.</p>
<p>De twee avonden zijn los van elkaar te volgen. Op de eerste avond gaat het over herkennen en
het gesprek aangaan; op de tweede over wat je kunt doen, samen met anderen en met Veilig
Thuis.</p>
"""
WORKSHOP_FACILITATORS = """
<p>Een trainer met jarenlange ervaring in de hulpverlening en een ervaringsdeskundige begeleiden
de avonden samen.</p>
"""
WORKSHOP_AUDIENCE = """
<p>Voor iedereen die zich zorgen maakt om iemand in de buurt, in de familie of op het werk, en
voor wie het zelf meemaakt of meemaakte. Je hoeft niets te vertellen wat je niet wilt.</p>
"""
WORKSHOP_ACCESSIBILITY = """
<ul>
<li>Je doet mee onder je schuilnaam; je camera mag uit blijven.</li>
<li>Er is live ondertiteling, en halverwege een pauze.</li>
<li>Heb je een tolk nodig, of iets anders om goed mee te kunnen doen? Laat het weten bij je
aanmelding.</li>
</ul>
"""

EVENT_DESCRIPTION = """
<p>Een middag over wat er nodig is om de kring van veiligheid rond slachtoffers van huiselijk
geweld te sluiten. In vier panels praten ervaringsdeskundigen, professionals en beleidsmakers
met elkaar en met jou. Je stelt je vragen in de chat en reageert op stellingen.</p>
"""
EVENT_ACCESSIBILITY = """
<p>De bijeenkomst is online, met live ondertiteling. Je doet mee onder je schuilnaam en je hoeft
niet in beeld. De link naar de online bijeenkomst krijg je na je aanmelding; in de live ruimtes
van de panels kan iedereen meedoen.</p>
"""

PANELS = [
    (
        "Vragenuur: het Verdrag van Istanbul",
        time(14, 0),
        "<p>Het Verdrag van Istanbul verplicht landen om geweld tegen vrouwen en huiselijk geweld "
        "te voorkomen, slachtoffers te beschermen en daders te vervolgen. Wat belooft het "
        "verdrag, en hoe staat Nederland ervoor? Stel je vragen.</p>",
        "een jurist mensenrechten\neen beleidsadviseur van een gemeente\neen ervaringsdeskundige",
    ),
    (
        "Heeft melden van huiselijk geweld zin?",
        time(14, 45),
        "<p>Wat gebeurt er nadat je Veilig Thuis belt? Wie het meemaakte, en wie meldde, vertellen "
        "wat het opleverde en waar het vastliep. Reageer op de stellingen.</p>",
        "een medewerker van Veilig Thuis\ntwee ervaringsdeskundigen\neen buurtbewoner die meldde",
    ),
    (
        "Project Masker-19",
        time(15, 30),
        "<p>Zeg bij de apotheek “Masker 19” en de medewerker weet dat je hulp nodig hebt. Hoe het "
        "codewoord ontstond, wat apothekers dan doen, en wat het tot nu toe betekende.</p>",
        "een apotheker\neen medewerker van de politie\néén van de initiatiefnemers",
    ),
    (
        "Het Family Justice Center",
        time(16, 15),
        "<p>Politie, hulpverlening en juridisch advies onder één dak, zodat je je verhaal niet "
        "steeds opnieuw hoeft te vertellen. Hoe werkt dat, en wat kunnen andere regio's ervan "
        "leren?</p>",
        "een coördinator van een Family Justice Center\neen advocaat familierecht\n"
        "een ervaringsdeskundige",
    ),
]


@transaction.atomic
def seed(command: BaseCommand) -> None:
    home = get_home()
    if home is None:
        command.stdout.write("  no home page: run the community seed first")
        return
    workshops = _index(
        command,
        home,
        WorkshopIndexPage,
        "workshops",
        "Workshops",
        (
            "Samen leren over huiselijk geweld: herkennen, erover praten en er iets aan doen. "
            "Online, onder je schuilnaam."
        ),
    )
    events = _index(
        command,
        home,
        EventIndexPage,
        "evenementen",
        "Evenementen",
        (
            "Online bijeenkomsten met panels, vragen en stellingen, waar je meedoet onder je "
            "schuilnaam."
        ),
    )
    _workshop(command, workshops)
    _event(command, events)


def _index(
    command: BaseCommand, home: Any, model: type[Any], slug: str, title: str, intro: str
) -> Any:
    """The index page at `slug` under the home page (Wagtail pages, read as Any), made once."""
    page = model.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = home.add_child(
            instance=model(title=title, slug=slug, intro=intro, show_in_menus=True)
        )
        page.save_revision().publish()
        command.stdout.write(f"  created /{slug}/")
    return page


def _workshop(command: BaseCommand, index: Any) -> None:
    page = WorkshopPage.objects.child_of(index).filter(slug="samen-staan-we-sterker").first()
    if page is None:
        page = WorkshopPage(
            title="Samen staan we sterker",
            slug="samen-staan-we-sterker",
            intro="Een online workshop over huiselijk geweld: signalen herkennen, het gesprek "
            "aangaan en weten wat je kunt doen.",
            description=WORKSHOP_DESCRIPTION,
            facilitators=WORKSHOP_FACILITATORS,
            audience=WORKSHOP_AUDIENCE,
            accessibility=WORKSHOP_ACCESSIBILITY,
        )
        index.add_child(instance=page)
        command.stdout.write("  created /workshops/samen-staan-we-sterker/")
    _roll_workshop_forward(command, page)


def _roll_workshop_forward(command: BaseCommand, page: WorkshopPage) -> None:
    """Each evening without an upcoming session gets one on the next free Thursday, after the
    evenings before it."""
    now = timezone.now()
    upcoming = {s.title: s for s in page.sessions.all() if s.ends_at >= now}
    taken = {timezone.localtime(s.starts_at, AMSTERDAM).date() for s in upcoming.values()}
    day = next_thursday(timezone.localtime(now, AMSTERDAM).date())
    added = []
    for title, join_url in WORKSHOP_EVENINGS:
        if title in upcoming:
            day = max(day, timezone.localtime(upcoming[title].starts_at, AMSTERDAM).date())
        else:
            while day in taken:
                day += timedelta(days=7)
            session = Session(
                title=title,
                starts_at=at(day, 19, 30),
                ends_at=at(day, 21, 30),
                seats=20,
                join_url=join_url,
            )
            page.sessions.add(session)
            added.append(session)
            taken.add(day)
        day += timedelta(days=7)
    if added:
        page.save_revision().publish()
    for session in added:
        command.stdout.write(f"  added the session {session.when()}")


def _event(command: BaseCommand, index: Any) -> None:
    page = EventPage.objects.child_of(index).filter(slug="9-december").first()
    if page is None:
        page = EventPage(
            title="Online bijeenkomst 9 december",
            slug="9-december",
            intro="Vier panels over het sluiten van de kring van veiligheid, met jouw vragen en "
            "reacties op stellingen.",
            description=EVENT_DESCRIPTION,
            audience="<p>Voor ervaringsdeskundigen, buren en naasten, professionals en "
            "beleidsmakers.</p>",
            accessibility=EVENT_ACCESSIBILITY,
            panels=[
                EventPanel(title=title, starts_at=start, description=text, members=members)
                for title, start, text, members in PANELS
            ],
        )
        index.add_child(instance=page)
        command.stdout.write("  created /evenementen/9-december/ with its four panels")
    _roll_event_forward(command, page)


def _roll_event_forward(command: BaseCommand, page: EventPage) -> None:
    now = timezone.now()
    if any(s.ends_at >= now for s in page.sessions.all()):
        return
    day = next_event_day(now)
    session = Session(
        starts_at=at(day, EVENT_HOURS[0].hour),
        ends_at=at(day, EVENT_HOURS[1].hour),
        seats=150,
        join_url="https://vergaderen.kring.example/9-december",
    )
    page.sessions.add(session)
    page.save_revision().publish()
    command.stdout.write(f"  added the event's session {session.when()}")
