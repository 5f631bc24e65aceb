"""Admission and presence count the same on Redis (one Lua script per step) as in memory.

Every scenario runs twice: with the in-memory cache (`make test` without Redis: limits and
presence through Django's cache) and with Redis (live.ws.admission's scripts on the event
loop). Then the scripts and Django's cache are run side by side on one Redis, step by step.
"""

import asyncio

import pytest
from django.core.cache import cache

from community.clients import SALT_KEY
from live import conf
from live.ws import admission, limits, presence
from tests.live.conftest import closed_with, db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(params=["memory", "redis"])
def shared_cache(request):
    if request.param == "redis":
        return request.getfixturevalue("redis_cache")
    return None


async def test_sockets_at_once_are_limited_per_client(room, people, settings, shared_cache):
    settings.KRING_LIVE_CONNECTIONS_PER_CLIENT = 3
    readers = [await people().connect(room) for _ in range(3)]
    assert all(reader.connected for reader in readers)

    refused = await people().connect(room, expect_state=False)

    assert not refused.connected
    await readers[0].close()
    assert (await people().connect(room)).connected


async def test_reconnecting_in_a_loop_is_limited(room, people, settings, shared_cache):
    settings.KRING_LIVE_CONNECTS_PER_CLIENT_PER_MINUTE = 4
    for _ in range(4):
        reader = await people().connect(room)
        assert reader.connected
        await reader.close()

    assert not (await people().connect(room, expect_state=False)).connected


async def test_tabs_count_once_and_are_limited_per_person(room, guest, shared_cache):
    tabs = [await guest.connect(room) for _ in range(conf.CONNECTIONS_PER_PARTICIPANT)]

    extra = await guest.connect(room, expect_state=False)

    assert not extra.connected
    assert await db_call(presence.count, room.pk) == 1
    for tab in [*tabs, extra]:  # the refused one counted until the server saw it go
        await tab.close()
    assert await db_call(presence.count, room.pk) == 0


async def test_a_flooder_cannot_come_straight_back(room, people, shared_cache):
    flooder = await (await db_call(join_as, people(), room, "Merel")).connect(room)
    for number in range(60):
        await flooder.send(type="chat.send", text=f"Spam {number}")
    assert await closed_with(flooder, timeout=5) == conf.CLOSE_FLOODING

    assert not (await people().connect(room, expect_state=False)).connected


async def test_readers_count_once_per_address_and_leave_nothing_counted(room, people, shared_cache):
    readers = [await people().connect(room) for _ in range(3)]
    assert await db_call(presence.count, room.pk) == 1

    for reader in readers:
        await reader.close()

    assert await db_call(presence.count, room.pk) == 0
    client = await db_call(limits.client_of, {"client": ("127.0.0.1", 1)})
    assert int(await db_call(cache.get, limits.open_key(client), 0)) == 0


async def test_a_handshake_that_fails_while_finding_the_room_leaves_nothing_counted(
    room, people, shared_cache, monkeypatch
):
    """A database hiccup while 2,000 readers wait on one shared room read must not cost their
    address 2,000 of its sockets for the day (the count lives 24 hours)."""
    from live.ws import rooms

    async def hiccup(slug):
        raise ConnectionError("the database went away for a moment")

    monkeypatch.setattr(rooms, "for_reader", hiccup)
    socket = await people().connect(room, expect_state=False)
    assert not socket.connected
    await socket.close()  # the server's disconnect, as uvicorn sends it after a refusal

    client = await db_call(limits.client_of, {"client": ("127.0.0.1", 1)})
    assert int(await db_call(cache.get, limits.open_key(client), 0)) == 0


# The scripts beside Django's cache, on one Redis -----------------------------------------------


def scope_of(address):
    return {"client": (address, 1234), "headers": []}


def ttl(client, key):
    return client.ttl(cache.make_key(key))


