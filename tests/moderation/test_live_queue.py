"""Chat messages in the moderators' queue: held ones, reported ones, and what moderators do."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import ModelLogEntry

from live.models import Message
from moderation.models import Report
from tests.helpers import make_staff, staff_login
from tests.moderation.chat import (
    QUEUE,
    decide,
    hide,
    listen_as_participant,
    listen_to_room,
    remove,
    report,
    room_page,
    say,
    staff_client,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for a commit (the broadcasts) when the block ends, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def moderator():
    return staff_client("Moderatoren")


@pytest.fixture
def editor():
    return staff_client("Redactie")


@pytest.fixture
def chat(room):
    """A conversation in which Noor's last message was held for containing a phone number."""
    return {
        "hello": say(room, "Merel", "Goedenavond allemaal"),
        "question": say(room, "Sam", "Wie heeft er ervaring met Veilig Thuis?"),
        "answer": say(room, "Merel", "Ik heb ze gebeld, ze luisterden echt"),
        "held": say(room, "Noor", "Bel me gerust: 06-12345678", status=Message.Status.HELD),
    }


def entry(action, message):
    return ModelLogEntry.objects.get(action=action, object_id=str(message.pk))


def text_of(response):
    return response.content.decode()


# Held messages -----------------------------------------------------------------------------


def test_a_held_message_waits_in_the_queue_with_the_room_writer_and_what_came_before(
    moderator, room, chat
):
    html = text_of(moderator.get(QUEUE))

    assert "Tegengehouden, nog niet geplaatst" in html
    assert "Bel me gerust: 06-12345678" in html
    assert f'Ruimte: <a href="/live/{room.slug}/"' in html
    assert "Geschreven door <strong>Noor</strong>" in html
    for earlier in ("Goedenavond allemaal", "Wie heeft er ervaring", "ze luisterden echt"):
        assert earlier in html
    assert f'href="/admin/live_messages/?room={room.pk}"' in html
    assert "1 item wacht." in html


def test_posting_a_held_message_shows_it_in_the_room_and_the_audit_log_says_who_and_why(
    moderator, room, chat, committed
):
    held = chat["held"]
    receive = listen_to_room(room)
    assert "06-12345678" not in room_page(room)

    with committed():
        response = decide(moderator, held, "post", why="Een hulplijn, geen privénummer")

    assert "Het bericht staat nu in de ruimte." in text_of(response)
    assert "06-12345678" in room_page(room)
    event = receive()["text"]
    assert '"type":"chat.message"' in event and "06-12345678" in event
    logged = entry("live.message.release", held)
    assert logged.user == moderator.user
    assert logged.data["why"] == "Een hulplijn, geen privénummer"
    assert "Bel me gerust" not in text_of(moderator.get(QUEUE))


def test_removing_a_held_message_keeps_it_out_of_the_room_and_is_audited(
    moderator, room, chat, committed
):
    held = chat["held"]
    receive = listen_to_room(room)

    with committed():
        response = decide(moderator, held, "remove", why="Privénummer")

    assert "Het bericht is verwijderd." in text_of(response)
    held.refresh_from_db()
    assert held.status == Message.Status.REMOVED
    assert "06-12345678" not in room_page(room)
    assert receive()["text"] == f'{{"type":"message.removed","id":{held.pk}}}'
    logged = entry("live.message.remove", held)
    assert (logged.user, logged.data["why"]) == (moderator.user, "Privénummer")
    assert "Er wordt niets tegengehouden." in text_of(moderator.get(QUEUE))


def test_the_dashboard_counts_held_and_reported_messages_and_the_oldest_waiting_time(
    moderator, chat
):
    held = chat["held"]
    Message.objects.filter(pk=held.pk).update(created_at=held.created_at - timedelta(hours=2))
    report(chat["answer"], "198.51.100.1")

    html = text_of(moderator.get("/admin/"))

    assert "2 items wachten op een besluit." in html
    assert "1 gemeld item" in html
    assert "1 chatbericht tegengehouden, nog niet geplaatst" in html
    assert "Het oudste wacht al 2\xa0uur." in html


