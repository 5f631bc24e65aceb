"""Statements: a moderator opens one, everyone votes, results go out a few times a second."""

import pytest

from live.models import Statement, StatementVote
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def statements():
    return list(
        Statement.objects.order_by("id").values_list(
            "text", "status", "agree_count", "disagree_count", "neutral_count"
        )
    )


async def test_a_moderator_opens_a_statement_people_vote_and_everyone_sees_the_results(
    room, guest, member, moderator
):
    mod = await moderator.connect(room)
    merel = await guest.connect(room)
    sanne = await member.connect(room)

    await mod.send(type="statement.open", text="Melden heeft zin.")
    statement = (await merel.expect("statement.opened"))["statement"]
    assert statement["text"] == "Melden heeft zin."
    assert statement["counts"] == {"agree": 0, "disagree": 0, "neutral": 0}

    await merel.send(type="statement.vote", id=statement["id"], choice="agree")
    assert (await merel.expect("statement.voted"))["choice"] == "agree"
    await sanne.send(type="statement.vote", id=statement["id"], choice="disagree")
    await sanne.expect("statement.voted")

    tally = await mod.expect("statement.tally")
    while tally["total"] < 2:
        tally = await mod.expect("statement.tally")
    assert tally["counts"] == {"agree": 1, "disagree": 1, "neutral": 0}

    # Changing your mind replaces your vote.
    await sanne.send(type="statement.vote", id=statement["id"], choice="neutral")
    tally = await merel.expect("statement.tally")
    while tally["counts"]["neutral"] != 1:
        tally = await merel.expect("statement.tally")
    assert tally["counts"] == {"agree": 1, "disagree": 0, "neutral": 1}
    assert await db_call(StatementVote.objects.count) == 2

    await mod.send(type="statement.close", id=statement["id"])
    closed = (await sanne.expect("statement.closed"))["statement"]
    assert closed["status"] == "closed"
    assert closed["counts"] == {"agree": 1, "disagree": 0, "neutral": 1}
    assert await db_call(statements) == [("Melden heeft zin.", "closed", 1, 0, 1)]

    await merel.send(type="statement.vote", id=statement["id"], choice="disagree")
    error = await merel.expect("error")
    assert error["message"] == "Het stemmen op deze stelling is gesloten."


async def test_result_broadcasts_are_coalesced(room, people, moderator, settings):
    # A window long enough for six votes even on a busy CI machine.
    settings.KRING_LIVE_TALLY_INTERVAL = 1.0
    observer = await moderator.connect(room)
    voters = []
    for number in range(6):
        person = await db_call(join_as, people(), room, f"Stemmer {number}")
        voters.append(await person.connect(room))
    await observer.send(type="statement.open", text="Iedereen kent Veilig Thuis.")
    statement = (await observer.expect("statement.opened"))["statement"]

    for voter in voters:
        await voter.send(type="statement.vote", id=statement["id"], choice="neutral")

    tallies = [await observer.expect("statement.tally", timeout=3)]
    while tallies[-1]["total"] < 6:
        tallies.append(await observer.expect("statement.tally", timeout=3))
    # Six votes within one window: one broadcast carries them all (two if a window ended).
    assert len(tallies) <= 2
    assert tallies[-1]["counts"]["neutral"] == 6


async def test_a_prepared_statement_opens_and_a_new_one_closes_the_open_one(room, guest, moderator):
    draft = await db_call(Statement.objects.create, room=room, text="Voorbereide stelling.")
    mod = await moderator.connect(room)
    assert mod.state["moderation"]["drafts"] == [{"id": draft.pk, "text": "Voorbereide stelling."}]
    merel = await guest.connect(room)

    await mod.send(type="statement.open", id=draft.pk)
    assert (await merel.expect("statement.opened"))["statement"]["id"] == draft.pk
    await mod.send(type="statement.open", text="Nog een stelling.")

    assert (await merel.expect("statement.closed"))["statement"]["id"] == draft.pk
    assert (await merel.expect("statement.opened"))["statement"]["text"] == "Nog een stelling."
    assert await db_call(statements) == [
        ("Voorbereide stelling.", "closed", 0, 0, 0),
        ("Nog een stelling.", "open", 0, 0, 0),
    ]


async def test_closed_statements_and_their_results_stay_visible_to_newcomers(
    room, guest, moderator, people
):
    mod = await moderator.connect(room)
    merel = await guest.connect(room)
    await mod.send(
        type="statement.open", text="Slachtoffers worden van het kastje naar de muur gestuurd."
    )
    statement = (await merel.expect("statement.opened"))["statement"]
    await merel.send(type="statement.vote", id=statement["id"], choice="agree")
    await merel.expect("statement.voted")
    await mod.send(type="statement.close", id=statement["id"])
    await merel.expect("statement.closed")

    newcomer = await (await db_call(join_as, people(), room, "Later")).connect(room)

    assert newcomer.state["statement"] is None
    [closed] = newcomer.state["closed"]
    assert closed["text"] == "Slachtoffers worden van het kastje naar de muur gestuurd."
    assert closed["counts"] == {"agree": 1, "disagree": 0, "neutral": 0}


async def test_a_vote_for_something_that_is_not_a_choice_is_refused(room, guest, moderator):
    mod = await moderator.connect(room)
    merel = await guest.connect(room)
    await mod.send(type="statement.open", text="Stelling.")
    statement = (await merel.expect("statement.opened"))["statement"]

    await merel.send(type="statement.vote", id=statement["id"], choice="heel erg eens")

    assert (await merel.expect("error"))["code"] == "invalid"
    assert await db_call(StatementVote.objects.count) == 0


async def test_a_guest_cannot_open_or_close_statements(room, guest):
    merel = await guest.connect(room)

    await merel.send(type="statement.open", text="Mijn eigen stelling.")

    assert (await merel.expect("error"))["code"] == "forbidden"
    assert await db_call(statements) == []
