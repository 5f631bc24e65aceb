"""Editors record commitments in the Wagtail admin: consent for names, updates, search, filters."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from commitments.models import Commitment, Follower, Status
from tests.helpers import make_staff, staff_login

ADMIN = "/admin/snippets/commitments/commitment/"


@pytest.fixture
def editor_client(client, db):
    editor, secret = make_staff("Redactie")
    staff_login(client, editor, secret)
    return client


def form(panel, updates=(), **fields):
    data = {
        "panel": panel.pk,
        "role": "raadslid",
        "organisation": "Gemeente Utrecht",
        "person_name": "",
        "what": "Een vast aanspreekpunt voor slachtoffers.",
        "due_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "status": "open",
        "published": "on",
        "updates": inline_formset(list(updates)),
    }
    data.update(fields)
    if not data.get("name_consent"):
        data.pop("name_consent", None)
    return nested_form_data(data)


def test_an_editor_records_a_commitment(editor_client, panels):
    response = editor_client.post(ADMIN + "add/", form(panels[0]))

    assert response.status_code == 302, response.content.decode()[:3000]
    commitment = Commitment.objects.get()
    assert commitment.panel == panels[0] and commitment.published
    assert ModelLogEntry.objects.filter(action="wagtail.create").exists()
    assert commitment.revisions.count() == 1


def test_a_name_without_consent_is_refused_with_a_clear_message(editor_client, panels):
    response = editor_client.post(ADMIN + "add/", form(panels[0], person_name="Fatima de Vries"))

    assert response.status_code == 200
    assert "Een naam tonen we alleen met toestemming" in response.content.decode()
    assert not Commitment.objects.exists()


def test_the_database_refuses_a_name_without_consent_too(panels):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Commitment.objects.create(
            panel=panels[0],
            role="raadslid",
            organisation="Gemeente Utrecht",
            person_name="Fatima de Vries",
            what="Iets.",
            due_date=timezone.localdate(),
        )


def test_a_name_with_consent_is_kept_and_its_consent_dated(editor_client, panels):
    editor_client.post(
        ADMIN + "add/", form(panels[0], person_name="Fatima de Vries", name_consent="on")
    )

    commitment = Commitment.objects.get()
    assert commitment.person_name == "Fatima de Vries"
    assert commitment.name_consent_at is not None


def test_withdrawn_consent_removes_the_name_from_older_revisions_too(editor_client, panels):
    editor_client.post(
        ADMIN + "add/", form(panels[0], person_name="Fatima de Vries", name_consent="on")
    )
    commitment = Commitment.objects.get()

    response = editor_client.post(ADMIN + f"edit/{commitment.pk}/", form(panels[0]))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert all("Fatima" not in str(revision.content) for revision in commitment.revisions.all())


def test_an_update_with_a_status_sets_it_and_is_mailed_to_followers(
    editor_client, commitments_page, panels, make_commitment
):
    commitment = make_commitment()
    Follower.objects.create(
        commitment=commitment, email="volger@example.org", confirmed_at=timezone.now()
    )
    update = {
        "date": timezone.localdate().isoformat(),
        "text": "Het loket is open.",
        "status": "gedaan",
    }

    response = editor_client.post(
        ADMIN + f"edit/{commitment.pk}/", form(panels[0], updates=[update])
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    commitment.refresh_from_db()
    assert commitment.status == Status.DONE and commitment.done_at is not None
    [message] = [m for m in mail.outbox if m.to == ["volger@example.org"]]
    assert "Het loket is open." in message.body


def test_editors_search_and_filter_the_list(editor_client, panels, make_commitment):
    make_commitment(organisation="Veilig Thuis Utrecht", what="Terugbellen binnen een dag.")
    make_commitment(organisation="Gemeente Utrecht", what="Een loket.", days=-3)
    make_commitment(organisation="Politie", what="Gedaan.", status=Status.DONE)

    found = editor_client.get(ADMIN, {"q": "terugbellen"}).content.decode()
    late = editor_client.get(ADMIN, {"overdue": "1"}).content.decode()
    done = editor_client.get(ADMIN, {"status": "gedaan"}).content.decode()
    by_event = editor_client.get(ADMIN, {"event": panels[0].page_id}).content.decode()

    assert "Veilig Thuis Utrecht" in found and "Politie" not in found
    assert "Een loket." in late and "Terugbellen" not in late
    assert "Politie" in done and "Een loket." not in done
    assert all(name in by_event for name in ("Veilig Thuis", "Gemeente Utrecht", "Politie"))


def test_editors_see_how_many_follow_but_not_who(editor_client, make_commitment):
    commitment = make_commitment()
    Follower.objects.create(
        commitment=commitment, email="geheim@example.org", confirmed_at=timezone.now()
    )

    html = editor_client.get(ADMIN).content.decode()
    edit = editor_client.get(ADMIN + f"edit/{commitment.pk}/").content.decode()

    assert "geheim@example.org" not in html and "geheim@example.org" not in edit
