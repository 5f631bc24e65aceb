"""The live rooms in the Wagtail admin: setting rooms up, reading the history, moderating."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.test import Client
from wagtail.models import ModelLogEntry

from live.events import room_group
from live.models import LiveRoom, Message, Participant, Question, Statement
from moderation.models import ModerationSettings, Report
from tests.helpers import make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for a commit (the broadcasts) when the block ends, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def editor(client):
    user, _secret = make_staff("Redactie")
    client.force_login(user)
    return user


@pytest.fixture
def mod_client():
    user, _secret = make_staff("Moderatoren")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def history(room):
    merel = Participant.objects.create(room=room, guest_key="merel", name="Merel")
    noor = Participant.objects.create(room=room, guest_key="noor", name="Noor")
    return {
        "kind": Message.objects.create(room=room, participant=merel, text="Wat een mooi panel"),
        "rude": Message.objects.create(room=room, participant=noor, text="Dit is onaardig"),
        "question": Question.objects.create(
            room=room, participant=merel, text="Wacht deze vraag?", status="pending"
        ),
        "draft": Statement.objects.create(room=room, text="Voorbereide stelling."),
    }


def listen(room):
    """A channel in the room's group, as a connected browser has."""
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(room_group(room.pk), channel)

    async def receive():
        return await asyncio.wait_for(layer.receive(channel), timeout=2)

    return async_to_sync(receive)


def test_an_editor_sets_up_a_room_for_an_event_panel(client, editor, event):
    panel = event.panels.get(title="Heeft melden zin?")
    form = client.get("/admin/live_rooms/new/").content.decode()
    assert "Online bijeenkomst 9 december – Heeft melden zin?" in form

    response = client.post(
        "/admin/live_rooms/new/",
        {
            "title": "Heeft melden zin?",
            "slug": "heeft-melden-zin",
            "panel": panel.pk,
            "premoderate_questions": "on",
            "slow_mode_seconds": "0",
        },
    )

    assert response.status_code == 302
    room = LiveRoom.objects.get(slug="heeft-melden-zin")
    assert room.panel == panel
    assert room.status == LiveRoom.Status.SCHEDULED
    assert Client().get("/live/heeft-melden-zin/").status_code == 200


def test_an_editor_cannot_switch_off_question_approval_or_slow_mode(client, editor, room):
    room.premoderate_questions = True
    room.save()
    url = f"/admin/live_rooms/edit/{room.pk}/"
    page = client.get(url).content.decode()
    assert "Alleen moderatoren kunnen dit veranderen." in page

    client.post(
        url,
        {
            "title": "Nieuwe titel",
            "slug": room.slug,
            "panel": room.panel_id,
            "premoderate_questions": "",
            "slow_mode_seconds": "0",
        },
    )

    room.refresh_from_db()
    assert room.title == "Nieuwe titel"
    assert room.premoderate_questions is True


def test_a_room_needs_a_panel_or_a_session(client, editor, event):
    response = client.post(
        "/admin/live_rooms/new/", {"title": "Los", "slug": "los", "slow_mode_seconds": "0"}
    )

    assert response.status_code == 200
    assert "Kies het panel of de workshopsessie" in response.content.decode()
    assert not LiveRoom.objects.filter(slug="los").exists()


def test_a_moderator_saving_a_rooms_settings_tells_everyone_in_it(mod_client, room, committed):
    receive = listen(room)

    with committed():
        mod_client.post(
            f"/admin/live_rooms/edit/{room.pk}/",
            {
                "title": room.title,
                "slug": room.slug,
                "panel": room.panel_id,
                "slow_mode_seconds": "30",
            },
        )

    assert '"slow":30' in receive()["text"]
    room.refresh_from_db()
    assert room.slow_mode_seconds == 30
    assert room.premoderate_questions is False


def test_moderators_search_and_filter_the_chat_history(room, history, mod_client):
    page = mod_client.get(f"/admin/live_messages/?room={room.pk}&q=onaardig").content.decode()

    assert "Dit is onaardig" in page
    assert "Wat een mooi panel" not in page


def test_editors_do_not_read_the_chat_history_or_moderate(client, editor, history):
    rude = history["rude"]

    assert (
        "Dit is onaardig" not in client.get("/admin/live_messages/", follow=True).content.decode()
    )
    client.post(f"/admin/live_messages/remove/{rude.pk}/")

    rude.refresh_from_db()
    assert rude.status == Message.Status.VISIBLE


def test_a_moderator_removes_a_message_in_the_admin_and_the_room_sees_it(
    room, history, mod_client, committed
):
    rude = history["rude"]
    receive = listen(room)
    confirm = mod_client.get(f"/admin/live_messages/remove/{rude.pk}/").content.decode()
    assert "Dit is onaardig" in confirm

    with committed():
        response = mod_client.post(f"/admin/live_messages/remove/{rude.pk}/")

    assert response.status_code == 302
    rude.refresh_from_db()
    assert rude.status == Message.Status.REMOVED
    assert receive()["text"] == f'{{"type":"message.removed","id":{rude.pk}}}'
    entry = ModelLogEntry.objects.get(action="live.message.remove")
    assert entry.user_id == mod_client.user.pk


def test_a_moderator_approves_a_waiting_question_in_the_admin(room, history, mod_client):
    question = history["question"]

    mod_client.post(f"/admin/live_questions/approve/{question.pk}/")

    question.refresh_from_db()
    assert question.status == Question.Status.OPEN


def test_a_moderator_opens_and_closes_a_prepared_statement_in_the_admin(room, history, mod_client):
    draft = history["draft"]

    mod_client.post(f"/admin/live_statements/open/{draft.pk}/")
    draft.refresh_from_db()
    assert draft.status == Statement.Status.OPEN
    mod_client.post(f"/admin/live_statements/close/{draft.pk}/")

    draft.refresh_from_db()
    assert draft.status == Statement.Status.CLOSED
    assert "Voorbereide stelling." in mod_client.get("/admin/live_statements/").content.decode()


def test_a_moderator_closes_a_room_in_the_admin(room, mod_client):
    mod_client.post(f"/admin/live_rooms/close/{room.pk}/")

    room.refresh_from_db()
    assert room.status == LiveRoom.Status.CLOSED
    assert room.closed_at is not None


def test_moderators_keep_the_word_lists(mod_client):
    page = mod_client.get("/admin/settings/live/livesafetysettings/", follow=True)

    assert page.status_code == 200
    assert "zelfmoord" in page.content.decode()


def test_anyone_can_report_a_chat_message_and_enough_reports_hide_it(room, history):
    rude = history["rude"]
    settings_row = ModerationSettings.load()
    settings_row.auto_hide_threshold = 1
    settings_row.save()

    response = Client().post(f"/melden/chatbericht/{rude.pk}/", {"reason": "hateful"})

    assert response.status_code == 200
    assert Report.objects.count() == 1
    rude.refresh_from_db()
    assert rude.status == Message.Status.REMOVED
    assert "Dit is onaardig" not in Client().get(f"/live/{room.slug}/").content.decode()
