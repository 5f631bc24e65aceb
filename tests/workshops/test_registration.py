from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from tests.helpers import assert_private
from tests.workshops.helpers import JOIN_URL, joins_to, link_in, mails_to
from workshops.models import Registration, RegistrationLink

pytestmark = pytest.mark.django_db

PAGE = "/workshops/samen-staan-we-sterker/"
VALID = {"pseudonym": "Merel", "email": "merel@example.org", "consent": "on"}


def form_url(session):
    return f"{PAGE}aanmelden/{session.pk}/"


def register_by_form(client, session, **changes):
    return client.post(form_url(session), {**VALID, **changes})


def confirm_by_mail(client, address="merel@example.org"):
    """Open the confirmation link from the latest mail to `address` and press the button."""
    link = link_in(mails_to(address)[-1], "/bevestigen/")
    return client.post(link)


def test_registering_mails_a_confirmation_link_and_takes_no_seat_yet(client, session):
    response = register_by_form(client, session)

    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}aanmelden/{session.pk}/verstuurd/"
    assert "Kijk in je mailbox" in client.get(response["Location"]).content.decode()
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.PENDING
    assert registration.email == "merel@example.org"
    [message] = mail.outbox
    assert message.subject == "Bevestig je aanmelding"
    assert "/bevestigen/" in message.body
    assert JOIN_URL not in message.body


def test_opening_the_confirmation_link_asks_before_it_confirms(client, session):
    # Mail scanners open links; only pressing the button may take a seat.
    register_by_form(client, session)
    link = link_in(mail.outbox[0], "/bevestigen/")

    page = client.get(link)

    assert page.status_code == 200
    assert "Ja, bevestig mijn aanmelding" in page.content.decode()
    assert JOIN_URL not in page.content.decode()
    assert Registration.objects.get().status == Registration.Status.PENDING


def test_confirming_gives_a_seat_with_join_link_and_calendar_file(client, session):
    register_by_form(client, session)

    response = confirm_by_mail(client)

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Je bent aangemeld" in page
    assert JOIN_URL not in page  # only her own way in, through Kring
    own_way_in = response["Location"] + "meedoen/"
    assert f'href="{own_way_in}"' in page
    assert client.get(own_way_in)["Location"] == JOIN_URL
    assert "Zet in je agenda (.ics)" in page
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    message = mail.outbox[-1]
    assert message.subject.startswith("Je aanmelding voor ")
    assert JOIN_URL not in message.body
    assert "persoonlijke link" in message.body
    assert joins_to(client, message) == JOIN_URL
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content


def test_a_confirmation_link_works_once(client, session):
    register_by_form(client, session)
    link = link_in(mail.outbox[0], "/bevestigen/")
    client.post(link)

    again = client.post(link)

    assert again.status_code == 200
    assert "Deze link is al gebruikt" in again.content.decode()
    assert RegistrationLink.objects.filter(purpose="manage").count() == 1


def test_full_session_puts_confirmed_registrant_on_waiting_list(client, make_session, confirmed):
    full = make_session(seats=1)
    confirmed(email="eerste@example.org", target=full)

    register_by_form(client, full)
    response = confirm_by_mail(client)

    page = client.get(response["Location"]).content.decode()
    assert "Je staat op de wachtlijst" in page
    assert "Je bent nummer 1 op de wachtlijst." in page
    assert JOIN_URL not in page
    assert Registration.objects.get(email="merel@example.org").status == "waiting"
    message = mails_to("merel@example.org")[-1]
    assert message.subject == "Je staat op de wachtlijst"
    assert JOIN_URL not in message.body
    assert message.attachments == []


def test_expired_confirmation_link_is_refused_and_takes_no_seat(client, session):
    register_by_form(client, session)
    link = link_in(mail.outbox[0], "/bevestigen/")
    RegistrationLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    for response in [client.get(link), client.post(link)]:
        assert response.status_code == 410
        html = response.content.decode()
        assert "Deze bevestigingslink is verlopen." in html
        assert "Opnieuw aanmelden" in html
    assert Registration.objects.get().status == Registration.Status.PENDING


def test_confirmation_link_expires_after_two_days(client, session):
    register_by_form(client, session)

    link = RegistrationLink.objects.get()

    assert link.expires_at - link.created_at == pytest.approx(
        timedelta(hours=48), abs=timedelta(seconds=5)
    )


