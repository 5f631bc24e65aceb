"""The report form and the staff invitation pages are private (`community.private`)."""

import pytest
from django.test import Client

from tests.helpers import assert_private
from tests.moderation.test_staff_invitations import invite, password_login, path_of

pytestmark = pytest.mark.django_db

REPORT_URL = "/melden/testpagina/{}/"


def test_the_report_form_is_private(client, reportable_page):
    assert_private(client.get(REPORT_URL.format(reportable_page.pk)))


def test_the_thanks_after_a_report_is_private(client, reportable_page):
    response = client.post(REPORT_URL.format(reportable_page.pk), {"reason": "identifying"})

    assert "Bedankt voor je melding" in response.content.decode()
    assert_private(response)


def test_the_invitation_link_and_the_invitation_are_private(
    newcomer, django_capture_on_commit_callbacks
):
    url = invite(django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    staff = password_login(newcomer)

    landing = staff.get(path_of(url))
    assert landing["Location"] == "/medewerkers/uitnodiging/"
    assert_private(landing)
    assert_private(staff.get("/medewerkers/uitnodiging/"))


def test_an_unusable_invitation_is_private(home_page):
    response = Client().get("/medewerkers/uitnodiging/")

    assert response.status_code == 404
    assert_private(response)


def test_the_second_factor_needed_page_is_private(newcomer):
    assert_private(password_login(newcomer).get("/medewerkers/tweede-stap/"))
