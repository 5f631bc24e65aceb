"""Crisis signposting and held messages: watched phrases, hold phrases, contact details."""

import pytest

from community.text import clean_text
from live.models import LiveSafetySettings, Message
from live.services import safety
from tests.live.conftest import db_call, join_as


@pytest.mark.parametrize(
    ("text", "watched"),
    [
        ("Soms denk ik aan zelfmoord", True),
        ("SUICIDE", True),  # accents and case do not matter
        ("Ik ben  bang", True),  # nor spaces
        ("Ik ben bangerik van spinnen", False),  # whole words only
        ("Wat een goed panel", False),
    ],
)
@pytest.mark.django_db
def test_watched_phrases_are_recognised_as_whole_words(text, watched):
    safety.forget()
    assert safety.read(text).watched is watched


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Mail me op merel@example.org", True),
        ("Bel 06-12345678", True),
        ("Bel 06 1234 5678", True),
        ("Bel Veilig Thuis op 0800-2000", False),  # a free service number is what to share
        ("Bel 0900-8844 voor de politie", False),
        ("Het was in 2024 en 2025, om 20.30 uur", False),
        ("Hij woont op de hoek", True),
        # An address leads to a house as surely as a phone number leads to a person.
        ("Postcode 1234 AB nummer 12", True),
        ("Kerkstraat 12 in Utrecht", True),
        # Ways around a simple pattern: a service number glued on, other separators,
        # invisible characters between the digits (the protocol's clean_text removes them).
        ("Bel 0800-2000 0612345678", True),
        ("Bel 0900 0612345678", True),
        ("06.12.34.56.78", True),
        (clean_text("06\u20601234\ufeff5678"), True),
    ],
)
@pytest.mark.django_db
def test_contact_details_and_hold_phrases_hold_a_message(text, held):
    safety.forget()
    assert safety.read(text).hold is held


@pytest.mark.django_db
def test_a_moderators_new_word_list_counts_at_once():
    settings_row = LiveSafetySettings.load()
    settings_row.watched_phrases = "alleen dit"
    settings_row.save()

    assert safety.read("Ik ben alleen dit").watched is True
    assert safety.read("Ik ben bang").watched is False


@pytest.mark.anyio
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_a_message_with_a_watched_phrase_is_posted_and_its_writer_privately_gets_help(
    room, guest, people, moderator
):
    await db_call(safety.forget)
    mine = await guest.connect(room)
    theirs = await (await db_call(join_as, people(), room, "Noor")).connect(room)
    mod = await moderator.connect(room)

    await mine.send(type="chat.send", text="Ik ben bang om naar huis te gaan")

    assert (await theirs.expect("chat.message"))["message"]["text"].startswith("Ik ben bang")
    support = await mine.expect("support")
    assert support["help"]["veilig_thuis_phone"] == "0800-2000"
    assert support["help"]["emergency_phone"] == "112"
    assert "Escape" in support["message"]
    assert await theirs.nothing("support")
    assert (await mod.expect("message.watched"))["id"] == support_id(
        await db_call(Message.objects.get)
    )


def support_id(message):
    return message.pk


@pytest.mark.anyio
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_a_message_with_a_hold_phrase_waits_for_a_moderator_who_can_post_it(
    room, guest, people, moderator
):
    await db_call(safety.forget)
    mine = await guest.connect(room)
    theirs = await (await db_call(join_as, people(), room, "Noor")).connect(room)
    mod = await moderator.connect(room)

    await mine.send(type="chat.send", text="Je kunt me bellen op 06-12345678")

    assert (await mine.expect("chat.held"))["id"]
    held = (await mod.expect("message.held"))["message"]
    assert held["text"] == "Je kunt me bellen op 06-12345678"
    assert await theirs.nothing("chat.message")
    assert await db_call(lambda: list(Message.objects.values_list("status", flat=True))) == ["held"]

    await mod.send(type="message.approve", id=held["id"])

    assert (await theirs.expect("chat.message"))["message"]["id"] == held["id"]
    assert (await mod.expect("message.released"))["id"] == held["id"]


@pytest.mark.anyio
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_held_messages_are_listed_for_moderators_when_they_connect(room, guest, moderator):
    await db_call(safety.forget)
    mine = await guest.connect(room)
    await mine.send(type="chat.send", text="Hij woont op nummer 12")
    await mine.expect("chat.held")

    mod = await moderator.connect(room)

    assert [m["text"] for m in mod.state["moderation"]["held"]] == ["Hij woont op nummer 12"]
    assert mine.state["messages"] == []
