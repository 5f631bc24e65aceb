"""Demo content of the community app: the home page, /hulp/ and (in development) demo staff."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from community.models import HelpSettings, HomeCard, HomePage, StandardPage

HOME_INTRO = (
    "Sluit de kring van veiligheid. Een plek om je verhaal te delen, samen te leren, "
    "en te weten dat je er niet alleen voor staat."
)
HOME_BODY = (
    "<p>Kring is er voor iedereen die met huiselijk geweld te maken heeft: wie het meemaakt of "
    "meemaakte, wie zich zorgen maakt om iemand in de buurt, en wie wil helpen. Je hoeft hier "
    "nooit je echte naam te gebruiken.</p>"
)
HELP_BODY = """
<h2>Direct gevaar? Bel 112</h2>
<p>Is iemand nu in gevaar? Bel 112. Kun je niet praten, blijf dan aan de lijn: de meldkamer
luistert mee en kan je ook zonder woorden helpen.</p>
<h2>Advies of melden: Veilig Thuis, 0800-2000</h2>
<p>Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling. Bellen is
gratis en kan dag en nacht. Je mag anoniem blijven en eerst alleen om advies vragen. Samen met
jou bekijken ze wat er nodig is; jij beslist mee over wat er daarna gebeurt.</p>
<h2>Het codewoord Masker 19</h2>
<p>Kun je thuis niet veilig bellen? Zeg bij de apotheek “Masker 19”. De medewerker begrijpt dat
je hulp nodig hebt en zorgt er discreet voor dat die komt.</p>
<h2>Kun je niet bellen?</h2>
<p>Veilig Thuis heeft ook een chat. Zie de <a href="https://veiligthuis.nl/">website van Veilig
Thuis</a> voor de openingstijden. Bij direct gevaar: bel toch 112, ook als je niet kunt praten.</p>
<h2>Je sporen wissen</h2>
<p>Deel je een computer of telefoon met iemand die je niet vertrouwt? Gebruik dan een
privévenster (incognito), of haal na je bezoek Kring uit je browsergeschiedenis:</p>
<ul>
<li>Chrome en Edge op een computer: druk op Ctrl+H (Mac: Cmd+Y), zoek op “Kring” en verwijder
die regels. Alles tegelijk: Ctrl+Shift+Delete (Mac: Cmd+Shift+Delete).</li>
<li>Firefox: druk op Ctrl+Shift+Delete en kies “Alles”.</li>
<li>Chrome op Android: tik rechtsboven op de drie puntjes › Geschiedenis, en tik op het kruisje
naast elke regel van Kring.</li>
<li>Safari op iPhone: Instellingen › Apps › Safari › Wis geschiedenis en websitedata.</li>
</ul>
<p>De knop “Snel weg” rechtsboven vervangt deze pagina direct door een neutrale website. Op een
computer kan het ook met drie keer Shift, of met Escape als je niet in een tekstvak typt. Meer
stappen, ook voor Samsung Internet en Chrome op iPhone, en wat de knop niet kan verbergen:
<a href="/veilig-gebruiken/">Veilig deze site gebruiken</a>.</p>
"""

# The English home cards (and menu labels) of the demo's sections, by slug. The Dutch card is
# made from the page's own title and introduction: Dutch is the source, these translate it.
HOME_CARDS_EN = {
    "verhalen": (
        "Stories",
        "Experiences of people who lived through domestic violence, in their own words and under "
        "a name they chose. A moderator read every story before it appeared here.",
    ),
    "workshops": (
        "Workshops",
        "Learning together about domestic violence: recognising it, talking about it and doing "
        "something about it. Online, under your pseudonym.",
    ),
    "evenementen": (
        "Events",
        "Online meetings with panels, questions and statements, where you take part under your "
        "pseudonym.",
    ),
    "bezorgd-om-je-buren": (
        "Worried about your neighbours?",
        "Worried about a household near you? Say so here anonymously, see whether neighbours "
        "noticed the same, and take the next step with Veilig Thuis.",
    ),
    "wat-kun-je-doen": (
        "What can you do?",
        "You heard or saw something with someone nearby, in your family, among friends or at "
        "work, and you doubt: is this serious enough, and what can I do? This guide takes you in "
        "five short steps from what you noticed to a next step, with words to start the talk.",
    ),
    "hulp": (
        "Help and advice",
        "Where to turn, right now or later, and how to visit this site safely.",
    ),
}

DEMO_STAFF = [
    # (role, username, e-mail, pseudonym, password, group)
    (
        "editor",
        "redactie",
        "redactie@kring.test",
        "Redactie Demo",
        "kring-demo-redactie",
        "Redactie",
    ),
    (
        "moderator",
        "moderator",
        "moderator@kring.test",
        "Moderator",
        "kring-demo-moderator",
        "Moderatoren",
    ),
]


def get_home() -> HomePage | None:
    home: HomePage | None = HomePage.objects.first()
    return home


@transaction.atomic
def seed(command: BaseCommand) -> None:
    home = get_home()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title="Kring", slug="kring", intro=HOME_INTRO, body=HOME_BODY)
        )
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "Kring"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Kring",
            )
        # Wagtail's "Welcome" page has no place in Kring's tree.
        if old_root and old_root.specific_class is Page and old_root.pk != home.pk:
            old_root.delete()
        command.stdout.write("  created the home page")

    if not StandardPage.objects.filter(slug="hulp").exists():
        help_page = StandardPage(
            title="Hulp en advies",
            slug="hulp",
            intro="Waar je terechtkunt, nu meteen of later, en hoe je veilig deze site bezoekt.",
            body=HELP_BODY,
            show_in_menus=True,
        )
        home.add_child(instance=help_page)
        help_page.save_revision().publish()
        command.stdout.write("  created /hulp/")

    HelpSettings.load()

    if settings.DEBUG:
        _seed_demo_staff(command)


@transaction.atomic
def seed_home_cards(command: BaseCommand) -> None:
    """A Dutch card and its English translation for each demo section that has none yet.

    Runs after every app's demo, when the sections exist.
    """
    home = get_home()
    if home is None:
        return
    dutch = Locale.get_default()
    english, _ = Locale.objects.get_or_create(language_code="en")
    made = 0
    for page in home.get_children().in_menu().specific():
        if page.slug not in HOME_CARDS_EN:
            continue
        source = HomeCard.objects.filter(page=page, locale=dutch).first()
        if source is None:
            source = HomeCard.objects.create(
                page=page,
                locale=dutch,
                title=page.title[:60],
                text=(getattr(page, "intro", "") or "")[:300],
            )
            made += 1
        if not HomeCard.objects.filter(page=page, locale=english).exists():
            title, text = HOME_CARDS_EN[page.slug]
            translation = source.copy_for_translation(english)
            translation.title, translation.text = title, text
            translation.save()
            made += 1
    if made:
        command.stdout.write(f"  created {made} home cards (Dutch and English)")


# Development only: a fixed TOTP secret, so the demo staff can pass the second factor that
# staff must use. `python manage.py demo_code` prints the current code.
DEMO_TOTP_SECRET = "KRINGDEMOKRINGDEMOKRINGDEMOKRING"  # noqa: S105 (development only)


def _seed_demo_staff(command: BaseCommand) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    user_model = get_user_model()
    for role, username, email, pseudonym, password, group_name in DEMO_STAFF:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": email, "pseudonym": pseudonym}
        )
        if created:
            user.set_password(password)
            user.save()
        group = Group.objects.filter(name=group_name).first()
        if group:
            user.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        command.stdout.write(
            f"  demo {role}: log in at /admin/ with {email} and password {password!r}"
            + ("" if created else " (existing account; password as first seeded)")
        )
    command.stdout.write(
        f"  their second factor: TOTP secret {DEMO_TOTP_SECRET} (add it to an authenticator app),"
        " or run `make demo-code` for the current code"
    )