def test_registering_twice_keeps_one_registration_and_tells_nobody_on_screen(
    client, confirmed, session
):
    confirmed(email="merel@example.org")
    mail.outbox.clear()

    first = register_by_form(client, session, email="Merel@Example.org ")
    second = register_by_form(client, session, email="merel@example.org")

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    assert [m.subject for m in mail.outbox] == ["Je aanmelding", "Je aanmelding"]
    link = link_in(mail.outbox[-1], "/aanmelding/")
    assert "Je bent aangemeld" in client.get(link).content.decode()


def test_registering_again_before_confirming_sends_a_fresh_link_and_keeps_the_details(
    client, session
):
    register_by_form(client, session, pseudonym="Merel")
    # Someone who only knows the address must not rewrite what its owner will confirm.
    register_by_form(client, session, pseudonym="Iemand Anders")

    assert Registration.objects.get().pseudonym == "Merel"
    first, second = (link_in(m, "/bevestigen/") for m in mail.outbox)
    assert first != second
    assert client.post(first).status_code == 302


def test_mails_about_one_address_are_limited(client, session):
    for _attempt in range(5):
        register_by_form(client, session)

    assert len(mail.outbox) == 3
    assert Registration.objects.count() == 1


def test_many_attempts_from_one_client_are_slowed_down(client, session):
    for number in range(10):
        register_by_form(client, session, email=f"mens{number}@example.org")

    response = register_by_form(client, session, email="nog-een@example.org")

    assert response.status_code == 200
    assert "Probeer het over een uur opnieuw." in response.content.decode()
    assert not Registration.objects.filter(email="nog-een@example.org").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pseudonym": ""}, "Kies een schuilnaam"),
        ({"pseudonym": "M"}, "Een schuilnaam heeft minstens 2 tekens."),
        ({"pseudonym": "M" * 41}, "Een schuilnaam heeft hoogstens 40 tekens."),
        ({"pseudonym": "Merel <3"}, "Gebruik alleen letters, cijfers, spaties"),
        ({"pseudonym": "Bel 0612345678"}, "mag geen e-mailadres of telefoonnummer bevatten"),
        ({"email": ""}, "Vul je e-mailadres in."),
        ({"email": "merel@"}, "Vul een volledig e-mailadres in"),
        ({"email": "m" * 250 + "@example.org"}, "Dit e-mailadres is te lang."),
        ({"needs": "x" * 501}, "Houd dit korter dan 500 tekens."),
        ({"interpreter": "x" * 101}, "Houd dit korter dan 100 tekens."),
        ({"consent": ""}, "Vink dit aan om je aan te melden"),
    ],
)
def test_bad_input_gets_a_clear_dutch_message_and_keeps_what_was_typed(
    client, session, changes, message
):
    response = register_by_form(client, session, **{"needs": "Ondertiteling graag", **changes})

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Controleer wat je hebt ingevuld" in html
    assert "Ondertiteling graag" in html or "needs" in changes
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_markup_in_the_needs_is_kept_as_plain_text(client, session):
    register_by_form(client, session, needs="<script>alert(1)</script><b>Pauzes</b>")

    assert Registration.objects.get().needs == "Pauzes"


def test_closed_session_takes_no_registrations(client, make_session):
    closed = make_session(registration_open=False)

    page = client.get(form_url(closed))
    response = register_by_form(client, closed)

    assert "Aanmelden voor deze sessie is gesloten." in page.content.decode()
    assert response.status_code == 200
    assert Registration.objects.count() == 0


def test_session_of_another_page_is_not_found_here(client, event, make_session):
    other = make_session(page=event)

    assert client.get(form_url(other)).status_code == 404


def test_join_link_is_only_shown_to_confirmed_participants(
    client, make_session, confirmed, register
):
    full = make_session(seats=1)
    _seated, seated_token = confirmed(email="a@example.org", target=full)
    waiting, waiting_token = confirmed(email="b@example.org", target=full)
    _pending, pending_token = register(email="c@example.org", target=full)

    assert waiting.status == "waiting"
    seated_join = f"{PAGE}aanmelding/{seated_token}/meedoen/"
    assert seated_join in client.get(f"{PAGE}aanmelding/{seated_token}/").content.decode()
    assert "meedoen/" not in client.get(f"{PAGE}aanmelding/{waiting_token}/").content.decode()
    assert client.get(f"{PAGE}aanmelding/{waiting_token}/meedoen/").status_code == 410
    assert "meedoen/" not in client.get(f"{PAGE}bevestigen/{pending_token}/").content.decode()
    assert client.get(f"{PAGE}aanmelding/{waiting_token}/agenda/").status_code == 404
    seated_mail = mails_to("a@example.org")[-1]
    client.post(f"{PAGE}aanmelding/{seated_token}/afmelden/")
    assert "meedoen/" not in client.get(f"{PAGE}aanmelding/{seated_token}/").content.decode()
    # Her personal links stop working with her seat, the one from the mail too.
    assert client.get(seated_join).status_code == 410
    assert client.get(link_in(seated_mail, "/meedoen/")).status_code == 404
    # The waiting list moved up: that seat's new holder joins with a link of her own.
    assert joins_to(client, mails_to("b@example.org")[-1]) == JOIN_URL
    for message in mails_to("b@example.org")[:-1] + mails_to("c@example.org"):
        assert "/meedoen/" not in message.body


