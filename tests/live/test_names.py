"""Nobody in a room can look like someone else there: guests and members alike."""

import re
import uuid

import pytest

from community.forms import name_skeleton
from tests.live.conftest import db_call

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_up(person, django_user_model, pseudonym):
    user = django_user_model.objects.create_user(
        username=f"lid-{uuid.uuid4().hex[:8]}", password="x", pseudonym=pseudonym
    )
    person.client.force_login(user)
    return person


@pytest.mark.parametrize("look_alike", ["merel", "Mérel", "MEREL", "Merel "])
async def test_a_member_named_like_a_guest_in_the_room_is_told_apart_from_them(
    room, guest, people, django_user_model, look_alike
):
    merel = await guest.connect(room)
    member = await db_call(sign_up, people(), django_user_model, look_alike)
    theirs = await member.connect(room)

    await theirs.send(type="chat.send", text="Ik ben Merel, echt waar")

    author = (await merel.expect("chat.message"))["message"]["author"]
    assert name_skeleton(author) != name_skeleton("Merel")
    assert theirs.state["me"]["name"] == author


async def test_the_room_page_tells_a_member_the_name_they_take_part_under(
    room, guest, people, django_user_model
):
    await guest.connect(room)
    member = await db_call(sign_up, people(), django_user_model, "MÉREL")

    page = (await db_call(member.client.get, f"/live/{room.slug}/")).content.decode()
    shown = re.search(r"Je doet mee als <strong>([^<]+)</strong>", page).group(1)

    theirs = await member.connect(room)
    assert shown == theirs.state["me"]["name"]
    assert name_skeleton(shown) != name_skeleton("Merel")


async def test_a_guest_cannot_take_a_name_like_a_members_in_the_room(room, member, people):
    await member.connect(room)

    response = await db_call(
        people().client.post, f"/live/{room.slug}/meedoen/", {"pseudonym": "SANNE"}
    )

    assert response.status_code == 400
    assert "Deze naam gebruikt al iemand" in response.content.decode()


async def test_two_members_without_a_pseudonym_are_told_apart(room, people, django_user_model):
    first = await (await db_call(sign_up, people(), django_user_model, "")).connect(room)
    second = await (await db_call(sign_up, people(), django_user_model, "")).connect(room)

    names = [first.state["me"]["name"], second.state["me"]["name"]]
    assert name_skeleton(names[0]) != name_skeleton(names[1])