# Reported messages -------------------------------------------------------------------------


def test_a_reported_message_is_shown_with_its_reasons_and_the_messages_around_it(
    moderator, room, chat
):
    report(chat["question"], "198.51.100.1", reason="unsafe", note="klinkt als een valstrik")

    html = text_of(moderator.get(QUEUE))

    assert "Het is onveilig voor iemand" in html
    assert "klinkt als een valstrik" in html
    assert "Geschreven door <strong>Sam</strong>" in html
    assert "Goedenavond allemaal" in html  # before it
    assert "ze luisterden echt" in html  # after it
    assert 'aria-current="true"' in html
    assert "Schrijver dempen" in html


def test_hiding_a_reported_message_takes_it_out_of_the_room_and_closes_its_reports(
    moderator, room, chat, committed
):
    answer = chat["answer"]
    report(answer, "198.51.100.1")
    receive = listen_to_room(room)

    with committed():
        hide(moderator, "chatbericht", answer.pk, reason="hurtful", note="Even nakijken")

    assert "ze luisterden echt" not in room_page(room)
    assert receive()["text"] == f'{{"type":"message.removed","id":{answer.pk}}}'
    hidden = entry("kring.moderation.hide", answer)
    assert (hidden.user, hidden.data["why"]) == (moderator.user, "Even nakijken")
    assert Report.objects.get().decision == "hidden"
    assert report(answer, "198.51.100.2").status_code == 404  # hidden: nothing to report


def test_removing_a_reported_message_erases_it_and_the_audit_log_keeps_who_and_why(
    moderator, room, chat, committed
):
    answer = chat["answer"]
    report(answer, "198.51.100.1")
    receive = listen_to_room(room)

    with committed():
        remove(moderator, "chatbericht", answer.pk, note="Noemt een adres")

    assert not Message.objects.filter(pk=answer.pk).exists()
    assert "ze luisterden echt" not in room_page(room)
    assert receive()["text"] == f'{{"type":"message.removed","id":{answer.pk}}}'
    logged = entry("kring.moderation.remove", answer)
    assert (logged.user, logged.data["why"]) == (moderator.user, "Noemt een adres")
    assert "ze luisterden echt" not in logged.label
    assert Report.objects.get().decision == "removed"


def test_dismissing_reports_leaves_the_message_in_the_room(moderator, room, chat):
    answer = chat["answer"]
    report(answer, "198.51.100.1")

    decide(moderator, answer, "dismiss", why="Gewoon een ervaring")

    assert "ze luisterden echt" in room_page(room)
    assert Report.objects.get().decision == "dismissed"
    logged = entry("kring.moderation.dismiss", answer)
    assert (logged.user, logged.data["why"]) == (moderator.user, "Gewoon een ervaring")


def test_muting_the_writer_of_a_reported_message_keeps_the_reports_open_for_a_decision(
    moderator, room, chat, committed
):
    question = chat["question"]
    report(question, "198.51.100.1")
    sam = question.participant
    receive = listen_as_participant(sam)

    with committed():
        response = decide(moderator, question, "mute", why="Stuurt mensen naar een valse site")

    assert "De schrijver is gedempt in deze ruimte." in text_of(response)
    sam.refresh_from_db()
    assert sam.is_muted
    assert receive()["text"] == '{"type":"me.muted","muted":true}'
    logged = ModelLogEntry.objects.get(action="live.participant.mute", object_id=str(sam.pk))
    assert (logged.user, logged.data["why"]) == (
        moderator.user,
        "Stuurt mensen naar een valse site",
    )
    assert Report.objects.open().count() == 1
    html = text_of(moderator.get(QUEUE))
    assert "gedempt" in html and "Schrijver niet meer dempen" in html

    decide(moderator, question, "unmute")
    sam.refresh_from_db()
    assert not sam.is_muted


