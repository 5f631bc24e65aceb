"""Verified badges: a one-time code an editor issues per event; nobody else can claim one.

The attacker reuses a code, brings another event's code, an expired one, or guesses.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from community.tokens import token_digest
from live.badges import BadgeCode, new_code, normalise
from live.models import Participant
from tests.helpers import make_staff, staff_login
from workshops.models import EventPage

pytestmark = pytest.mark.django_db

ADMIN = "/admin/live_badges/"


@pytest.fixture
def editor():
    user, secret = make_staff("Redactie", pseudonym="Redacteur")
    client = Client()
    staff_login(client, user, secret)
    return client


def issue(event, label="Wethouder, gemeente Zwolle", **fields):
    code, digest = new_code()
    BadgeCode.objects.create(page=event, label=label, digest=digest, **fields)
    return code


def join(client, room, pseudonym, **fields):
    return client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": pseudonym, **fields})


def verify(client, room, code):
    return client.post(f"/live/{room.slug}/code/", {"code": code}, follow=True)


def test_an_editor_issues_a_code_and_sees_it_once(editor, event):
    listing = editor.get(ADMIN)
    assert listing.status_code == 200

    response = editor.post(
        f"{ADMIN}new/",
        {
            "page": event.pk,
            "label": "Wethouder, gemeente Zwolle",
            "role": "policy",
            "expires_at": (timezone.now() + timedelta(days=7)).strftime("%Y-%m-%d %H:%M"),
        },
    )

    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    # The code on screen is named in no Referer header, as every private answer (community.private).
    assert response["Referrer-Policy"] == "no-referrer"
    code = re.search(r"data-badge-code>([A-Z0-9-]+)<", response.content.decode()).group(1)
    badge = BadgeCode.objects.get()
    assert badge.digest == token_digest(normalise(code))
    assert code not in str(BadgeCode.objects.values().get())
    # The code is nowhere else to be found afterwards: not in the list, not on inspecting it.
    for url in (ADMIN, f"{ADMIN}inspect/{badge.pk}/", f"{ADMIN}?q=Zwolle"):
        page = editor.get(url)
        assert page.status_code == 200 and code not in page.content.decode()
    assert "Zwolle" in editor.get(f"{ADMIN}?q=Zwolle").content.decode()


def test_a_code_gives_its_label_and_role_once(client, room, event):
    code = issue(event)
    join(client, room, "Wethouder Anna")

    response = verify(client, room, code.lower().replace("-", " "))

    assert "Je geverifieerde label staat nu naast je naam." in response.content.decode()
    anna = Participant.objects.get()
    assert (anna.role, anna.badge_label, anna.show_role) == (
        "policy",
        "Wethouder, gemeente Zwolle",
        True,
    )
    assert BadgeCode.objects.get().participant == anna

    other = Client()
    join(other, room, "Nep-wethouder")
    again = verify(other, room, code)
    assert "Deze code is niet geldig of al gebruikt." in again.content.decode()
    assert Participant.objects.get(name="Nep-wethouder").badge_label == ""


def test_a_code_can_also_be_given_when_joining(client, room, event):
    code = issue(event, label="Voorzitter panel", role="professional")

    join(client, room, "Panellid", code=code)

    panellid = Participant.objects.get(name="Panellid")
    assert (panellid.role, panellid.badge_label) == ("professional", "Voorzitter panel")


def test_another_events_code_and_an_expired_code_do_not_work(client, room, event):
    other_event = EventPage.objects.get(pk=event.pk).add_sibling(
        instance=EventPage(title="Een ander evenement", slug="ander")
    )
    code_elsewhere = issue(other_event)
    expired = issue(event, expires_at=timezone.now() - timedelta(minutes=1))
    join(client, room, "Probeerder")

    for code in (code_elsewhere, expired, ""):
        verify(client, room, code)

    assert Participant.objects.get().verified_at is None
    assert not BadgeCode.objects.filter(used_at__isnull=False).exists()


def test_guessing_is_cut_off_even_before_the_right_code(client, room, event):
    code = issue(event)
    join(client, room, "Gokker")
    for attempt in range(5):
        verify(client, room, f"AAAA-BBBB-{attempt:04d}")

    response = verify(client, room, code)

    assert "Je hebt te veel codes geprobeerd." in response.content.decode()
    assert Participant.objects.get().verified_at is None
    assert BadgeCode.objects.get().used_at is None


def test_a_new_name_does_not_buy_new_guesses(room, event):
    code = issue(event)
    for attempt in range(5):
        client = Client()
        join(client, room, f"Gokker {attempt}")
        verify(client, room, f"AAAA-CCCC-{attempt:04d}")
    client = Client()
    join(client, room, "Gokker 6")

    verify(client, room, code)

    assert not Participant.objects.filter(verified_at__isnull=False).exists()


def test_the_badge_is_shown_beside_messages_and_can_be_hidden(client, room, event):
    code = issue(event)
    join(client, room, "Anna")
    verify(client, room, code)
    page = client.get(f"/live/{room.slug}/").content.decode()
    assert "Je bent geverifieerd als “Wethouder, gemeente Zwolle”" in page

    client.post(f"/live/{room.slug}/rol/", {"role": "experience"})  # role locked, badge hidden

    anna = Participant.objects.get()
    assert (anna.role, anna.show_role, anna.badge_label) == (
        "policy",
        False,
        "Wethouder, gemeente Zwolle",
    )


def test_a_code_is_too_long_to_be_a_code(client, room, event):
    join(client, room, "Anna")

    response = client.post(f"/live/{room.slug}/code/", {"code": "A" * 200})

    assert response.status_code == 400
    assert "Dit is geen code van de organisatie" in response.content.decode()
