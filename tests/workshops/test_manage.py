"""A registrant manages her own registration: change her details, register again after
cancelling. Only her private link can do so; the personal join link cannot."""

import pytest
from django.core import mail

from tests.workshops.helpers import link_in, mails_to
from workshops.models import Registration

pytestmark = pytest.mark.django_db

PAGE = "/workshops/samen-staan-we-sterker/"


def test_a_registrant_changes_her_pseudonym_and_needs(client, session, confirmed):
    registration, token = confirmed()
    page = client.get(f"{PAGE}aanmelding/{token}/").content.decode()
    assert f'href="{PAGE}aanmelding/{token}/wijzigen/"' in page

    form = client.get(f"{PAGE}aanmelding/{token}/wijzigen/").content.decode()
    assert 'value="Merel"' in form
    response = client.post(
        f"{PAGE}aanmelding/{token}/wijzigen/",
        {"pseudonym": "Merel B", "needs": "Ondertiteling graag", "interpreter": ""},
        follow=True,
    )

    html = response.content.decode()
    assert "Je gegevens zijn gewijzigd." in html
    assert "Merel B" in html
    registration.refresh_from_db()
    assert (registration.pseudonym, registration.needs) == ("Merel B", "Ondertiteling graag")
    assert registration.status == Registration.Status.CONFIRMED


def test_a_bad_change_gets_a_clear_message_and_changes_nothing(client, session, confirmed):
    registration, token = confirmed()

    response = client.post(f"{PAGE}aanmelding/{token}/wijzigen/", {"pseudonym": ""})

    assert response.status_code == 200
    assert "Kies een schuilnaam" in response.content.decode()
    registration.refresh_from_db()
    assert registration.pseudonym == "Merel"


def test_the_join_link_cannot_change_or_cancel_anything(client, session, confirmed):
    registration, _token = confirmed()
    join = link_in(mails_to("deelnemer@example.org")[-1], "/meedoen/")
    join_token = join.rstrip("/").rsplit("/", 1)[1]

    changed = client.post(
        f"{PAGE}aanmelding/{join_token}/wijzigen/", {"pseudonym": "Iemand anders"}
    )
    cancelled = client.post(f"{PAGE}aanmelding/{join_token}/afmelden/")

    assert changed.status_code == 404 and cancelled.status_code == 404
    registration.refresh_from_db()
    assert registration.pseudonym == "Merel" and registration.is_confirmed


def test_after_cancelling_she_can_register_again(client, session, confirmed):
    _registration, token = confirmed()
    client.post(f"{PAGE}aanmelding/{token}/afmelden/")
    page = client.get(f"{PAGE}aanmelding/{token}/").content.decode()
    assert "Je bent afgemeld" in page
    assert f'href="{PAGE}aanmelden/{session.pk}/"' in page
    assert "wijzigen/" not in page
    mail.outbox.clear()

    client.post(
        f"{PAGE}aanmelden/{session.pk}/",
        {"pseudonym": "Merel", "email": "deelnemer@example.org", "consent": "on"},
    )
    confirmed_again = client.post(link_in(mails_to("deelnemer@example.org")[-1], "/bevestigen/"))

    assert "Je bent aangemeld" in client.get(confirmed_again["Location"]).content.decode()
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == ["cancelled", "confirmed"]


def test_the_personal_join_link_never_reaches_the_access_log(client, session, confirmed, caplog):
    confirmed()
    join = link_in(mails_to("deelnemer@example.org")[-1], "/meedoen/")
    token = join.rstrip("/").rsplit("/", 1)[1]

    with caplog.at_level("INFO", logger="kring.access"):
        client.get(join)

    lines = [record.getMessage() for record in caplog.records if record.name == "kring.access"]
    assert any("/meedoen/" in line for line in lines)
    assert not any(token in line for line in lines)
