import pytest
from django.test import Client
from wagtail.models import PageLogEntry

from tests.helpers import make_staff, staff_login
from tests.moderation.chat import hide
from tests.stories.factories import published_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    return published_story(story_index, title="Mijn weg terug")


def report(story, address):
    return Client(REMOTE_ADDR=address).post(
        f"/melden/verhaal/{story.pk}/", {"reason": "identifying"}
    )


def test_every_story_offers_a_report_link(client, story):
    html = client.get(story.url).content.decode()

    assert f'href="/melden/verhaal/{story.pk}/"' in html
    assert "Dit verhaal melden bij de moderatoren" in html


def test_a_story_reported_by_three_people_stays_on_the_site_and_is_flagged(
    client, story, story_index
):
    report(story, "198.51.100.1")
    report(story, "198.51.100.2")
    report(story, "203.0.113.3")

    assert client.get(story.url).status_code == 200
    assert "Mijn weg terug" in client.get(story_index.url).content.decode()
    assert PageLogEntry.objects.filter(page=story, action="kring.moderation.flag").exists()


def test_moderator_sees_the_story_in_the_queue_and_hides_it(story, story_index):
    url = story.url
    for n in range(3):
        report(story, f"198.51.{100 + n}.1")
    user, secret = make_staff("Moderatoren")
    moderator = Client()
    staff_login(moderator, user, secret)

    queue = moderator.get("/admin/moderatie/").content.decode()
    assert "Mijn weg terug" in queue
    assert "Verhaal" in queue

    hide(moderator, "verhaal", story.pk, note="noemt een naam")

    assert Client().get(url).status_code == 404
    assert PageLogEntry.objects.filter(
        page=story, action="kring.moderation.hide", user=user
    ).exists()


def test_the_thanks_page_links_back_to_the_story_which_reports_do_not_hide(story):
    url = story.url
    report(story, "198.51.100.1")
    report(story, "198.51.100.2")

    last = report(story, "203.0.113.3").content.decode()

    assert f'<a href="{url}">Terug naar waar je was</a>' in last
