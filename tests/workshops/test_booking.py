from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.workshops.helpers import JOIN_URL, joins_to, link_in, mails_to
from workshops import booking
from workshops.models import Registration, Session, WorkshopPage

pytestmark = pytest.mark.django_db

PAGE = "/workshops/samen-staan-we-sterker/"


def statuses(session):
    return dict(Registration.objects.filter(session=session).values_list("email", "status"))


def test_cancelling_a_seat_gives_it_to_the_first_on_the_waiting_list(
    client, make_session, confirmed, committed
):
    full = make_session(seats=1)
    seated, _token = confirmed(email="a@example.org", target=full)
    confirmed(email="b@example.org", target=full)
    confirmed(email="c@example.org", target=full)

    with committed():
        booking.do_cancel(None, seated)

    assert statuses(full) == {
        "a@example.org": "cancelled",
        "b@example.org": "confirmed",
        "c@example.org": "waiting",
    }
    message = mails_to("b@example.org")[-1]
    assert message.subject == "Er is een plaats voor je vrijgekomen"
    assert JOIN_URL not in message.body
    assert joins_to(client, message) == JOIN_URL
    assert message.attachments[0][0].endswith(".ics")
    # The link in that mail opens a page with her own way in.
    page = client.get(link_in(message, "/aanmelding/")).content.decode()
    assert "Doe mee aan de sessie" in page


def test_cancelling_a_place_on_the_waiting_list_frees_no_seat(make_session, confirmed, committed):
    full = make_session(seats=1)
    confirmed(email="a@example.org", target=full)
    waiting, _token = confirmed(email="b@example.org", target=full)
    confirmed(email="c@example.org", target=full)

    with committed():
        booking.do_cancel(None, waiting)

    assert statuses(full)["c@example.org"] == "waiting"


def test_editor_adding_seats_moves_the_waiting_list_up_in_order(
    workshop, make_session, confirmed, committed
):
    full = make_session(seats=1)
    for letter in "abcd":
        confirmed(email=f"{letter}@example.org", target=full)
    mail.outbox.clear()

    # As the page editor does it: change the session in a draft, then publish it.
    page = WorkshopPage.objects.get(pk=workshop.pk)
    edited = page.sessions.get(pk=full.pk)
    edited.seats = 3
    page.sessions = [edited]
    revision = page.save_revision()
    assert statuses(full)["b@example.org"] == "waiting"  # a draft changes nothing yet
    with committed():
        revision.publish()

    full.refresh_from_db()
    assert full.seats == 3
    assert statuses(full) == {
        "a@example.org": "confirmed",
        "b@example.org": "confirmed",
        "c@example.org": "confirmed",
        "d@example.org": "waiting",
    }
    assert [m.to for m in mail.outbox] == [["b@example.org"], ["c@example.org"]]


def test_waiting_list_follows_the_order_of_confirmation_not_registration(
    make_session, register, confirmed, committed
):
    full = make_session(seats=1)
    seated, _token = confirmed(email="a@example.org", target=full)
    early, _token = register(email="early@example.org", target=full)
    confirmed(email="late@example.org", target=full)
    with committed():
        booking.do_confirm(None, early)

    with committed():
        booking.do_cancel(None, seated)

    assert statuses(full)["late@example.org"] == "confirmed"
    assert statuses(full)["early@example.org"] == "waiting"


def test_no_one_moves_up_once_the_session_has_started(make_session, confirmed, committed):
    full = make_session(seats=1)
    seated, _token = confirmed(email="a@example.org", target=full)
    confirmed(email="b@example.org", target=full)
    Session.objects.filter(pk=full.pk).update(starts_at=timezone.now() - timedelta(minutes=5))

    with committed():
        booking.do_cancel(None, seated)

    assert statuses(full)["b@example.org"] == "waiting"


def test_confirming_after_the_start_is_refused(session, register):
    registration, _token = register()
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() - timedelta(minutes=1))

    with pytest.raises(booking.BookingError):
        booking.do_confirm(None, registration)

    registration.refresh_from_db()
    assert registration.status == "pending"


def test_a_second_confirmation_changes_nothing(session, confirmed):
    registration, _token = confirmed()

    again, token = booking.do_confirm(None, registration)

    assert again.status == "confirmed" and token is None


def test_moving_a_seat_to_a_session_with_room_frees_the_old_seat(
    make_session, confirmed, committed
):
    first = make_session(seats=1)
    second = make_session(seats=5, starts_in=timedelta(days=11))
    moving, _token = confirmed(email="a@example.org", target=first)
    confirmed(email="b@example.org", target=first)

    with committed():
        booking.do_move(None, moving, second)

    assert statuses(second) == {"a@example.org": "confirmed"}
    assert statuses(first) == {"b@example.org": "confirmed"}
    message = mails_to("a@example.org")[-1]
    assert "verplaatst" in message.body
    assert second.when() in message.body


def test_moving_to_a_full_session_joins_its_waiting_list(make_session, confirmed):
    first = make_session(seats=1)
    second = make_session(seats=1, starts_in=timedelta(days=11))
    moving, _token = confirmed(email="a@example.org", target=first)
    confirmed(email="b@example.org", target=second)

    booking.do_move(None, moving, second)

    assert statuses(second)["a@example.org"] == "waiting"


def test_moving_is_refused_to_another_page_or_onto_an_existing_registration(
    event, make_session, confirmed
):
    first = make_session()
    second = make_session(starts_in=timedelta(days=11))
    elsewhere = make_session(page=event)
    moving, _token = confirmed(email="a@example.org", target=first)
    confirmed(email="a@example.org", target=second)

    for target in [elsewhere, second, first]:
        with pytest.raises(booking.BookingError):
            booking.do_move(None, moving, target)

    assert statuses(first) == {"a@example.org": "confirmed"}


def test_cancelling_twice_is_refused_and_clears_the_needs_once(session, register, committed):
    registration, _token = register()
    Registration.objects.filter(pk=registration.pk).update(needs="Rolstoel", interpreter="NGT")

    with committed():
        booking.do_cancel(None, registration)

    registration.refresh_from_db()
    assert (registration.needs, registration.interpreter) == ("", "")
    with pytest.raises(booking.BookingError):
        booking.do_cancel(None, registration)


def test_the_database_allows_one_active_registration_per_address_and_session(session, register):
    from django.db import IntegrityError, transaction

    registration, _token = register()

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            session=session,
            pseudonym="Kopie",
            email=registration.email,
            consented_at=timezone.now(),
        )
