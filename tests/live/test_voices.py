"""A statement's results split by role: every share, the suppression, the gap and the bridges.

Each case seeds real participants with roles and their votes in a room, closes the statement
through the service (which keeps the counts per role) and reads the split both while it was
open (from the votes) and after it closed (from the kept counts, with the votes gone). The
expected rows are worked out by hand in the table.
"""

import itertools

import pytest

from live import services
from live.models import Participant, Statement, StatementVote
from live.voices import split_by_role, split_counts

pytestmark = pytest.mark.django_db

_keys = itertools.count()

# role -> (agree, disagree, neutral) voters
Votes = dict[str, tuple[int, int, int]]

HIDDEN = None  # the row reads "te weinig stemmen"

CASES = [
    pytest.param(
        {"experience": (8, 1, 1), "professional": (4, 1, 1), "policy": (3, 2, 0)},
        {
            "unsaid": HIDDEN,
            "experience": (10, 80, 10, 10),
            "close": HIDDEN,
            "professional": (6, 67, 17, 17),
            "policy": (5, 60, 40, 0),
        },
        21,
        20,
        "agree",
        id="three-roles-agree-bridge-and-gap",
    ),
    pytest.param(
        # "I'd rather not say" has 2 voters: total minus the four shown roles would give them
        # back, so the smallest shown role (close, 5; ties go to the table's order) goes too.
        {
            "unsaid": (1, 1, 0),
            "experience": (4, 2, 1),
            "close": (2, 2, 1),
            "professional": (3, 3, 0),
            "policy": (1, 3, 1),
        },
        {
            "unsaid": HIDDEN,
            "experience": (7, 57, 29, 14),
            "close": HIDDEN,
            "professional": (6, 50, 50, 0),
            "policy": (5, 20, 60, 20),
        },
        25,
        37,
        None,
        id="one-hidden-role-would-follow-from-the-total",
    ),
    pytest.param(
        # Three roles hidden with 3 voters between them: the public counts per answer minus
        # the shown roles would tell how those 3 voted, so policy (6) is hidden as well.
        {
            "experience": (5, 2, 1),
            "close": (1, 0, 0),
            "professional": (0, 2, 0),
            "policy": (1, 5, 0),
        },
        {
            "unsaid": HIDDEN,
            "experience": (8, 62, 25, 12),
            "close": HIDDEN,
            "professional": HIDDEN,
            "policy": HIDDEN,
        },
        17,
        None,
        None,
        id="hidden-roles-together-under-five",
    ),
    pytest.param(
        {"experience": (0, 4, 1), "close": (2, 4, 0), "professional": (0, 3, 2)},
        {
            "unsaid": HIDDEN,
            "experience": (5, 0, 80, 20),
            "close": (6, 33, 67, 0),
            "professional": (5, 0, 60, 40),
            "policy": HIDDEN,
        },
        16,
        None,
        "disagree",
        id="disagree-bridge-without-policy-makers",
    ),
    pytest.param(
        # 4 of 7 is 57 %: one role under 60 % is enough to make it no bridge.
        {"experience": (3, 2, 0), "professional": (4, 3, 0), "policy": (3, 1, 1)},
        {
            "unsaid": HIDDEN,
            "experience": (5, 60, 40, 0),
            "close": HIDDEN,
            "professional": (7, 57, 43, 0),
            "policy": (5, 60, 20, 20),
        },
        17,
        0,
        None,
        id="one-role-under-sixty-percent-no-bridge",
    ),
    pytest.param(
        # One role beside "I'd rather not say" agrees: a bridge needs two roles that speak.
        {"unsaid": (10, 0, 0), "experience": (10, 0, 0)},
        {
            "unsaid": (10, 100, 0, 0),
            "experience": (10, 100, 0, 0),
            "close": HIDDEN,
            "professional": HIDDEN,
            "policy": HIDDEN,
        },
        20,
        None,
        None,
        id="one-speaking-role-is-no-bridge",
    ),
    pytest.param(
        {"policy": (1, 2, 1)},
        dict.fromkeys(["unsaid", "experience", "close", "professional", "policy"], HIDDEN),
        4,
        None,
        None,
        id="too-few-votes-at-all",
    ),
]


def seed(room, votes: Votes):
    statement = Statement.objects.create(room=room, text="Melden heeft zin.", status="open")
    for role, per_choice in votes.items():
        for choice, count in zip(("agree", "disagree", "neutral"), per_choice, strict=True):
            for _ in range(count):
                participant = Participant.objects.create(
                    room=room, guest_key=f"key-{next(_keys)}", name=f"p{next(_keys)}", role=role
                )
                StatementVote.objects.create(
                    statement=statement, participant=participant, choice=choice
                )
    return statement


def rows(split):
    return {
        row.role: None if row.suppressed else (row.voters, row.agree, row.disagree, row.neutral)
        for row in split.roles
    }


@pytest.mark.parametrize(("votes", "expected", "total", "gap", "bridge"), CASES)
def test_the_split_shows_each_role_safely(room, votes, expected, total, gap, bridge):
    statement = seed(room, votes)

    for split in (split_by_role(statement), split_by_role(_closed(room, statement))):
        assert rows(split) == expected
        assert split.total == total
        assert split.gap == gap
        assert split.bridge == bridge
        assert split.is_bridge == (bridge is not None)


def _closed(room, statement):
    services.do_close_statement(room, statement.pk, by=None)
    # The individual votes go with the room's history; the split must not need them.
    StatementVote.objects.filter(statement=statement).delete()
    return Statement.objects.get(pk=statement.pk)


def test_a_role_changed_after_closing_does_not_move_the_split(room):
    statement = seed(room, {"experience": (5, 0, 0), "policy": (0, 5, 0)})
    services.do_close_statement(room, statement.pk, by=None)
    Participant.objects.filter(room=room).update(role="close")

    split = split_by_role(Statement.objects.get(pk=statement.pk))

    assert rows(split)["experience"] == (5, 100, 0, 0)
    assert rows(split)["policy"] == (5, 0, 100, 0)
    assert split.gap == 100


def test_the_split_as_json_holds_no_hidden_number():
    data = split_counts({"experience": {"agree": 6}, "policy": {"agree": 2}}).as_dict()

    # The hidden roles hold 2 voters together (policy): total minus experience would give
    # how they voted, so experience, the only role left, is hidden as well.
    assert [row["voters"] for row in data["roles"]] == [None, None, None, None, None]
    assert data["total"] == 8
    assert data["gap"] is None