def test_muting_needs_a_reason_for_the_audit_log(moderator, chat):
    noor = chat["held"].participant

    response = decide(moderator, chat["held"], "mute", why="  ")

    assert "Schrijf op waarom" in text_of(response)
    noor.refresh_from_db()
    assert not noor.is_muted
    assert not ModelLogEntry.objects.filter(action="live.participant.mute").exists()


# Who may do this, and bad input ---------------------------------------------------------------


def test_editors_cannot_see_or_act_on_chat_messages_in_the_queue(editor, chat):
    held = chat["held"]
    report(chat["answer"], "198.51.100.1")

    assert editor.get(QUEUE).status_code == 403
    assert decide(editor, held, "post", why="mag niet").status_code == 403
    assert decide(editor, chat["answer"], "hide").status_code == 403
    assert decide(editor, held, "mute", why="mag niet").status_code == 403
    held.refresh_from_db()
    assert held.status == Message.Status.HELD
    assert "Bel me gerust" not in text_of(editor.get("/admin/"))
    assert not ModelLogEntry.objects.filter(user=editor.user).exists()


def test_a_moderator_of_stories_only_sees_no_chat_and_cannot_act_on_it(chat):
    stories_only = Group.objects.create(name="Verhalenmoderatie")
    stories_only.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate_content"),
    )
    user, secret = make_staff("Verhalenmoderatie")
    client = Client()
    staff_login(client, user, secret)

    html = text_of(client.get(QUEUE))
    assert "Bel me gerust" not in html
    assert decide(client, chat["held"], "post").status_code == 403
    chat["held"].refresh_from_db()
    assert chat["held"].status == Message.Status.HELD


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"slug": "bestaat-niet", "object_id": "1", "action": "hide"}, "bestaat niet meer"),
        ({"slug": "chatbericht", "object_id": "999999", "action": "post"}, "bestaat niet meer"),
        ({"slug": "chatbericht", "object_id": "²", "action": "post"}, "bestaat niet meer"),
        ({"slug": "chatbericht", "action": "post"}, "bestaat niet meer"),
        (
            {"slug": "chatbericht", "object_id": "HELD", "action": "fly"},
            "Kies wat er met dit item moet gebeuren.",
        ),
        ({"slug": "chatbericht", "object_id": "HELD"}, "Kies wat er met dit item moet gebeuren."),
        # Held messages have no reports to decide on, visible ones nothing to post.
        ({"slug": "chatbericht", "object_id": "HELD", "action": "restore"}, "Dit kan nu niet"),
        ({"slug": "chatbericht", "object_id": "HELLO", "action": "post"}, "Dit kan nu niet"),
        # Hiding or removing what has no open reports: no confirmation page, the reason at once.
        ({"slug": "chatbericht", "object_id": "HELLO", "action": "hide"}, "intussen al iets"),
        ({"slug": "chatbericht", "object_id": "HELLO", "action": "remove"}, "intussen al iets"),
    ],
)
def test_bad_input_in_the_queue_gets_a_message_and_changes_nothing(moderator, chat, data, message):
    ids = {"HELD": chat["held"].pk, "HELLO": chat["hello"].pk}
    data = {**data, "object_id": ids.get(data.get("object_id"), data.get("object_id", ""))}

    response = moderator.post(QUEUE, data, follow=True)

    assert response.status_code == 200
    assert message in text_of(response)
    assert list(Message.objects.order_by("id").values_list("status", flat=True)) == [
        "visible",
        "visible",
        "visible",
        "held",
    ]
    assert not ModelLogEntry.objects.filter(action__startswith="live.").exists()


def test_acting_on_a_message_another_moderator_just_handled_gets_a_message(moderator, chat):
    decide(moderator, chat["held"], "post")

    response = decide(moderator, chat["held"], "remove")

    assert "Misschien heeft iemand er intussen al iets mee gedaan." in text_of(response)
    chat["held"].refresh_from_db()
    assert chat["held"].status == Message.Status.VISIBLE
