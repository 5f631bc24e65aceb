"""Property: whatever stories are published, corrected and withdrawn, week after week, a reader
comparing any two releases can only see changes made by at least five stories together.

The test drives the real weekly release (figures.releases, stored in the database) with a
made-up world of stories in place of the story pages, so hypothesis can try many sequences.
"""

import datetime
import itertools

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from figures import releases, sources
from figures.aggregation import K, changed_stories
from figures.models import FigureRelease
from figures.tables import STORY_TABLES, story_tables

pytestmark = pytest.mark.django_db

THEMES = [("geweld", "Geweld"), ("hulp", "Hulp")]
MONDAY = datetime.date(2026, 1, 5)
reply = st.sampled_from(["", "ja", "deels", "nee"])
answers = st.fixed_dictionaries(
    {
        "period": st.sampled_from(["", "voor-2015", "vanaf-2020"]),
        "region": st.sampled_from(["", "utrecht", "liever-niet"]),
        "organisations": st.dictionaries(
            st.sampled_from(["politie", "huisarts", "veilig-thuis"]),
            st.fixed_dictionaries({"heard": reply, "informed": reply, "referred": reply}),
            max_size=3,
        ),
    }
)
EXAMPLE = {
    "period": "vanaf-2020",
    "region": "",
    "organisations": {"politie": {"heard": "nee", "informed": "", "referred": ""}},
}
step = st.one_of(
    st.tuples(st.just("publish"), answers, st.lists(st.sampled_from(["geweld", "hulp"]))),
    st.tuples(st.just("withdraw"), st.integers(min_value=0, max_value=50)),
    st.tuples(st.just("correct"), st.integers(min_value=0, max_value=50), answers),
    st.tuples(
        st.just("week"),
    ),
    # Batches make the awkward cases (many stories in, then most of them out) easy to reach.
    st.tuples(st.just("publish_many"), answers, st.integers(min_value=1, max_value=8)),
    st.tuples(st.just("withdraw_newest"), st.integers(min_value=1, max_value=8)),
)


class World:
    """Stories as the figures see them: published in some week, maybe corrected or withdrawn."""

    def __init__(self):
        self.week = 0
        self.stories = {}  # id -> dict(week, version, answers, themes)
        self.next_id = 1

    def facts(self, cutoff):
        week = (timezone.localdate(cutoff) - MONDAY).days // 7
        return {
            str(pk): {"version": s["version"], "answers": s["answers"], "themes": s["themes"]}
            for pk, s in self.stories.items()
            if s["week"] < week
        }

    def apply(self, action):
        kind = action[0]
        live = sorted(self.stories)
        if kind == "publish":
            self.stories[self.next_id] = {
                "week": self.week,
                "version": 1,
                "answers": action[1],
                "themes": sorted(set(action[2])),
            }
            self.next_id += 1
        elif kind == "withdraw" and live:
            del self.stories[live[action[1] % len(live)]]
        elif kind == "correct" and live:
            story = self.stories[live[action[1] % len(live)]]
            if story["answers"] != action[2]:
                story["answers"] = action[2]
                story["version"] += 1
        elif kind == "week":
            self.week += 1
        elif kind == "publish_many":
            for _n in range(action[2]):
                self.apply(("publish", action[1], []))
        elif kind == "withdraw_newest":
            for pk in live[-action[1] :]:
                del self.stories[pk]


def _no_history(*_args):
    return []


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(step, max_size=60))
# The case that comparing with the last release alone would miss: six stories in one week,
# five of them out the next, leaving a release one story away from the one before.
@example(
    [
        ("publish_many", EXAMPLE, 8),
        ("week",),
        ("publish_many", EXAMPLE, 6),
        ("week",),
        ("withdraw_newest", 5),
        ("week",),
    ]
)
def test_no_sequence_of_publications_and_withdrawals_reveals_one_story(monkeypatch, actions):
    FigureRelease.objects.all().delete()
    world = World()
    truths = {}  # freeze date -> the facts true at that moment
    for helper in ("concern_weeks", "attendance_months", "statement_results"):
        monkeypatch.setattr(sources, helper, _no_history)
    monkeypatch.setattr(sources, "themes", lambda: THEMES)
    monkeypatch.setattr(sources, "published_story_facts", world.facts)

    observed = []
    for action in [*actions, ("week",)]:
        world.apply(action)
        monday = MONDAY + datetime.timedelta(weeks=world.week)
        moment = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(9)))
        truths.setdefault(monday, world.facts(moment))
        release = releases.current_release(moment)
        # What anyone sees after every single step: the story tables of the current release.
        observed.append((release.stories_as_of, {k: release.tables[k] for k in STORY_TABLES}))

    for as_of, tables in observed:
        truth = truths.get(as_of, {}) if as_of else {}
        expected = {t.key: t.to_json() for t in story_tables(truth.values(), THEMES)}
        assert tables == expected, "published figures must be the frozen truth of their date"
    for (as_of_a, tables_a), (as_of_b, tables_b) in itertools.pairwise(observed):
        if as_of_a == as_of_b:
            assert tables_a == tables_b, "nothing moves between freezes"
    dates = {as_of for as_of, _tables in observed}
    for a in dates:
        for b in dates:
            truth_a = truths.get(a, {}) if a else {}
            truth_b = truths.get(b, {}) if b else {}
            changed = changed_stories(
                {k: f["version"] for k, f in truth_a.items()},
                {k: f["version"] for k, f in truth_b.items()},
            )
            assert changed == 0 or changed >= K, (
                f"releases of {a} and {b} differ by only {changed} stories"
            )


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(step, max_size=30), answers, st.integers(min_value=0, max_value=40))
def test_a_story_withdrawn_before_a_freeze_never_touches_a_figure(
    monkeypatch, actions, secret, position
):
    """Counterfactual: the same weeks with and without one short-lived story look the same."""
    for helper in ("concern_weeks", "attendance_months", "statement_results"):
        monkeypatch.setattr(sources, helper, _no_history)
    monkeypatch.setattr(sources, "themes", lambda: THEMES)

    def run(with_secret):
        FigureRelease.objects.all().delete()
        world = World()
        monkeypatch.setattr(sources, "published_story_facts", world.facts)
        seen = []
        for index, action in enumerate([*actions, ("week",)]):
            world.apply(action)
            # The secret story is published (and looked at) during one week only.
            secret_now = with_secret and index == min(position, len(actions))
            if secret_now:
                world.stories[10_000] = {
                    "week": world.week,
                    "version": 1,
                    "answers": secret,
                    "themes": ["geweld"],
                }
            monday = MONDAY + datetime.timedelta(weeks=world.week)
            moment = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(9)))
            seen.append(releases.current_release(moment).tables)
            if secret_now:
                world.stories.pop(10_000)
        return seen

    assert run(with_secret=True) == run(with_secret=False)