def test_private_pages_are_neither_stored_nor_indexed(client, session, confirmed, register):
    _registration, token = confirmed()
    _pending, confirm_token = register(email="ander@example.org")

    for path in [
        f"{PAGE}aanmelding/{token}/",
        f"{PAGE}aanmelding/{token}/afmelden/",
        f"{PAGE}aanmelding/{token}/agenda/",
        f"{PAGE}bevestigen/{confirm_token}/",
        f"{PAGE}aanmelding/onbekend-maar-lang-genoeg-om-te-passen/",
    ]:
        response = client.get(path)
        assert_private(response)
        if response["Content-Type"].startswith("text/html"):
            assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_the_answers_that_lead_on_from_a_private_link_are_private_too(
    client, session, confirmed, register
):
    _registration, token = confirmed()
    _pending, confirm_token = register(email="ander@example.org")

    # The redirect back to her private link names it in its Location header.
    cancelled = client.post(f"{PAGE}aanmelding/{token}/afmelden/")
    assert cancelled.status_code == 302
    assert_private(cancelled)
    # Not confirmed yet: no calendar file, and the error page that says so is private too.
    assert_private(client.get(f"{PAGE}aanmelding/{confirm_token}/agenda/"))
    assert_private(client.get(f"{PAGE}aanmelden/{session.pk}/"))


def test_a_wrong_link_says_nothing_about_anyone(client, session, event):
    _unused = session
    for path in [
        f"{PAGE}aanmelding/verkeerd/",
        f"{PAGE}bevestigen/verkeerd/",
        f"{PAGE}aanmelding/x/agenda/",
    ]:
        assert client.get(path).status_code == 404


def test_a_link_only_works_under_its_own_page(client, confirmed, event):
    _registration, token = confirmed()

    assert client.get(f"/evenementen/9-december/aanmelding/{token}/").status_code == 404


def test_cancelling_by_link_asks_first_then_frees_the_seat(client, session, confirmed):
    registration, token = confirmed()
    mail.outbox.clear()

    question = client.get(f"{PAGE}aanmelding/{token}/afmelden/")
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert "Ja, meld me af" in question.content.decode()

    response = client.post(f"{PAGE}aanmelding/{token}/afmelden/")

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Je bent afgemeld" in page
    assert f"{PAGE}aanmelding/{token}/afmelden/" not in page
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    [message] = mail.outbox
    assert message.subject == "Je afmelding"
    [(_name, content, _mimetype)] = message.attachments
    assert "METHOD:CANCEL" in content


def test_a_cancelled_address_may_register_again(client, session, confirmed):
    _registration, token = confirmed(email="merel@example.org")
    client.post(f"{PAGE}aanmelding/{token}/afmelden/")

    register_by_form(client, session)
    confirm_by_mail(client)

    assert Registration.objects.filter(status="confirmed").count() == 1
    assert Registration.objects.filter(status="cancelled").count() == 1


def test_mails_are_discreet_with_plain_and_html_parts(client, session, confirmed):
    _registration, token = confirmed()
    client.post(f"{PAGE}aanmelding/{token}/afmelden/")

    assert len(mail.outbox) == 3
    for message in mail.outbox:
        subject = message.subject.lower()
        assert not any(word in subject for word in ["geweld", "sterker", "workshop", "slachtoffer"])
        [(html, mimetype)] = message.alternatives
        assert mimetype == "text/html"
        assert "<img" not in html and "src=" not in html
        assert "Hallo Merel," in message.body and "Hallo Merel," in html


def test_mails_come_in_the_language_the_person_registered_in(
    client, make_session, confirmed, committed
):
    from workshops import booking

    full = make_session(seats=1)
    seated, _token = confirmed(email="a@example.org", target=full)
    with translation.override("en"):
        waiting, _token = confirmed(email="b@example.org", target=full)

    with committed():
        booking.do_cancel(None, seated)  # triggered in Dutch, e.g. by an editor

    assert waiting.language == "en"
    assert mails_to("b@example.org")[-1].subject == "A place has come free for you"
