"""What one network address may open: sockets at once and new sockets per minute."""

import pytest

from live import conf

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Far below a room's worth: one machine could otherwise fill a room's presence and workers.
AT_MOST_SOCKETS = 100


async def test_one_address_cannot_hold_hundreds_of_sockets(room, people):
    allowed = conf.connections_per_client()
    assert allowed <= AT_MOST_SOCKETS
    readers = [await people().connect(room) for _ in range(allowed)]
    assert all(reader.connected for reader in readers)

    refused = await people().connect(room, expect_state=False)

    assert not refused.connected
    await readers[0].close()
    assert (await people().connect(room)).connected  # a closed one frees its place


async def test_one_address_cannot_reconnect_in_a_loop(room, people, settings):
    settings.KRING_LIVE_CONNECTS_PER_CLIENT_PER_MINUTE = 5
    for _ in range(5):
        reader = await people().connect(room)
        assert reader.connected
        await reader.close()

    refused = await people().connect(room, expect_state=False)

    assert not refused.connected
