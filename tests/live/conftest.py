"""Live rooms in tests: an event with panels, rooms on them, and people who connect.

Websocket tests are async (run by anyio) with a transactional database, as Channels' own
tests are; what touches the database from a test goes through `db_call`.
"""

import json
import os
import secrets

import pytest
import redis
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from live import event_types
from live.models import LiveRoom
from live.ws import coalesce, fanout, rooms
from tests.helpers import make_staff, staff_login
from workshops.models import EventIndexPage, EventPage, EventPanel

ORIGIN = (b"origin", b"http://localhost")


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(autouse=True)
def _fast_broadcasts(settings):
    settings.KRING_LIVE_TALLY_INTERVAL = 0.05
    settings.KRING_LIVE_PRESENCE_INTERVAL = 0.05
    coalesce._scheduled.clear()
    rooms.forget()
    yield
    coalesce._scheduled.clear()
    rooms.forget()


@pytest.fixture
def redis_cache(settings):
    """The shared cache on Redis, as in production (the test settings keep it in memory), under
    a prefix of this test's own; its keys are deleted afterwards."""
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("needs Redis (set REDIS_URL)")
    prefix = f"kring-test-cache-{secrets.token_hex(4)}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(url)
    yield client
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


def db_call(function, *args, **kwargs):
    return database_sync_to_async(function)(*args, **kwargs)


@pytest.fixture
def event(home_page):
    index = home_page.add_child(instance=EventIndexPage(title="Evenementen", slug="evenementen"))
    index.save_revision().publish()
    page = index.add_child(
        instance=EventPage(
            title="Online bijeenkomst 9 december",
            slug="9-december",
            panels=[
                EventPanel(
                    title="Het Verdrag van Istanbul",
                    description="<p>Wat belooft het verdrag?</p>",
                    members="Een jurist\nEen ervaringsdeskundige",
                ),
                EventPanel(title="Heeft melden zin?"),
            ],
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def make_room(event):
    panels = iter(event.panels.all())

    def make(**fields):
        panel = next(panels)
        fields.setdefault("status", LiveRoom.Status.OPEN)
        fields.setdefault("premoderate_questions", False)
        fields.setdefault("slug", f"panel-{panel.pk}")
        return LiveRoom.objects.create(panel=panel, title=panel.title, **fields)

    return make


@pytest.fixture
def room(make_room):
    return make_room()


# How long a test waits for what should come. A passing test never waits this long; a
# timeout cancels the consumer (Channels' communicator), and on a loaded machine (load 15 on
# 2 cores) the old 1-2 s ran out before a handshake or an event did, which turned slowness
# into failures and, once, into a hang in that cancellation.
WAIT = 10


class Person:
    """Someone with a browser: a test client for pages, and websockets with its cookie."""

    def __init__(self, client):
        self.client = client
        self.sockets = []

    @property
    def cookie(self):
        """The Cookie header this person's browser would send (session, language)."""
        return "; ".join(f"{name}={morsel.value}" for name, morsel in self.client.cookies.items())

    async def connect(self, room, last=None, expect_state=True):
        from config.asgi import application

        path = f"/ws/live/{room.slug}/" + (f"?last={last}" if last is not None else "")
        headers = [ORIGIN]
        if self.cookie:
            headers.append((b"cookie", self.cookie.encode()))
        socket = Socket(WebsocketCommunicator(application, path, headers=headers))
        connected, _code = await socket.communicator.connect(timeout=WAIT)
        socket.connected = connected
        self.sockets.append(socket)
        if connected and expect_state:
            socket.state = await socket.expect("room.state")
        return socket

    async def close(self):
        for socket in self.sockets:
            await socket.close()


class Socket:
    # Checked against live/event_types.py as they arrive (off with `handmade_events`).
    check_events = True

    def __init__(self, communicator):
        self.communicator = communicator
        self.state = None
        self.closed = False

    async def send(self, **message):
        await self.communicator.send_to(text_data=json.dumps(message))

    async def send_raw(self, text=None, data=None):
        await self.communicator.send_to(text_data=text, bytes_data=data)

    async def receive(self, timeout=WAIT):
        event = json.loads(await self.communicator.receive_from(timeout=timeout))
        # Every event a test receives must be one that live/event_types.py declares, exactly
        # (unless the test publishes hand-made events itself: see `handmade_events`).
        if self.check_events:
            event_types.check(event)
        return event

    async def expect(self, kind, timeout=WAIT):
        """The next event of this type; others that come first (presence, say) are skipped."""
        while True:
            event = await self.receive(timeout)
            if event["type"] == kind:
                return event
            assert event["type"] != "error", f"expected {kind}, got {event}"

    async def nothing(self, kind=None, timeout=0.3):
        """True when no event (of this type) arrives within `timeout` seconds."""
        while await self.communicator.receive_nothing(timeout=timeout) is False:
            event = await self.receive()
            if kind is None or event["type"] == kind:
                return False
        return True

    async def close(self):
        if self.closed:
            return
        self.closed = True
        if self.communicator.future.done():
            # Refused, or cancelled after a receive timed out (the test has failed then).
            return
        await self.communicator.disconnect()


async def closed_with(socket, timeout=WAIT):
    """Read what is left on the socket up to its close; the close code."""
    while True:
        output = await socket.communicator.receive_output(timeout)
        if output["type"] == "websocket.close":
            socket.closed = True
            return output.get("code")


@pytest.fixture
async def people():
    """Make people; every websocket they opened is disconnected after the test."""
    made = []

    def make():
        person = Person(Client())
        made.append(person)
        return person

    yield make
    for person in made:
        await person.close()
    # The hub's reader lives as long as its event loop; end it here, between two reads, so
    # that closing the test's loop does not have to cancel a Redis read in flight (which
    # channels_redis may never finish: the worker then hung in teardown).
    await fanout.close()


@pytest.fixture
def guest(people, room):
    """A guest who chose the pseudonym Merel in `room`."""
    return join_as(people(), room, "Merel")


def join_as(person, room, pseudonym):
    response = person.client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": pseudonym})
    assert response.status_code == 302, response.content
    return person


@pytest.fixture
def member(people, django_user_model):
    user = django_user_model.objects.create_user(
        username="sanne", email="sanne@example.org", password="x-wachtwoord-2026", pseudonym="Sanne"
    )
    person = people()
    person.client.force_login(user)
    person.user = user
    return person


@pytest.fixture
def moderator(people, room):
    user, secret = make_staff("Moderatoren", pseudonym="Moderator Mo")
    person = people()
    staff_login(person.client, user, secret, next_url=f"/live/{room.slug}/")
    # The room page counts as staff activity, as opening it in a browser would.
    assert person.client.get(f"/live/{room.slug}/").status_code == 200
    person.user = user
    return person


@pytest.fixture
def handmade_events(monkeypatch):
    """For tests of the transport that publish events of their own making: not checked."""
    monkeypatch.setattr(Socket, "check_events", False)
