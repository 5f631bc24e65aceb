"""A commitment's follow form and every page behind a follower's link are private."""

import pytest
from django.core import mail

from tests.commitments.test_following import (
    confirm_url,
    follow,
    followed,
    post_update,
    unsubscribe_url,
)
from tests.helpers import assert_private

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(commitments_page, make_commitment):
    return make_commitment(what="Een vast aanspreekpunt bij de gemeente.")


def test_the_page_with_the_follow_form_is_private(client, commitment):
    assert_private(client.get(f"/toezeggingen/{commitment.pk}/"))


def test_the_check_your_mail_page_is_private(client, commitment):
    response = client.get(follow(client, commitment)["Location"])

    assert response.status_code == 200
    assert_private(response)


def test_the_confirm_link_and_its_answer_are_private(client, commitment):
    follow(client, commitment)
    url = confirm_url(mail.outbox[-1])

    assert_private(client.get(url))
    assert_private(client.post(url))


def test_the_unsubscribe_link_and_its_answer_are_private(client, committed, commitment):
    followed(client, commitment)
    post_update(committed, commitment)
    url = unsubscribe_url(mail.outbox[-1])

    assert_private(client.get(url))
    assert_private(client.post(url))


def test_a_wrong_link_is_private_too(client, commitment):
    response = client.get("/toezeggingen/bevestigen/niet-een-echte-sleutel-maar-lang-genoeg/")

    assert response.status_code == 404
    assert_private(response)
