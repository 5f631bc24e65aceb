"""Editors keep the guide's texts in Wagtail: every step, relation, sign and option."""

from django.test import Client

from bystanders import content
from tests.bystanders.walking import URL, main_text
from tests.helpers import make_staff, staff_login


def test_editors_see_every_part_of_the_guide_in_the_page_editor(guide_page):
    user, secret = make_staff("Redactie")
    client = Client()
    staff_login(client, user, secret)

    response = client.get(f"/admin/pages/{guide_page.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    for tab in ["Stappen", "Relaties", "Signalen", "Wat je kunt doen", "Meldcode"]:
        assert tab in html
    assert content.RELATIONS[0]["openers"][0] in html
    assert content.SIGN_GROUPS[2]["heading"] in html


def test_a_published_change_to_a_relation_reaches_the_guide(client, guide_page):
    revision = guide_page.save_revision()
    page = revision.as_object()
    page.relations[0].value["label"] = "Een bovenbuurvrouw"
    page.save_revision().publish()

    response = client.post(URL, {"step": "danger", "danger": "no"})

    assert "Een bovenbuurvrouw" in main_text(response)
    assert "Een buur " not in main_text(response) + " "
