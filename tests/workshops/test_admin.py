import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from tests.helpers import make_staff
from tests.workshops.helpers import mails_to
from workshops.models import Registration, Session

pytestmark = pytest.mark.django_db

SESSIONS = "/admin/workshops_sessions/"
REGISTRATIONS = "/admin/workshops_registrations/"


@pytest.fixture
def editor(client):
    """An editor with a second factor (Kring requires it of staff), logged in."""
    user, _secret = make_staff("Redactie")
    client.force_login(user)
    return user


@pytest.fixture
def full_session(make_session, confirmed, register):
    """One seat: a@ has it, b@ and c@ wait (in that order), d@ has not confirmed yet."""
    session = make_session(seats=1, title="Avond 1")
    for letter in "abc":
        confirmed(
            email=f"{letter}@example.org", pseudonym=f"Deelnemer {letter.upper()}", target=session
        )
    register(email="d@example.org", pseudonym="Deelnemer D", target=session)
    mail.outbox.clear()
    return session


def statuses(session):
    return dict(Registration.objects.filter(session=session).values_list("email", "status"))


def cells(html, text):
    """The cell texts of the table row that mentions `text`."""
    for row in BeautifulSoup(html, "html.parser").select("tbody tr"):
        if text in row.get_text():
            return [" ".join(cell.get_text().split()) for cell in row.find_all("td")]
    raise AssertionError(f"no row with {text!r}")


def test_editor_sees_each_session_with_its_counts(client, editor, full_session):
    response = client.get(SESSIONS)

    assert response.status_code == 200
    row = cells(response.content.decode(), "Avond 1")
    assert row[1:5] == ["1", "1", "2", "1"]  # seats, confirmed, waiting, not yet confirmed
    assert f"{REGISTRATIONS}?session={full_session.pk}" in response.content.decode()


def test_editor_searches_and_filters_registrations(
    client, editor, full_session, make_session, confirmed
):
    confirmed(email="elders@example.org", pseudonym="Elders", target=make_session())

    by_search = client.get(REGISTRATIONS, {"q": "Deelnemer B"}).content.decode()
    by_status = client.get(REGISTRATIONS, {"status": "waiting"}).content.decode()
    by_session = client.get(REGISTRATIONS, {"session": full_session.pk}).content.decode()

    assert "b@example.org" in by_search and "c@example.org" not in by_search
    assert "b@example.org" in by_status and "c@example.org" in by_status
    assert "a@example.org" not in by_status
    assert "d@example.org" in by_session and "elders@example.org" not in by_session


def test_editor_views_one_registration_with_its_needs(client, editor, full_session):
    registration = Registration.objects.get(email="a@example.org")
    Registration.objects.filter(pk=registration.pk).update(needs="Graag pauzes", interpreter="NGT")

    html = client.get(f"{REGISTRATIONS}inspect/{registration.pk}/").content.decode()

    assert "Graag pauzes" in html and "NGT" in html and "a@example.org" in html


def test_csv_export_lists_registrations_and_defuses_formulas(client, editor, full_session):
    Registration.objects.filter(email="a@example.org").update(
        needs='=HYPERLINK("http://x.example")'
    )

    response = client.get(REGISTRATIONS, {"export": "csv", "session": full_session.pk})

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4
    by_address = {row["E-mailadres"]: row for row in rows}
    assert by_address["a@example.org"]["Status"] == "aangemeld"
    assert by_address["b@example.org"]["Status"] == "op de wachtlijst"
    assert by_address["a@example.org"]["Wat iemand nodig heeft"].startswith("'=HYPERLINK")


def test_editor_cancels_a_registration_and_the_waiting_list_moves_up(client, editor, full_session):
    seated = Registration.objects.get(email="a@example.org")

    question = client.get(f"{REGISTRATIONS}cancel/{seated.pk}/")
    response = client.post(f"{REGISTRATIONS}cancel/{seated.pk}/")

    assert question.status_code == 200
    assert response.status_code == 302
    assert statuses(full_session)["a@example.org"] == "cancelled"
    assert statuses(full_session)["b@example.org"] == "confirmed"
    assert mails_to("a@example.org")[-1].subject == "Je afmelding"
    assert "De organisatie heeft je aanmelding" in mails_to("a@example.org")[-1].body
    assert mails_to("b@example.org")[-1].subject == "Er is een plaats voor je vrijgekomen"
    entry = ModelLogEntry.objects.get(action="workshops.registration.cancel")
    assert entry.user == editor
    assert "Deelnemer" not in entry.label


