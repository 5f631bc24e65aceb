"""What people do in a live room adds nothing to Wagtail's reference index.

Chat messages, questions, votes and participants reference nothing an editor looks up ("where
is this used?"), and indexing each one cost a chat send about 15 % of its time in a profile.
"""

import pytest
from wagtail.models import ReferenceIndex

from live.models import Message, Participant, Question, QuestionUpvote, StatementVote
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def indexed_live_rows():
    """Reference index rows whose source is one of the live room's per-person models."""
    sources = [Message, Participant, Question, QuestionUpvote, StatementVote]
    return ReferenceIndex.objects.filter(
        base_content_type__model__in=[model._meta.model_name for model in sources],
        base_content_type__app_label="live",
    ).count()


@pytest.fixture
def second_guest(people, room):
    return join_as(people(), room, "Sanne")


async def test_chatting_asking_and_voting_add_no_reference_index_rows(
    room, guest, second_guest, moderator
):
    mod = await moderator.connect(room)
    merel = await guest.connect(room)
    sanne = await second_guest.connect(room)

    await merel.send(type="chat.send", text="Goedenavond allemaal")
    await sanne.expect("chat.message")
    await merel.send(type="question.ask", text="Wat doet Veilig Thuis na een melding?")
    question = (await sanne.expect("question.new"))["question"]
    await sanne.send(type="question.upvote", id=question["id"])
    await sanne.expect("question.upvoted")
    await mod.send(type="statement.open", text="Melden heeft zin.")
    statement = (await merel.expect("statement.opened"))["statement"]
    await merel.send(type="statement.vote", id=statement["id"], choice="agree")
    await merel.expect("statement.voted")

    assert await db_call(Message.objects.count) == 1
    assert await db_call(QuestionUpvote.objects.count) == 1
    assert await db_call(StatementVote.objects.count) == 1
    assert await db_call(indexed_live_rows) == 0
