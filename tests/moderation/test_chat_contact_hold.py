"""The contact details issue 13 saw pass through a live room are held for a moderator now."""

import pytest

from live.models import Message
from live.services import safety
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(
    "text",
    [
        "Je kunt langskomen, 3511 ab",
        "Ze woont op Kerkstr. 12",
        "Marktstraat12, bovenste bel",
        "insta @janjansen1985",
        "facebook.com/jan.jansen",
    ],
)
async def test_a_contact_detail_typed_casually_waits_for_a_moderator(
    room, guest, people, moderator, text
):
    await db_call(safety.forget)
    writer = await guest.connect(room)
    reader = await (await db_call(join_as, people(), room, "Noor")).connect(room)
    mod = await moderator.connect(room)

    await writer.send(type="chat.send", text=text)

    assert (await writer.expect("chat.held"))["id"]
    assert (await mod.expect("message.held"))["message"]["text"] == text
    assert await reader.nothing("chat.message")
    assert await db_call(lambda: list(Message.objects.values_list("status", flat=True))) == ["held"]


async def test_an_ordinary_message_naming_a_town_is_posted(room, guest, people):
    await db_call(safety.forget)
    writer = await guest.connect(room)
    reader = await (await db_call(join_as, people(), room, "Noor")).connect(room)

    await writer.send(type="chat.send", text="Groetjes uit Zwolle, in 2019 is het begonnen")

    message = (await reader.expect("chat.message"))["message"]
    assert message["text"] == "Groetjes uit Zwolle, in 2019 is het begonnen"
