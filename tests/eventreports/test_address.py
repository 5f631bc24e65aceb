"""The asker's address for a written answer: only she can leave it, and it does not stay."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils import timezone

from eventreports.answers import do_answer
from eventreports.models import AnswerRequest, ReportQuestion
from live.models import Question
from tests.eventreports.conftest import ask, join_as
from tests.helpers import make_staff

pytestmark = pytest.mark.django_db

URL = "/live/verdrag/antwoord-per-mail/"


def test_asker_leaves_an_address_for_her_open_question(asker, room):
    question = ask(asker, room, "Wat doet de gemeente hiermee?")

    page = asker.get(URL)
    assert "Wat doet de gemeente hiermee?" in page.content.decode()

    response = asker.post(URL, {"email": "merel@example.org", "questions": [question.pk]})
    assert response.status_code == 302
    request = AnswerRequest.objects.get()
    assert request.email == "merel@example.org"
    assert request.entry == ReportQuestion.objects.get(question=question)
    assert "merel@example.org" not in asker.get(URL).content.decode()  # never shown back


def test_another_guest_cannot_see_or_claim_someone_elses_question(asker, room):
    question = ask(asker, room, "Een vraag van Merel")
    other = Client()
    join_as(type("P", (), {"client": other})(), room, "Sam")
    ask(other, room, "Een vraag van Sam")

    page = other.get(URL).content.decode()
    assert "Een vraag van Merel" not in page
    response = other.post(URL, {"email": "sam@example.org", "questions": [question.pk]})

    assert response.status_code == 400
    assert "alleen je eigen vragen" in response.content.decode()
    assert not AnswerRequest.objects.exists()


def test_anonymous_visitor_sees_no_question_and_cannot_post(asker, room):
    question = ask(asker, room, "Een vraag van Merel")
    anonymous = Client()

    page = anonymous.get(URL)
    assert page.status_code == 200
    assert "Een vraag van Merel" not in page.content.decode()
    response = anonymous.post(URL, {"email": "x@example.org", "questions": [question.pk]})
    assert response.status_code == 403
    assert not AnswerRequest.objects.exists()


def test_nobody_else_can_delete_her_address(asker, room):
    question = ask(asker, room, "Een vraag van Merel")
    asker.post(URL, {"email": "merel@example.org", "questions": [question.pk]})
    other = Client()
    join_as(type("P", (), {"client": other})(), room, "Sam")
    ask(other, room, "Een vraag van Sam")

    response = other.post(URL, {"forget": question.pk})

    assert response.status_code == 403
    assert AnswerRequest.objects.count() == 1
    asker.post(URL, {"forget": question.pk})
    assert not AnswerRequest.objects.exists()


def test_a_bad_address_gets_a_clear_message(asker, room):
    question = ask(asker, room, "Een vraag van Merel")
    response = asker.post(URL, {"email": "geen adres", "questions": [question.pk]})
    assert response.status_code == 400
    assert "lijkt geen e-mailadres" in response.content.decode()


def test_written_answer_is_mailed_once_and_the_address_deleted(asker, room, report_page):
    question = ask(asker, room, "Wat doet de gemeente hiermee?")
    asker.post(URL, {"email": "merel@example.org", "questions": [question.pk]})
    entry = ReportQuestion.objects.get(question=question)
    editor, _secret = make_staff("Redactie")

    with TestCase.captureOnCommitCallbacks(execute=True):
        do_answer(
            editor,
            entry,
            answer="We starten in maart.",
            answered_by="gemeente",
            due_on=entry.due_on,
        )

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["merel@example.org"]
    assert sent.subject == "Een antwoord op je vraag"
    assert "We starten in maart." in sent.body
    assert "geweld" not in sent.subject.lower()
    assert not AnswerRequest.objects.exists()


def test_purge_deletes_old_addresses_and_those_for_removed_questions(asker, room):
    kept = ask(asker, room, "Vraag een")
    removed = ask(asker, room, "Vraag twee")
    old = ask(asker, room, "Vraag drie")
    asker.post(URL, {"email": "merel@example.org", "questions": [kept.pk, removed.pk, old.pk]})
    AnswerRequest.objects.filter(question=old).update(
        created_at=timezone.now() - timedelta(days=61)
    )
    removed.status = Question.Status.REMOVED
    removed.save()

    call_command("purge_event_reports")

    assert list(AnswerRequest.objects.values_list("question", flat=True)) == [kept.pk]


def test_a_deleted_account_takes_its_questions_and_addresses_off_the_report(room, report_page):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username="sanne", email="sanne@example.org", password="x-wachtwoord-2026", pseudonym="Sanne"
    )
    member = Client()
    member.force_login(user)
    from live.services.base import do_join

    participant = do_join(room, user=user)
    question = Question.objects.create(
        room=room, participant=participant, text="Een vraag van Sanne", status=Question.Status.OPEN
    )
    member.post(URL, {"email": "sanne@example.org", "questions": [question.pk]})
    assert AnswerRequest.objects.count() == 1

    user.delete()

    assert not AnswerRequest.objects.exists()
    assert not ReportQuestion.objects.exists()
    assert (
        "Een vraag van Sanne"
        not in Client().get("/evenementen/9-december/verslag/").content.decode()
    )


@pytest.mark.parametrize("value", ["", "abc", "1.5", "-1"])
def test_a_forget_button_with_a_made_up_value_is_refused_not_an_error(asker, room, value):
    question = ask(asker, room, "Wat doet de gemeente hiermee?")
    asker.post(URL, {"email": "merel@example.org", "questions": [question.pk]})

    response = asker.post(URL, {"forget": value})

    assert response.status_code == 403
    assert AnswerRequest.objects.count() == 1
