"""Who is speaking: an optional role, shown beside someone's words only when they choose so.

The attacker's side: a client that writes a role or a badge into its frames or its forms gets
nothing from it; only the server's own record of the participant decides what is shown.
"""

import pytest

from live.models import Message, Participant
from tests.live.conftest import db_call

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def join(person, room, **fields):
    response = person.client.post(f"/live/{room.slug}/meedoen/", fields)
    assert response.status_code == 302, response.content
    return person


def participant(name):
    return Participant.objects.get(name=name)


async def test_a_role_chosen_to_show_goes_beside_every_message(room, people):
    ilse = await db_call(join, people(), room, pseudonym="Ilse", role="experience", show_role="on")
    socket = await ilse.connect(room)

    await socket.send(type="chat.send", text="Ik herken dit.")
    message = (await socket.expect("chat.message"))["message"]

    assert message["role"] == "experience" and message["badge"] is None
    page = (await db_call(ilse.client.get, f"/live/{room.slug}/")).content.decode()
    assert 'data-slot="role">Ervaringsdeskundige</span>' in page


async def test_a_role_not_chosen_to_show_is_never_sent_nor_shown(room, people, moderator):
    ruben = await db_call(join, people(), room, pseudonym="Ruben", role="policy")
    mod = await moderator.connect(room)
    socket = await ruben.connect(room)

    await socket.send(type="chat.send", text="Goede vraag.")
    await socket.send(type="question.ask", text="Wie betaalt dat?")

    for event in (await mod.expect("chat.message"), await socket.expect("chat.message")):
        assert event["message"]["role"] is None
    assert (await mod.expect("question.new"))["question"]["role"] is None
    assert (await db_call(participant, "Ruben")).role == "policy"  # kept, for the split only
    for viewer in (ruben, moderator):
        page = (await db_call(viewer.client.get, f"/live/{room.slug}/")).content.decode()
        assert "Beleidsmaker / bestuurder / raadslid</span>" not in page
    state = (await ruben.connect(room)).state
    assert state["messages"][-1]["role"] is None


async def test_forged_roles_and_badges_in_frames_are_refused(room, people, guest):
    socket = await guest.connect(room)
    forged = [
        {"type": "chat.send", "text": "Hoi", "role": "policy"},
        {"type": "chat.send", "text": "Hoi", "badge": "Wethouder"},
        {"type": "question.ask", "text": "Vraag?", "verified": True},
        {"type": "statement.vote", "id": 1, "choice": "agree", "role": "experience"},
        {"type": "participant.updated", "pid": 1, "role": "policy", "badge": "Burgemeester"},
        {"type": "role.set", "role": "policy"},
        {"type": "badge.redeem", "code": "AAAA-BBBB-CCCC"},
    ]

    for frame in forged:
        await socket.send(**frame)
        assert (await socket.expect("error"))["code"] in {"invalid", "unknown"}

    merel = await db_call(participant, "Merel")
    assert (merel.role, merel.show_role, merel.badge_label, merel.verified_at) == (
        "unsaid",
        False,
        "",
        None,
    )
    assert await db_call(Message.objects.count) == 0


async def test_forged_fields_in_the_join_form_are_ignored(room, people):
    mallory = await db_call(
        join,
        people(),
        room,
        pseudonym="Mallory",
        role="experience",
        show_role="on",
        badge_label="Burgemeester",
        verified_at="2026-12-01",
    )
    socket = await mallory.connect(room)

    await socket.send(type="chat.send", text="Luister naar mij.")
    message = (await socket.expect("chat.message"))["message"]

    assert message["badge"] is None and message["role"] == "experience"
    mallory_row = await db_call(participant, "Mallory")
    assert mallory_row.badge_label == "" and mallory_row.verified_at is None


async def test_a_role_that_does_not_exist_is_refused_with_a_message(room, people):
    person = people()

    response = await db_call(
        person.client.post, f"/live/{room.slug}/meedoen/", {"pseudonym": "Tess", "role": "admin"}
    )

    assert response.status_code == 400
    assert "admin is geen beschikbare keuze" in response.content.decode()
    assert not await db_call(Participant.objects.filter(name="Tess").exists)


async def test_a_member_chooses_later_and_the_room_redraws_her_label(room, member, guest):
    watcher = await guest.connect(room)
    sanne = await member.connect(room)
    await sanne.send(type="chat.send", text="Eerst zonder rol.")
    assert (await watcher.expect("chat.message"))["message"]["role"] is None

    response = await db_call(
        member.client.post, f"/live/{room.slug}/rol/", {"role": "professional", "show_role": "on"}
    )

    assert response.status_code == 302
    updated = await watcher.expect("participant.updated")
    assert updated["role"] == "professional" and updated["pid"] == sanne.state["me"]["pid"]
    await db_call(
        member.client.post, f"/live/{room.slug}/rol/", {"role": "professional"}
    )  # hidden again
    assert (await watcher.expect("participant.updated"))["role"] is None
    await sanne.send(type="chat.send", text="Nu weer zonder.")
    assert (await watcher.expect("chat.message"))["message"]["role"] is None


async def test_nobody_sets_a_role_in_a_closed_room(room, guest):
    await db_call(lambda: type(room).objects.filter(pk=room.pk).update(status="closed"))

    await db_call(
        guest.client.post, f"/live/{room.slug}/rol/", {"role": "policy", "show_role": "on"}
    )

    assert not await db_call(Participant.objects.filter(role="policy").exists)
