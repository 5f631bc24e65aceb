"""The room page (also the moderator's view), the guest's pseudonym form, and the forms for
one's role and a verification code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.clients import client_key
from community.ratelimit import allow
from community.tokens import token_digest
from live import conf, events, permissions, services, voices
from live.forms import CodeForm, JoinForm, RoleForm
from live.models import LiveRoom, Message, Participant, Reason, Statement
from live.services import roles
from live.services.base import guest_in, member_name, new_guest
from workshops.models import Registration, Role

# What a speaker's form does once valid: (room, participant, data) -> the anchor to go back to.
Act = Callable[[LiveRoom, Participant, dict[str, Any]], str]


def _room(slug: str) -> LiveRoom:
    return get_object_or_404(
        LiveRoom.objects.select_related("panel__page", "session__page"), slug=slug
    )


def _history(room: LiveRoom) -> dict[str, Any]:
    """What the page shows before (or without) JavaScript: the room as it stands, read-only."""
    visible = Message.objects.filter(room=room, status=Message.Status.VISIBLE)
    messages_ = list(
        visible.select_related("participant").order_by("-id")[: conf.HISTORY_ON_CONNECT]
    )
    questions = events.shown_questions(room)
    statements = list(room.statements.exclude(status=Statement.Status.DRAFT).order_by("-id"))
    current = next((s for s in statements if s.status == Statement.Status.OPEN), None)
    if current is not None:
        current.results = events.results(events.tally(current))
    closed = [s for s in statements if s.status == Statement.Status.CLOSED]
    for statement in closed:
        statement.results = events.results(statement.stored_counts())
        statement.split = voices.split_by_role(statement)
    return {
        "chat_messages": messages_[::-1],
        "questions": questions,
        "waiting": events.waiting_count(room.pk),
        "statement": current,
        "closed_statements": closed,
    }


def _registered_role(live_room: LiveRoom, session: SessionBase) -> str:
    """The role she gave when registering, if she came in through her personal join link."""
    page = live_room.host_page
    registered = session.get(permissions.SESSION_REGISTERED) or {}
    registration_id = registered.get(str(page.pk)) if page is not None else None
    if registration_id is None:
        return Role.UNSAID
    role = Registration.objects.filter(pk=registration_id).values_list("role", flat=True).first()
    return str(role or Role.UNSAID)


def _participant(live_room: LiveRoom, request: HttpRequest) -> Participant | None:
    """This visitor's participant in the room, as the socket would find or make it."""
    participant: Participant | None = services.do_join(
        live_room, user=request.user, session=request.session
    )
    return participant


def _context(
    request: HttpRequest,
    live_room: LiveRoom,
    join_form: JoinForm | None = None,
    role_form: RoleForm | None = None,
    code_form: CodeForm | None = None,
) -> dict[str, Any]:
    user = request.user
    participant: Participant | None = None
    name: str | None
    if user.is_authenticated:
        participant = live_room.participants.filter(user=user).first()
        name = participant.name if participant else member_name(live_room, user)
    else:
        guest = guest_in(request.session)
        name = guest["name"] if guest else None
        if guest is not None:
            participant = live_room.participants.filter(
                guest_key=token_digest(guest["token"])
            ).first()
    registered_only = not permissions.may_take_part(live_room, user, request.session)
    if registered_only:
        name, join_form = None, None
    elif name is None and join_form is None and not live_room.is_closed:
        join_form = JoinForm(initial={"role": _registered_role(live_room, request.session)})
    speaking = name is not None and not live_room.is_closed
    if speaking and role_form is None:
        if participant is not None:
            initial = {"role": participant.role, "show_role": participant.show_role}
        else:
            initial = {"role": _registered_role(live_room, request.session)}
        role_form = RoleForm(initial=initial)
    if role_form is not None and participant is not None and participant.is_verified:
        role_form.fields["role"].disabled = True  # it comes with the badge
    return {
        "room": live_room,
        "host_page": live_room.host_page,
        "panel": live_room.panel,
        "name": name,
        "moderator": permissions.is_moderator(user),
        "join_form": join_form if name is None else None,
        "participant": participant,
        "role_form": role_form if speaking else None,
        "code_form": (code_form or CodeForm()) if speaking else None,
        "registered_only": registered_only,
        "limits": {
            "chat": conf.MAX_CHAT_LENGTH,
            "question": conf.MAX_QUESTION_LENGTH,
            "statement": conf.MAX_STATEMENT_LENGTH,
        },
        "slow_choices": LiveRoom._meta.get_field("slow_mode_seconds").choices,
        "retention_days": conf.retention_days(),
        "empty_results": events.results(dict.fromkeys(events.CHOICES, 0)),
        "empty_split": voices.split_counts({}),
        "role_choices": Role.choices,
        "reasons": Reason.choices,
        **_history(live_room),
    }


