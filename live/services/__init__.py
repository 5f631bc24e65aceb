"""What can happen in a live room, for the websocket consumer and the admin screens alike.

As in Zulip: check_* decides whether something may happen, do_* makes it happen and sends the
resulting events after the commit. Consumers, views and admin screens call these and nothing
else that changes a room.
"""

from live.services.base import Actor, LiveError, check_can_post, do_join, get_participant
from live.services.moderators import (
    do_approve_question,
    do_close_statement,
    do_mark_answered,
    do_mute,
    do_open_statement,
    do_release_message,
    do_remove_message,
    do_remove_question,
    do_restore_message,
    do_set_slow_mode,
    do_set_status,
    do_update_room,
)
from live.services.participants import (
    ChatResult,
    do_ask_question,
    do_send_chat,
    do_upvote,
    do_vote,
)

__all__ = [
    "Actor",
    "ChatResult",
    "LiveError",
    "check_can_post",
    "do_approve_question",
    "do_ask_question",
    "do_close_statement",
    "do_join",
    "do_mark_answered",
    "do_mute",
    "do_open_statement",
    "do_release_message",
    "do_remove_message",
    "do_remove_question",
    "do_restore_message",
    "do_send_chat",
    "do_set_slow_mode",
    "do_set_status",
    "do_update_room",
    "do_upvote",
    "do_vote",
    "get_participant",
]
