"""An open connection speaks for someone only as long as they are who they were.

Logging out, logging out everywhere, losing the moderators' group or the second factor, a
staff session that went idle, a deleted account: each ends what an open socket may do, at once.
And one client cannot open its way around the limits with many sockets or tabs.
"""

import time

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.sessions.backends.db import SessionStore

from live import conf
from live.ws import presence
from moderation.staff import SESSION_SEEN
from tests.live.conftest import closed_with, db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


async def test_logging_out_ends_what_an_open_socket_may_do(room, member):
    socket = await member.connect(room)

    await db_call(member.client.post, "/accounts/logout/")

    error = await socket.expect("error")
    assert error["code"] == "signed_out"
    assert "niet meer ingelogd" in error["message"]
    assert await closed_with(socket) == 4401


async def test_logging_out_everywhere_ends_the_sockets_of_every_device(room, member):
    socket = await member.connect(room)

    await db_call(member.user.end_all_sessions)

    assert (await socket.expect("error"))["code"] == "signed_out"
    assert await closed_with(socket) == 4401


async def test_a_deleted_account_is_cut_off(room, member):
    socket = await member.connect(room)

    await db_call(member.user.delete)

    assert await closed_with(socket) == 4401


async def test_an_account_logged_in_elsewhere_keeps_this_socket(room, member):
    from django.test import Client

    socket = await member.connect(room)
    other_device = Client()
    await db_call(other_device.force_login, member.user)

    # Its login saved the account (last_login): this socket checked and stayed.
    await socket.send(type="chat.send", text="Nog steeds hier")
    assert (await socket.expect("chat.message"))["message"]["text"] == "Nog steeds hier"


async def test_a_moderator_who_removes_their_second_factor_stops_moderating(room, moderator, guest):
    mod = await moderator.connect(room)
    await db_call(Authenticator.objects.filter(user=moderator.user).delete)

    assert (await mod.expect("error"))["code"] == "not_moderator"
    state = await mod.expect("room.state")
    assert state["me"]["moderator"] is False
    assert "moderation" not in state

    # The moderators' events no longer reach this socket: a held message stays private.
    merel = await guest.connect(room)
    await merel.send(type="chat.send", text="Bel me op 0612345678")
    await merel.expect("chat.held")
    assert await mod.nothing("message.held")


async def test_a_moderator_whose_session_goes_idle_while_connected_stops_moderating(
    room, moderator, monkeypatch
):
    monkeypatch.setattr(conf, "CHECK_MODERATOR_SECONDS", 0.1)
    mod = await moderator.connect(room)
    assert mod.state["me"]["moderator"] is True

    def let_session_idle():
        session = SessionStore(moderator.client.cookies["kring_session"].value)
        session[SESSION_SEEN] = time.time() - 2 * 60 * 60
        session.save()

    await db_call(let_session_idle)

    assert (await mod.expect("error"))["code"] == "not_moderator"
    await mod.send(type="room.close")
    assert (await mod.expect("error"))["code"] == "forbidden"


async def test_moderating_over_the_socket_keeps_the_staff_session_alive(room, moderator):
    def seen():
        return SessionStore(moderator.client.cookies["kring_session"].value)[SESSION_SEEN]

    mod = await moderator.connect(room)
    before = await db_call(seen)
    time.sleep(0.01)
    await mod.send(type="room.slow", seconds=10)
    await mod.expect("room.updated")

    assert await db_call(seen) > before


async def test_a_strange_last_seen_id_is_ignored_and_counts_nothing_twice(room, guest):
    socket = await guest.connect(room, last="²")

    assert socket.state["type"] == "room.state"
    assert await db_call(presence.count, room.pk) == 1
    await socket.close()
    assert await db_call(presence.count, room.pk) == 0


async def test_one_client_cannot_hold_more_connections_than_allowed(room, people, settings):
    settings.KRING_LIVE_CONNECTIONS_PER_CLIENT = 3
    readers = [await people().connect(room) for _ in range(3)]
    assert all(reader.connected for reader in readers)

    refused = await people().connect(room)

    assert not refused.connected
    await readers[0].close()
    assert (await people().connect(room)).connected  # a closed one frees its place


async def test_one_person_cannot_open_more_than_five_tabs(room, guest):
    tabs = [await guest.connect(room) for _ in range(conf.CONNECTIONS_PER_PARTICIPANT)]
    assert all(tab.connected for tab in tabs)

    extra = await guest.connect(room, expect_state=False)

    assert not extra.connected
    assert await db_call(presence.count, room.pk) == 1


async def test_a_client_cut_off_for_flooding_cannot_come_straight_back(room, people):
    flooder = await (await db_call(join_as, people(), room, "Merel")).connect(room)
    for number in range(60):
        await flooder.send(type="chat.send", text=f"Spam {number}")
    assert await closed_with(flooder, timeout=5) == 4008

    again = await people().connect(room, expect_state=False)

    assert not again.connected


async def test_the_socket_knows_a_member_by_the_session_cookie_and_only_while_it_is_valid(
    room, member
):
    """The websocket's session and user come from the cookie (config.websocket), with the
    session's hash checked: a cookie from before a password change speaks for nobody."""
    assert (await member.connect(room)).state["me"]["name"] == "Sanne"

    def change_password():
        member.user.set_password("een-nieuw-wachtwoord-2026")
        member.user.save()

    await db_call(change_password)
    stale = await member.connect(room)
    assert stale.state["me"]["pid"] is None
    assert stale.state["me"]["name"] is None
