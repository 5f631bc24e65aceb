"""The optional role on a registration: asked once, kept with it, offered again in the room."""

from datetime import timedelta

import pytest
from django.utils import timezone

from live.models import LiveRoom, Participant
from tests.workshops.helpers import link_in, mails_to
from workshops.models import Registration, Session

pytestmark = pytest.mark.django_db

PAGE = "/workshops/samen-staan-we-sterker/"
VALID = {"pseudonym": "Merel", "email": "merel@example.org", "consent": "on"}


def checked_role(html):
    """The value of the role radio button that the form shows ticked."""
    [line] = [line for line in html.splitlines() if 'name="role"' in line and "checked" in line]
    return line.split('value="', 1)[1].split('"', 1)[0]


def test_the_role_is_optional_and_kept_with_the_registration(client, session):
    client.post(f"{PAGE}aanmelden/{session.pk}/", {**VALID, "email": "a@example.org"})
    client.post(
        f"{PAGE}aanmelden/{session.pk}/",
        {**VALID, "email": "b@example.org", "role": "experience"},
    )

    roles = dict(Registration.objects.values_list("email", "role"))
    assert roles == {"a@example.org": "unsaid", "b@example.org": "experience"}


def test_a_role_that_does_not_exist_is_refused_in_the_form(client, session):
    response = client.post(f"{PAGE}aanmelden/{session.pk}/", {**VALID, "role": "burgemeester"})

    assert response.status_code == 200
    assert "burgemeester is geen beschikbare keuze" in response.content.decode()
    assert not Registration.objects.exists()


def test_changing_other_details_keeps_the_role(client, session, confirmed):
    registration, token = confirmed()
    Registration.objects.filter(pk=registration.pk).update(role="policy")

    form = client.get(f"{PAGE}aanmelding/{token}/wijzigen/").content.decode()
    client.post(f"{PAGE}aanmelding/{token}/wijzigen/", {"pseudonym": "Merel B", "role": "policy"})

    assert checked_role(form) == "policy"
    assert Registration.objects.get().role == "policy"


def test_the_personal_join_link_prefills_the_role_in_the_room(client, event, confirmed):
    start = timezone.now() + timedelta(days=7)
    event_session = Session.objects.create(
        page=event, starts_at=start, ends_at=start + timedelta(hours=3), seats=5
    )
    room = LiveRoom.objects.create(
        panel=event.panels.first(), title="Istanbul", slug="istanbul", status="open"
    )
    event.rooms_for_registered = True
    event.save_revision().publish()
    registration, _token = confirmed(target=event_session)
    Registration.objects.filter(pk=registration.pk).update(role="experience")
    client.get(link_in(mails_to("deelnemer@example.org")[-1], "/meedoen/"))

    page = client.get(f"/live/{room.slug}/").content.decode()

    assert checked_role(page) == "experience"
    # Prefilled, not decided for her: nothing is stored until she joins, and not shown then.
    client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": "Merel", "role": "experience"})
    merel = Participant.objects.get()
    assert (merel.role, merel.show_role) == ("experience", False)
