"""What the socket does goes out from the event loop after the commit, never for a rollback.

The socket's services publish their events once they returned (live.outbox), not from inside
the database thread; services called from synchronous code (the admin, HTTP)
publish after their commit as before.
"""

import pytest
from django.db import transaction

from live import events, outbox, services
from live.models import Message
from live.services import participants
from tests.live.conftest import db_call

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def stored_texts():
    return list(Message.objects.values_list("text", flat=True))


async def test_a_chat_message_is_published_without_the_database_thread_waiting_for_it(
    room, guest, people, monkeypatch
):
    hops = []
    original = events.from_sync
    monkeypatch.setattr(events, "from_sync", lambda *args: hops.append(args) or original(*args))
    merel = await guest.connect(room)
    reader = await people().connect(room)

    await merel.send(type="chat.send", text="Goedemiddag")

    assert (await reader.expect("chat.message"))["message"]["text"] == "Goedemiddag"
    assert hops == []


async def test_a_message_whose_write_is_rolled_back_reaches_nobody(
    room, guest, people, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("after the publish, before the commit")

    monkeypatch.setattr(participants, "ChatResult", fail)
    merel = await guest.connect(room)
    reader = await people().connect(room)

    await merel.send(type="chat.send", text="Komt nooit aan")

    assert (await merel.expect("error"))["code"] == "failed"
    assert await reader.nothing("chat.message", timeout=0.5)
    assert await db_call(stored_texts) == []


async def test_in_an_outer_transaction_the_event_waits_for_that_commit(room, guest, people):
    merel = await guest.connect(room)
    reader = await people().connect(room)
    actor = services.Actor(room_id=room.pk, participant_id=merel.state["me"]["pid"])

    def send(text, commit):
        with transaction.atomic():
            with outbox.collecting(outbox.Outbox()) as kept:
                services.do_send_chat(actor, text)
            assert kept.events == []  # not committed yet
            if not commit:
                transaction.set_rollback(True)

    await db_call(send, "Teruggedraaid", False)
    assert await reader.nothing("chat.message", timeout=0.5)
    await db_call(send, "Vastgelegd", True)

    assert (await reader.expect("chat.message"))["message"]["text"] == "Vastgelegd"
    assert await db_call(stored_texts) == ["Vastgelegd"]


async def test_an_event_that_commits_after_the_caller_gave_up_waiting_still_goes_out(
    room, guest, people
):
    merel = await guest.connect(room)
    reader = await people().connect(room)
    actor = services.Actor(room_id=room.pk, participant_id=merel.state["me"]["pid"])

    def send():
        kept = outbox.Outbox()
        with outbox.collecting(kept), transaction.atomic():
            services.do_send_chat(actor, "Laat maar komen")
            assert kept.take() == []  # the caller stops waiting before the commit

    await db_call(send)

    assert (await reader.expect("chat.message"))["message"]["text"] == "Laat maar komen"
