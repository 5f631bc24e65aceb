import datetime
import re
from html import unescape

import pytest
from django.utils import timezone

from stories.experience import do_save_experience
from tests.stories.conftest import (  # noqa: F401
    moderator,
    moderator_client,
    story_index,
    submit_story,
    submit_url,
)
from tests.stories.factories import published_story

POLICE_NOT_HEARD = {
    "period": "vanaf-2020",
    "region": "utrecht",
    "organisations": {"politie": {"heard": "nee", "informed": "ja", "referred": ""}},
}
GP_HEARD = {
    "period": "2015-2019",
    "region": "liever-niet",
    "organisations": {"huisarts": {"heard": "ja", "informed": "", "referred": "ja"}},
}


@pytest.fixture
def clock(settings):
    """The figures' clock, pinned; ``clock.weeks_ahead(n)`` moves it n Mondays on."""

    class Clock:
        def set(self, moment):
            settings.KRING_FIGURES_NOW = moment

        def weeks_ahead(self, weeks):
            today = timezone.localdate()
            monday = today - datetime.timedelta(days=today.weekday())
            day = monday + datetime.timedelta(weeks=weeks, days=1)
            self.set(timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))))

    clock = Clock()
    clock.weeks_ahead(0)
    return clock


@pytest.fixture
def story_with(story_index):  # noqa: F811
    def make(answers, *, days_ago=0, themes=()):
        story = published_story(story_index, days_ago=days_ago, themes=themes)
        do_save_experience(story, answers)
        return story

    return make


def table_cells(html, key):
    """The rows of one table on a page, as the text a reader sees in each cell."""
    section = re.search(rf'<section class="figure-table" id="{key}".*?</section>', html, re.S)
    assert section, f"no table {key}"
    table = re.search(r"<table.*?</table>", section.group(0), re.S).group(0)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells])
    return rows


def cell(html, key, row_label, column):
    rows = table_cells(html, key)
    column_index = rows[0].index(column)
    for row in rows[1:]:
        if row[0].lower() == row_label.lower():
            return row[column_index]
    raise AssertionError(f"no row {row_label} in {key}: {rows}")