async def test_admission_refuses_as_the_cache_path_does_and_keys_expire_alike(
    redis_cache, settings
):
    settings.KRING_LIVE_CONNECTIONS_PER_CLIENT = 2
    settings.KRING_LIVE_CONNECTS_PER_CLIENT_PER_MINUTE = 4
    by_script, by_cache = [], []
    for _ in range(6):
        client, refused = await admission.admit(scope_of("192.0.2.1"))
        by_script.append(refused)
        other = await db_call(limits.client_of, scope_of("192.0.2.2"))
        by_cache.append(await db_call(limits.admit, other))
    await db_call(limits.cool_down, other)
    await admission.leave(client, None, None)

    assert by_script == by_cache == [None, None, "too_many", "too_many", "too_fast", "too_fast"]
    assert client == await db_call(limits.client_of, scope_of("192.0.2.1"))
    assert (await admission.admit(scope_of("192.0.2.1")))[1] == "too_fast"
    assert (await admission.admit(scope_of("192.0.2.2")))[1] == "cool_down"
    assert await db_call(cache.get, limits.open_key(client)) == 1
    for key in (limits.open_key(client), limits.open_key(other)):
        assert 0 < ttl(redis_cache, key) <= limits.TTL
    rate = "ratelimit:" + limits.connect_key(client)
    assert 0 < ttl(redis_cache, rate) <= limits.CONNECT_WINDOW


async def test_a_new_salt_is_read_before_anyone_is_counted_under_the_old_one(redis_cache):
    client, _refused = await admission.admit(scope_of("192.0.2.3"))
    await db_call(cache.delete, SALT_KEY)  # the day's salt ran out

    again, refused = await admission.admit(scope_of("192.0.2.3"))

    assert refused is None
    assert again != client
    assert again == await db_call(limits.client_of, scope_of("192.0.2.3"))


async def test_presence_counts_as_the_cache_path_does_and_expires_alike(redis_cache):
    assert await admission.arrive(7, "p1") == 1
    assert await admission.arrive(7, "p1") == 2
    assert await db_call(presence.arrive, 7, "p2") == 1
    assert await db_call(presence.count, 7) == 2
    for key in (presence.person_key(7, "p1"), presence.room_key(7)):
        assert 0 < ttl(redis_cache, key) <= presence.TTL

    await admission.leave(None, 7, "p1")
    assert await db_call(presence.count, 7) == 2
    await admission.leave(None, 7, "p1")
    assert await db_call(presence.count, 7) == 1
    assert await db_call(cache.get, presence.person_key(7, "p1")) is None
    await db_call(presence.leave, 7, "p2")
    await admission.leave(None, 7, "p3")  # never arrived: the count stays at zero

    assert await db_call(presence.count, 7) == 0
    assert int(await db_call(cache.get, presence.room_key(7))) == 0


async def test_a_crowd_from_one_address_at_once_gets_exactly_the_allowed_sockets(
    redis_cache, settings
):
    settings.KRING_LIVE_CONNECTIONS_PER_CLIENT = 10
    crowd = [admission.admit(scope_of("192.0.2.4")) for _ in range(3 * admission.CONNECTIONS)]

    answers = [refused for _client, refused in await asyncio.gather(*crowd)]

    assert answers.count(None) == 10
    assert answers.count("too_many") == len(answers) - 10
    client = await db_call(limits.client_of, scope_of("192.0.2.4"))
    assert await db_call(cache.get, limits.open_key(client)) == 10


async def test_the_message_limit_holds_over_a_persons_tabs(room, guest, monkeypatch, shared_cache):
    monkeypatch.setattr(conf, "MESSAGES_PER_PARTICIPANT", 4)
    tabs = [await guest.connect(room) for _ in range(2)]

    for number in range(4):
        await tabs[number % 2].send(type="chat.send", text=f"Bericht {number}")
        await tabs[0].expect("chat.message")
    await tabs[1].send(type="chat.send", text="Eén te veel")

    assert (await tabs[1].expect("error"))["code"] == "rate_limited"


async def test_the_message_limit_counts_as_the_cache_path_does_and_expires_alike(
    redis_cache, monkeypatch
):
    monkeypatch.setattr(conf, "MESSAGES_PER_PARTICIPANT", 3)
    by_script = [await admission.may_send(41) for _ in range(5)]
    by_cache = [await db_call(limits.may_send, 42) for _ in range(5)]

    assert by_script == by_cache == [True, True, True, False, False]
    for participant in (41, 42):
        key = "ratelimit:" + limits.send_key(participant)
        assert 0 < ttl(redis_cache, key) <= conf.MESSAGE_WINDOW
        assert await db_call(cache.get, key) == 5
    # One count per person: the script's refusals are the cache path's too.
    assert not await db_call(limits.may_send, 41)


async def test_a_message_count_left_without_an_expiry_gets_one(redis_cache):
    key = cache.make_key("ratelimit:" + limits.send_key(43))
    redis_cache.set(key, 5)  # no expiry: as a race in an add-then-incr can leave it

    assert await admission.may_send(43)

    assert 0 < redis_cache.ttl(key) <= conf.MESSAGE_WINDOW
