"""The asker's page for a written answer is private, for her and for anyone else."""

import pytest
from django.test import Client

from tests.eventreports.conftest import ask
from tests.helpers import assert_private

pytestmark = pytest.mark.django_db

URL = "/live/verdrag/antwoord-per-mail/"


def test_the_askers_page_is_private(asker, room):
    ask(asker, room, "Wat doet de gemeente hiermee?")

    response = asker.get(URL)

    assert "Wat doet de gemeente hiermee?" in response.content.decode()
    assert_private(response)


def test_a_form_sent_back_with_errors_is_private(asker, room):
    question = ask(asker, room, "Wat doet de gemeente hiermee?")

    response = asker.post(URL, {"email": "geen adres", "questions": [question.pk]})

    assert response.status_code == 400
    assert_private(response)


def test_the_page_is_private_for_someone_who_asked_nothing(room):
    assert_private(Client().get(URL))
