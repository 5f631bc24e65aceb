"""Who is acting in a room, and whether they may post there now."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import count
from typing import TYPE_CHECKING, Any, cast

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.forms import name_skeleton
from community.tokens import new_token, token_digest
from live import permissions
from live.models import LiveRoom, Participant
from workshops.models import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.base import SessionBase
    from django_stubs_ext import StrOrPromise

    from community.models import User

# What a guest keeps in their session (new_guest): token, name, role, show_role.
Guest = dict[str, Any]

# Where a guest's identity lives in their HTTP session: a random token (only its hash is
# stored with the participant) and the pseudonym they chose.
SESSION_GUEST = "live_guest"


class LiveError(Exception):
    """Something a participant or moderator may not do now; `message` says why, translated."""

    def __init__(self, code: str, message: StrOrPromise) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Actor:
    """One connection's identity, fixed when it connects: from the session, never the client."""

    room_id: int
    participant_id: int | None = None
    user: object = None
    moderator: bool = False


def new_guest(
    session: SessionBase, pseudonym: str, role: str = "", show_role: bool = False
) -> None:
    """The guest's identity in their (server-side) session; the role is used when they first
    connect, and is theirs to change later on the room page."""
    token, _digest = new_token()
    session[SESSION_GUEST] = {
        "token": token,
        "name": pseudonym,
        "role": role,
        "show_role": bool(show_role),
    }


def guest_in(session: SessionBase | Mapping[str, object]) -> Guest | None:
    guest = session.get(SESSION_GUEST)
    if isinstance(guest, dict) and guest.get("token") and guest.get("name"):
        return guest
    return None


def _skeletons(room: LiveRoom) -> set[str]:
    # A plain list: an iterator() left half-read would keep a server-side cursor open.
    return {name_skeleton(name) for name in list(room.participants.values_list("name", flat=True))}


def name_taken(room: LiveRoom, name: str) -> bool:
    """Does someone in `room` already use a name that looks like `name` on screen?

    Two people who look the same on screen could speak for each other.
    """
    return name_skeleton(name) in _skeletons(room)


def member_name(room: LiveRoom, user: User) -> str:
    """The name a member takes part under in `room`: their pseudonym, numbered when taken.

    A member cannot choose a name per room, so instead of being refused as a guest is, they
    are told apart: "Merel 2" beside the guest "Merel" (and a guest who took a member's
    pseudonym first cannot keep that member out).
    """
    wanted: str = user.display_name
    taken = _skeletons(room)
    if name_skeleton(wanted) not in taken:
        return wanted
    longest = Participant._meta.get_field("name").max_length
    assert longest is not None
    for number in count(2):
        suffix = f" {number}"
        candidate = wanted[: longest - len(suffix)] + suffix
        if name_skeleton(candidate) not in taken:
            return candidate
    raise AssertionError("unreachable")


def do_join(
    room: LiveRoom,
    user: User | AnonymousUser | None = None,
    session: SessionBase | None = None,
) -> Participant | None:
    """The participant for this member or this session's guest; None when they have no name yet
    (or may not take part: a room only for registered people)."""
    member = user is not None and user.is_authenticated
    guest = None if member else guest_in(session or {})
    if not member and guest is None:
        return None  # a reader: no need to read the room's page to know that
    if not permissions.may_take_part(room, user, session):
        return None
    if member:
        account = cast("User", user)
        participant = Participant.objects.filter(room=room, user=account).first()
        if participant is None:
            participant, _created = Participant.objects.get_or_create(
                room=room, user=account, defaults={"name": member_name(room, account)}
            )
        return participant
    assert guest is not None
    role = guest.get("role")
    participant, _created = Participant.objects.get_or_create(
        room=room,
        guest_key=token_digest(guest["token"]),
        defaults={
            "name": guest["name"],
            "role": role if role in Role.values else Role.UNSAID,
            "show_role": bool(guest.get("show_role")),
        },
    )
    return participant


def get_participant(actor: Actor, *, lock: bool = False) -> Participant:
    if actor.participant_id is None:
        check_room_open(LiveRoom.objects.get(pk=actor.room_id))
        raise LiveError("no_name", _("Choose a pseudonym first to take part."))
    queryset = Participant.objects.select_related("room")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.get(pk=actor.participant_id)


def check_room_open(room: LiveRoom) -> None:
    if room.status == LiveRoom.Status.SCHEDULED:
        raise LiveError("not_open", _("This room is not open yet."))
    if room.status == LiveRoom.Status.CLOSED:
        raise LiveError("closed", _("This room is closed. You can still read everything."))


def check_can_post(participant: Participant, actor: Actor, now: datetime | None = None) -> None:
    """May this participant send a chat message or a question now?"""
    check_room_open(participant.room)
    if participant.is_muted:
        raise LiveError(
            "muted", _("A moderator has muted you in this room. You can still read and vote.")
        )
    slow = participant.room.slow_mode_seconds
    if slow and not actor.moderator and participant.last_posted_at:
        wait = participant.last_posted_at + timedelta(seconds=slow) - (now or timezone.now())
        if wait.total_seconds() > 0:
            raise LiveError(
                "slow",
                _("Slow mode is on: you can send one message every %(seconds)s seconds.")
                % {"seconds": slow},
            )
