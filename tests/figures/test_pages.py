"""/verhalen/patronen/ and /cijfers/ as a reader sees them: frozen, rounded, published only."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from community.models import HelpSettings
from concerns.models import WeeklyTally
from figures.models import FigureRelease
from figures.releases import current_release
from figures.snapshots import FiguresSnapshotPage
from stories.experience import do_save_experience
from stories.models import StoryPage
from stories.services import do_erase_story
from tests.figures.conftest import GP_HEARD, POLICE_NOT_HEARD, cell, table_cells

pytestmark = pytest.mark.django_db

PATTERNS = "/verhalen/patronen/"


def test_published_stories_count_after_the_next_monday(client, clock, story_with):
    for _n in range(7):
        story_with(POLICE_NOT_HEARD)

    this_week = client.get(PATTERNS).content.decode()
    clock.weeks_ahead(1)
    next_week = client.get(PATTERNS).content.decode()

    assert cell(this_week, "heard", "de politie", "nee") == "minder dan 5"
    assert cell(next_week, "heard", "de politie", "nee") == "5"
    assert "niet gehoord" in next_week


def test_drafts_do_not_count(client, clock, story_with, story_index):
    for _n in range(5):
        story_with(GP_HEARD)
    for _n in range(6):
        draft = story_with(POLICE_NOT_HEARD)
        draft.unpublish()

    clock.weeks_ahead(1)
    page = client.get(PATTERNS).content.decode()

    assert cell(page, "heard", "de huisarts", "ja") == "5"
    assert cell(page, "heard", "de politie", "nee") == "minder dan 5"


def test_a_single_late_story_does_not_move_the_figures(client, clock, story_with):
    for _n in range(8):
        story_with(POLICE_NOT_HEARD)
    clock.weeks_ahead(1)
    before = client.get(PATTERNS).content.decode()
    story_with(POLICE_NOT_HEARD)

    clock.weeks_ahead(2)
    after = client.get(PATTERNS).content.decode()

    assert table_cells(before, "heard") == table_cells(after, "heard")


def test_withdrawn_stories_stop_counting_at_the_next_release(client, clock, story_with):
    stories = [story_with(POLICE_NOT_HEARD) for _n in range(12)]
    clock.weeks_ahead(1)
    assert cell(client.get(PATTERNS).content.decode(), "heard", "de politie", "nee") == "10"

    for story in stories[:6]:
        do_erase_story(StoryPage.objects.get(pk=story.pk))
    clock.weeks_ahead(2)

    assert cell(client.get(PATTERNS).content.decode(), "heard", "de politie", "nee") == "5"


def test_moderators_corrections_count(client, clock, story_with):
    stories = [story_with(POLICE_NOT_HEARD) for _n in range(6)]
    clock.weeks_ahead(1)
    client.get(PATTERNS)

    for story in stories:
        do_save_experience(story, GP_HEARD)
    clock.weeks_ahead(2)
    page = client.get(PATTERNS).content.decode()

    assert cell(page, "heard", "de politie", "nee") == "minder dan 5"
    assert cell(page, "heard", "de huisarts", "ja") == "5"


def test_the_charts_are_svg_with_the_numbers_in_a_table(client, clock, story_with):
    for _n in range(6):
        story_with(POLICE_NOT_HEARD)
    clock.weeks_ahead(1)

    page = client.get(PATTERNS).content.decode()

    assert page.count("<svg") == 5
    assert page.count("<table") == 5
    assert "<script>" not in page and 'style="' not in page


def _downloads(client, key):
    text = client.get(f"/cijfers/data/{key}.csv").content.decode()
    rows = [row for row in csv.reader(io.StringIO(text)) if row and not row[0].startswith("#")]
    data = json.loads(client.get(f"/cijfers/data/{key}.json").content)
    return text, rows, data


@pytest.mark.parametrize("key", ["heard", "informed", "referred", "period", "region"])
def test_csv_and_json_hold_exactly_the_figures_of_the_page(client, clock, story_with, key):
    for _n in range(9):
        story_with(POLICE_NOT_HEARD)
    for _n in range(6):
        story_with(GP_HEARD)
    clock.weeks_ahead(1)

    page_rows = table_cells(client.get(PATTERNS).content.decode(), key)
    text, csv_rows, data = _downloads(client, key)

    assert csv_rows == page_rows
    assert [data["columns"], *data["rows"]] == page_rows
    assert "CC BY 4.0" in text and data["licence"] == "CC BY 4.0"
    assert data["as_of"] == FigureRelease.objects.get().stories_as_of.isoformat()
    assert data["as_of"] in text


def test_kring_in_figures_shows_themes_signals_and_their_downloads(client, clock, story_with):
    for _n in range(6):
        story_with(POLICE_NOT_HEARD, themes=["hulp-zoeken"])
    WeeklyTally.objects.create(
        week="2026-01-05", signals=23, called=6, did_talked=7, did_advice=3, did_reported=2
    )
    WeeklyTally.objects.create(week="2026-01-12", signals=3, called=1, did_not_yet=4)
    clock.weeks_ahead(1)

    page = client.get("/cijfers/").content.decode()

    rows = table_cells(page, "signals")
    # Another step: talked, asked advice or reported (7 + 3 + 2 = 12, rounded to 10); "not yet"
    # is no step. Shares come from the protected counts: 5 of 25 and 10 of 25.
    assert rows[0][1:] == [
        "signalen",
        "zegt Veilig Thuis gebeld te hebben",
        "zegt een andere stap gezet te hebben",
        "aandeel dat zegt Veilig Thuis gebeld te hebben (%)",
        "aandeel dat zegt een andere stap gezet te hebben (%)",
    ]
    assert rows[1][1:] == ["25", "5", "10", "20", "40"]
    assert rows[2][1:] == [
        "minder dan 5",
        "minder dan 5",
        "minder dan 5",
        "niet getoond",
        "niet getoond",
    ]
    assert cell(page, "themes", "Hulp zoeken", "verhalen") == "5"
    for key in ("themes", "signals", "attendance", "statements"):
        _text, csv_rows, data = _downloads(client, key)
        assert csv_rows == table_cells(page, key)
        assert [data["columns"], *data["rows"]] == table_cells(page, key)


def test_an_unknown_table_or_format_is_not_found(client, clock):
    assert client.get("/cijfers/data/adressen.csv").status_code == 404
    assert client.get("/cijfers/data/heard.xlsx").status_code == 404


def test_a_snapshot_keeps_its_figures_when_the_figures_move_on(
    client, clock, story_with, home_page
):
    for _n in range(6):
        story_with(POLICE_NOT_HEARD)
    clock.weeks_ahead(1)
    snapshot = home_page.add_child(
        instance=FiguresSnapshotPage(title="Rapportage gemeenteraad", slug="rapportage")
    )
    snapshot.save_revision().publish()
    for _n in range(6):
        story_with(POLICE_NOT_HEARD)
    clock.weeks_ahead(2)

    frozen = client.get("/rapportage/").content.decode()
    live = client.get(PATTERNS).content.decode()

    assert cell(frozen, "heard", "de politie", "nee") == "5"
    assert cell(live, "heard", "de politie", "nee") == "10"
    assert "Rapportage gemeenteraad" in client.get("/cijfers/").content.decode()
    csv_text = client.get("/rapportage/data/heard/csv/").content.decode()
    csv_rows = [r for r in csv.reader(io.StringIO(csv_text)) if r and not r[0].startswith("#")]
    assert csv_rows == table_cells(frozen, "heard")
    assert 'href="/rapportage/data/heard/csv/"' in frozen


def test_freeze_figures_makes_this_weeks_release(clock, story_with, capsys):
    for _n in range(5):
        story_with(GP_HEARD)
    clock.weeks_ahead(1)

    call_command("freeze_figures")

    release = FigureRelease.objects.get()
    assert release.story_versions and len(release.story_versions) == 5
    assert str(release.week) in capsys.readouterr().out


def test_readers_get_the_weeks_page_from_the_cache_until_the_figures_change(
    client, clock, story_with, monkeypatch
):
    for _n in range(6):
        story_with(POLICE_NOT_HEARD)
    clock.weeks_ahead(1)
    running_site()

    first = client.get(PATTERNS)
    again = client.get(PATTERNS)
    for _n in range(6):
        story_with(GP_HEARD)
    clock.weeks_ahead(2)
    # The site's own clock moves on a week too (the figures' clock is pinned apart from it).
    a_week_later = timezone.now() + datetime.timedelta(weeks=1)
    monkeypatch.setattr(timezone, "now", lambda: a_week_later)
    next_week = client.get(PATTERNS)

    assert (first["X-Kring-Cache"], again["X-Kring-Cache"]) == ("stored", "hit")
    assert again.content == first.content
    assert next_week["X-Kring-Cache"] == "stored"
    assert cell(next_week.content.decode(), "heard", "de huisarts", "ja") == "5"


def running_site():
    """As on a running site: the settings row and the week's release exist (making either
    rightly makes every stored page stale)."""
    HelpSettings.load()
    current_release()


def test_a_stored_figures_page_is_not_served_past_the_next_monday(
    client, clock, story_with, monkeypatch
):
    for _n in range(6):
        story_with(POLICE_NOT_HEARD)
    clock.weeks_ahead(1)
    running_site()
    client.get(PATTERNS)
    assert client.get(PATTERNS)["X-Kring-Cache"] == "hit"

    # Nothing is saved meanwhile: only the week turns, on both clocks.
    clock.weeks_ahead(2)
    a_week_later = timezone.now() + datetime.timedelta(weeks=1)
    monkeypatch.setattr(timezone, "now", lambda: a_week_later)
    response = client.get(PATTERNS)

    assert response["X-Kring-Cache"] != "hit"
    assert FigureRelease.objects.count() == 2


@pytest.mark.parametrize("url", [PATTERNS, "/cijfers/"])
def test_a_stored_figures_page_sets_no_cookie_and_is_per_language(client, clock, url):
    clock.weeks_ahead(1)
    running_site()
    client.get(url)

    dutch = client.get(url)
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(url)

    assert dutch["X-Kring-Cache"] == "hit" and not dutch.cookies
    assert 'lang="nl"' in dutch.content.decode()
    assert 'lang="en"' in english.content.decode()


def test_a_report_an_editor_publishes_shows_on_the_stored_figures_page_at_once(
    client, clock, home_page
):
    clock.weeks_ahead(1)
    running_site()
    client.get("/cijfers/")
    assert client.get("/cijfers/")["X-Kring-Cache"] == "hit"

    snapshot = home_page.add_child(
        instance=FiguresSnapshotPage(title="Rapportage voor de raad", slug="rapportage-raad")
    )
    snapshot.save_revision().publish()

    assert "Rapportage voor de raad" in client.get("/cijfers/").content.decode()


def test_a_signed_in_reader_gets_a_fresh_page(client, clock, story_with, django_user_model):
    clock.weeks_ahead(1)
    client.get(PATTERNS)
    client.force_login(django_user_model.objects.create_user("lid", "lid@example.org", "x"))

    response = client.get(PATTERNS)

    assert not response.has_header("X-Kring-Cache")
    assert "Mijn gegevens" in response.content.decode()


def test_an_editor_publishes_a_report_from_the_admin(client, clock, story_with, home_page):
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    from tests.helpers import make_staff, staff_login

    for _n in range(6):
        story_with(POLICE_NOT_HEARD)
    clock.weeks_ahead(1)
    editor, secret = make_staff("Redactie")
    staff_login(client, editor, secret)

    response = client.post(
        f"/admin/pages/add/figures/figuressnapshotpage/{home_page.pk}/",
        nested_form_data(
            {
                "title": "Rapportage raadsvergadering",
                "slug": "rapportage-raad",
                "intro": rich_text("<p>Voor de raad.</p>"),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get("/rapportage-raad/").content.decode()
    assert cell(page, "heard", "de politie", "nee") == "5"
    assert "Voor de raad." in page
