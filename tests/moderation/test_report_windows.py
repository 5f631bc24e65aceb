"""One person must not be able to hide content: reporters counted per window, spread over networks.

The attacker here wants a story or a chat message gone and has one connection, a phone whose
address changes, or a home IPv6 range with many /64s.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from moderation.models import ReportWindow
from tests.helpers import make_staff, staff_login
from tests.stories.factories import published_story

pytestmark = pytest.mark.django_db

PAGE_URL = "/melden/testpagina/{}/"
# Three reporters in three different IPv4 /24s.
THREE_NETWORKS = ["192.0.2.10", "198.51.100.20", "203.0.113.30"]


def report_as(address, item_url):
    return Client(REMOTE_ADDR=address).post(item_url, {"reason": "identifying"})


def next_day():
    """What a night does to the rate limiter's keys: the daily client salt is replaced."""
    cache.delete("community:client-salt")


def public(path):
    return Client().get(path).status_code == 200


def test_one_connection_reporting_once_a_day_for_three_days_does_not_hide(reportable_page):
    url = PAGE_URL.format(reportable_page.pk)

    for _day in range(3):
        report_as("198.51.100.7", url)
        next_day()

    assert public("/hulp/")


@pytest.mark.parametrize(
    "addresses",
    [
        ["2001:db8:77:1::1", "2001:db8:77:2::1", "2001:db8:77:3::1"],
        ["198.51.100.1", "198.51.100.2", "198.51.100.3"],
    ],
    ids=["three-64s-of-one-48", "three-addresses-of-one-24"],
)
def test_three_reporters_from_one_network_do_not_hide(reportable_page, addresses):
    url = PAGE_URL.format(reportable_page.pk)

    for address in addresses:
        assert report_as(address, url).status_code == 200

    assert public("/hulp/")


def test_three_reporters_from_more_than_one_network_hide(reportable_page):
    url = PAGE_URL.format(reportable_page.pk)

    for address in ["198.51.100.1", "198.51.100.2", "2001:db8:99::1"]:
        report_as(address, url)

    assert not public("/hulp/")


def test_a_reporter_on_an_ipv4_mapped_socket_is_the_same_reporter(reportable_page):
    url = PAGE_URL.format(reportable_page.pk)

    report_as("192.0.2.10", url)
    report_as("::ffff:192.0.2.10", url)
    report_as("198.51.100.20", url)

    assert public("/hulp/")


def test_a_new_window_starts_when_the_old_one_ran_out_and_forgets_its_reporters(
    reportable_page,
):
    url = PAGE_URL.format(reportable_page.pk)
    report_as(THREE_NETWORKS[0], url)
    report_as(THREE_NETWORKS[1], url)
    old = ReportWindow.objects.get()
    ReportWindow.objects.filter(pk=old.pk).update(closes_at=timezone.now() - timedelta(minutes=1))

    # The third reporter falls in a new window: two reports from an old week do not add up.
    report_as(THREE_NETWORKS[2], url)

    assert public("/hulp/")
    old.refresh_from_db()
    assert not old.is_open and old.salt == ""


def test_windows_that_ran_out_lose_their_salt_when_reports_are_purged(reportable_page):
    report_as(THREE_NETWORKS[0], PAGE_URL.format(reportable_page.pk))
    ReportWindow.objects.update(closes_at=timezone.now() - timedelta(minutes=1))

    call_command("purge_reports")

    window = ReportWindow.objects.get()
    assert not window.is_open and window.salt == ""


def test_what_reports_hid_comes_first_in_the_queue(reportable_page, story_index):
    loud = published_story(story_index, title="Veel meldingen uit een netwerk")
    for n in range(5):
        report_as(f"198.51.100.{n + 1}", f"/melden/verhaal/{loud.pk}/")
    for address in THREE_NETWORKS:
        report_as(address, PAGE_URL.format(reportable_page.pk))
    user, secret = make_staff("Moderatoren")
    moderator = Client()
    staff_login(moderator, user, secret)

    html = moderator.get("/admin/moderatie/").content.decode()

    assert html.index(reportable_page.title) < html.index("Veel meldingen uit een netwerk")
    assert "verborgen na meldingen" in html


def test_a_story_reported_by_enough_people_stays_online_flagged_first_in_the_queue(story_index):
    story = published_story(story_index, title="Hoe ik wegging")
    for address in THREE_NETWORKS:
        report_as(address, f"/melden/verhaal/{story.pk}/")
    user, secret = make_staff("Moderatoren")
    moderator = Client()
    staff_login(moderator, user, secret)

    assert public(story.url)
    html = moderator.get("/admin/moderatie/").content.decode()
    assert "Hoe ik wegging" in html
    assert "gemarkeerd na meldingen: nog openbaar" in html


def test_the_author_of_a_flagged_story_is_told_kindly_on_her_private_page(
    client, submit_story, story_index
):
    story, private_path, _ = submit_story(title="Mijn verhaal")
    story.get_latest_revision().publish()
    before = client.get(private_path).content.decode()
    for address in THREE_NETWORKS:
        report_as(address, f"/melden/verhaal/{story.pk}/")

    after = client.get(private_path).content.decode()

    notice = "Een paar lezers hebben onze moderatoren gevraagd je verhaal nog eens te bekijken"
    assert notice not in before
    assert notice in after
    assert "het betekent niet dat je iets verkeerd hebt gedaan" in after