# Not `community.private`: the room is a public page (indexed, linked to), only drawn for the
# person who opens it (their pseudonym, their role), so no cache may keep it.
@never_cache
def room(request: HttpRequest, slug: str) -> HttpResponse:
    live_room = _room(slug)
    return render(request, "live/room.html", _context(request, live_room))


@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    live_room = _room(slug)
    # One name per visit: a second one would also be a way around a moderator's mute.
    if request.user.is_authenticated or live_room.is_closed or guest_in(request.session):
        return redirect(live_room)
    if not permissions.may_take_part(live_room, request.user, request.session):
        return redirect(live_room)
    form = JoinForm(request.POST, room=live_room)
    if not form.is_valid():
        return render(request, "live/room.html", _context(request, live_room, form), status=400)
    if not allow(
        f"live-join:{client_key(request, 'live-join')}", conf.JOINS_PER_CLIENT_PER_HOUR, 3600
    ):
        messages.error(
            request, _("You have chosen a name often in a short time. Please try again later.")
        )
        return redirect(live_room)
    # A new identity gets a new session key, as a login does; it ends when the browser closes,
    # so on a shared device the next person is not taken for this one.
    request.session.cycle_key()
    request.session.set_expiry(0)
    data = form.cleaned_data
    new_guest(request.session, data["pseudonym"], data["role"], data["show_role"])
    # The participant now, not at the first connect: their role is stored where it belongs.
    participant = _participant(live_room, request)
    code = data["code"]
    if participant is not None and code and not _redeem(request, live_room, participant, code):
        return redirect(live_room.get_absolute_url() + "#live-code")
    return redirect(live_room.get_absolute_url() + "#live-chat")


def _redeem(request: HttpRequest, live_room: LiveRoom, participant: Participant, code: str) -> bool:
    """Try a verification code, counted against the rate limit; say how it went."""
    try:
        roles.check_code_attempt(participant, client_key(request, "live-code"))
        roles.do_redeem_badge(participant, live_room, code=code)
    except services.LiveError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, _("Your verified label is now shown beside your name."))
    return True


def _speaker_form(
    request: HttpRequest, slug: str, form_class: type[RoleForm] | type[CodeForm], act: Act
) -> HttpResponse:
    """A form of one's own in a room (role, code): checked, then `act(room, participant, data)`,
    which returns the part of the page to go back to."""
    live_room = _room(slug)
    participant = None if live_room.is_closed else _participant(live_room, request)
    if participant is None:
        return redirect(live_room)
    form = form_class(request.POST)
    if not form.is_valid():
        if isinstance(form, CodeForm):
            context = _context(request, live_room, code_form=form)
        else:
            context = _context(request, live_room, role_form=form)
        return render(request, "live/room.html", context, status=400)
    anchor = act(live_room, participant, form.cleaned_data)
    return redirect(f"{live_room.get_absolute_url()}#{anchor}")


@never_cache
@require_POST
def set_role(request: HttpRequest, slug: str) -> HttpResponse:
    """Who you speak as here, and whether it shows (a member's or a guest's own choice)."""

    def act(live_room: LiveRoom, participant: Participant, data: dict[str, Any]) -> str:
        roles.do_set_role(participant, live_room, role=data["role"], show=data["show_role"])
        messages.success(request, _("Your choice has been saved."))
        return "live-role"

    return _speaker_form(request, slug, RoleForm, act)


@never_cache
@require_POST
def redeem_code(request: HttpRequest, slug: str) -> HttpResponse:
    """A panel member or official enters the one-time code an editor gave them."""

    def act(live_room: LiveRoom, participant: Participant, data: dict[str, Any]) -> str:
        _redeem(request, live_room, participant, data["code"])
        return "live-code"

    return _speaker_form(request, slug, CodeForm, act)


@require_POST
def forget(request: HttpRequest, slug: str) -> HttpResponse:
    """A guest leaves and this browser forgets their name (members log out instead)."""
    live_room = _room(slug)
    if not request.user.is_authenticated and guest_in(request.session):
        request.session.flush()
        messages.success(
            request, _("You have left the room. This browser no longer knows your name.")
        )
    return redirect(live_room)