def test_editor_moves_a_registration_to_another_date(client, editor, full_session, make_session):
    from datetime import timedelta

    later = make_session(seats=5, starts_in=timedelta(days=10))
    seated = Registration.objects.get(email="a@example.org")

    form = client.get(f"{REGISTRATIONS}move/{seated.pk}/").content.decode()
    response = client.post(f"{REGISTRATIONS}move/{seated.pk}/", {"session": later.pk})

    assert "5 van 5 vrij" in form
    assert response.status_code == 302
    assert statuses(later) == {"a@example.org": "confirmed"}
    assert statuses(full_session)["b@example.org"] == "confirmed"
    assert ModelLogEntry.objects.filter(action="workshops.registration.move").count() == 1


def test_only_cancelled_registrations_can_be_deleted(client, editor, full_session, committed):
    seated = Registration.objects.get(email="a@example.org")
    assert client.get(f"{REGISTRATIONS}delete/{seated.pk}/").status_code == 404

    client.post(f"{REGISTRATIONS}cancel/{seated.pk}/")
    response = client.post(f"{REGISTRATIONS}delete/{seated.pk}/")

    assert response.status_code == 302
    assert not Registration.objects.filter(pk=seated.pk).exists()


def edit_session(client, page, session, field, value):
    """Change one field of a session in the page editor and publish, as an editor does."""
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    [prefix] = [
        key[: -len("-id")]
        for key, pk in data.items()
        if key.endswith("-id") and pk == str(session.pk)
    ]
    data[f"{prefix}-{field}"] = value
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def test_editor_adding_seats_on_the_page_gives_them_to_the_waiting_list(
    client, editor, workshop, full_session
):
    response = edit_session(client, workshop, full_session, "seats", "2")

    assert response.status_code == 302, response.content.decode()[:3000]
    assert Session.objects.get(pk=full_session.pk).seats == 2
    assert statuses(full_session)["b@example.org"] == "confirmed"
    assert statuses(full_session)["c@example.org"] == "waiting"


def test_page_editor_keeps_sessions_people_registered_for(client, editor, workshop, full_session):
    response = edit_session(client, workshop, full_session, "DELETE", "1")

    assert response.status_code == 200
    assert "heeft aanmeldingen en kan daarom niet weg" in response.content.decode()
    assert Session.objects.filter(pk=full_session.pk).exists()


def test_page_editor_refuses_fewer_seats_than_people_seated(
    client, editor, workshop, make_session, confirmed
):
    session = make_session(seats=3)
    confirmed(email="a@example.org", target=session)
    confirmed(email="b@example.org", target=session)

    response = edit_session(client, workshop, session, "seats", "1")

    assert response.status_code == 200
    assert "2 mensen hebben al een plaats" in response.content.decode()
    assert Session.objects.get(pk=session.pk).seats == 3


def test_a_page_with_registrations_cannot_be_deleted(client, editor, workshop, full_session):
    editor.is_superuser = True  # page deletion needs more than the editors' rights
    editor.save()

    response = client.post(f"/admin/pages/{workshop.pk}/delete/")

    assert response["Location"] == f"/admin/pages/{workshop.pk}/edit/"
    assert workshop.__class__.objects.filter(pk=workshop.pk).exists()
    assert "heeft sessies met aanmeldingen" in client.get(response["Location"]).content.decode()


def test_staff_without_the_editor_role_see_no_registrations(client, full_session):
    user, _secret = make_staff("Moderatoren")
    client.force_login(user)

    assert client.get(REGISTRATIONS).status_code in (302, 403)
    assert client.get(f"{REGISTRATIONS}?export=csv").status_code in (302, 403)
    assert client.get(SESSIONS).status_code in (302, 403)
