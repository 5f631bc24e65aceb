"""Demo content: /workshops/ with "Samen staan we sterker", /evenementen/ with 9 December."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

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


def at(day, month, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=AMSTERDAM)


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
niet in beeld. De link om mee te doen krijg je na je aanmelding.</p>
"""

PANELS = [
    (
        "Vragenuur: het Verdrag van Istanbul",
        at(9, 12, 14, 0),
        "<p>Het Verdrag van Istanbul verplicht landen om geweld tegen vrouwen en huiselijk geweld "
        "te voorkomen, slachtoffers te beschermen en daders te vervolgen. Wat belooft het "
        "verdrag, en hoe staat Nederland ervoor? Stel je vragen.</p>",
        "een jurist mensenrechten\neen beleidsadviseur van een gemeente\neen ervaringsdeskundige",
    ),
    (
        "Heeft melden van huiselijk geweld zin?",
        at(9, 12, 14, 45),
        "<p>Wat gebeurt er nadat je Veilig Thuis belt? Wie het meemaakte, en wie meldde, vertellen "
        "wat het opleverde en waar het vastliep. Reageer op de stellingen.</p>",
        "een medewerker van Veilig Thuis\ntwee ervaringsdeskundigen\neen buurtbewoner die meldde",
    ),
    (
        "Project Masker-19",
        at(9, 12, 15, 30),
        "<p>Zeg bij de apotheek “Masker 19” en de medewerker weet dat je hulp nodig hebt. Hoe het "
        "codewoord ontstond, wat apothekers dan doen, en wat het tot nu toe betekende.</p>",
        "een apotheker\neen medewerker van de politie\néén van de initiatiefnemers",
    ),
    (
        "Het Family Justice Center",
        at(9, 12, 16, 15),
        "<p>Politie, hulpverlening en juridisch advies onder één dak, zodat je je verhaal niet "
        "steeds opnieuw hoeft te vertellen. Hoe werkt dat, en wat kunnen andere regio's ervan "
        "leren?</p>",
        "een coördinator van een Family Justice Center\neen advocaat familierecht\n"
        "een ervaringsdeskundige",
    ),
]


@transaction.atomic
def seed(command):
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


def _index(command, home, model, slug, title, intro):
    page = model.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = home.add_child(
            instance=model(title=title, slug=slug, intro=intro, show_in_menus=True)
        )
        page.save_revision().publish()
        command.stdout.write(f"  created /{slug}/")
    return page


def _workshop(command, index):
    if WorkshopPage.objects.child_of(index).filter(slug="samen-staan-we-sterker").exists():
        return
    page = WorkshopPage(
        title="Samen staan we sterker",
        slug="samen-staan-we-sterker",
        intro="Een online workshop over huiselijk geweld: signalen herkennen, het gesprek "
        "aangaan en weten wat je kunt doen.",
        description=WORKSHOP_DESCRIPTION,
        facilitators=WORKSHOP_FACILITATORS,
        audience=WORKSHOP_AUDIENCE,
        accessibility=WORKSHOP_ACCESSIBILITY,
        sessions=[
            Session(
                title="Avond 1: herkennen en het gesprek aangaan",
                starts_at=at(26, 11, 19, 30),
                ends_at=at(26, 11, 21, 30),
                seats=20,
                join_url="https://vergaderen.kring.example/samen-staan-we-sterker-1",
            ),
            Session(
                title="Avond 2: samen in actie komen",
                starts_at=at(3, 12, 19, 30),
                ends_at=at(3, 12, 21, 30),
                seats=20,
                join_url="https://vergaderen.kring.example/samen-staan-we-sterker-2",
            ),
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    command.stdout.write("  created /workshops/samen-staan-we-sterker/ with two sessions")


def _event(command, index):
    if EventPage.objects.child_of(index).filter(slug="9-december").exists():
        return
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
            EventPanel(title=title, starts_at=start.time(), description=text, members=members)
            for title, start, text, members in PANELS
        ],
        sessions=[
            Session(
                starts_at=at(9, 12, 14, 0),
                ends_at=at(9, 12, 17, 0),
                seats=150,
                join_url="https://vergaderen.kring.example/9-december",
            )
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    command.stdout.write("  created /evenementen/9-december/ with its four panels")
