"""The room page (also the moderator's view) and the guest's pseudonym form."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.clients import client_key
from community.ratelimit import allow
from live import access, conf, permissions, state
from live.forms import JoinForm
from live.models import LiveRoom, Message, Statement
from live.services.base import guest_in, member_name, new_guest


def _room(slug):
    return get_object_or_404(
        LiveRoom.objects.select_related("panel__page", "session__page"), slug=slug
    )


def _history(room):
    """What the page shows before (or without) JavaScript: the room as it stands, read-only."""
    messages_ = Message.objects.filter(room=room, status=Message.Status.VISIBLE)
    messages_ = list(
        messages_.select_related("participant").order_by("-id")[: conf.HISTORY_ON_CONNECT]
    )
    questions = state.shown_questions(room)
    statements = list(room.statements.exclude(status=Statement.Status.DRAFT).order_by("-id"))
    current = next((s for s in statements if s.status == Statement.Status.OPEN), None)
    if current is not None:
        current.results = state.results(state.tally(current))
    closed = [s for s in statements if s.status == Statement.Status.CLOSED]
    for statement in closed:
        statement.results = state.results(statement.stored_counts())
    return {
        "chat_messages": messages_[::-1],
        "questions": questions,
        "waiting": state.waiting_count(room.pk),
        "statement": current,
        "closed_statements": closed,
    }


def _context(request, live_room, join_form=None):
    user = request.user
    if user.is_authenticated:
        participant = live_room.participants.filter(user=user).first()
        name = participant.name if participant else member_name(live_room, user)
    else:
        guest = guest_in(request.session)
        name = guest["name"] if guest else None
    registered_only = not access.may_take_part(live_room, user, request.session)
    if registered_only:
        name, join_form = None, None
    elif name is None and join_form is None and not live_room.is_closed:
        join_form = JoinForm()
    return {
        "room": live_room,
        "host_page": live_room.host_page,
        "panel": live_room.panel,
        "name": name,
        "moderator": permissions.is_moderator(user),
        "join_form": join_form if name is None else None,
        "registered_only": registered_only,
        "limits": {
            "chat": conf.MAX_CHAT_LENGTH,
            "question": conf.MAX_QUESTION_LENGTH,
            "statement": conf.MAX_STATEMENT_LENGTH,
        },
        "slow_choices": LiveRoom._meta.get_field("slow_mode_seconds").choices,
        "retention_days": conf.retention_days(),
        "empty_results": state.results(dict.fromkeys(state.CHOICES, 0)),
        **_history(live_room),
    }


@never_cache
def room(request, slug):
    live_room = _room(slug)
    return render(request, "live/room.html", _context(request, live_room))


@require_POST
def join(request, slug):
    live_room = _room(slug)
    # One name per visit: a second one would also be a way around a moderator's mute.
    if request.user.is_authenticated or live_room.is_closed or guest_in(request.session):
        return redirect(live_room)
    if not access.may_take_part(live_room, request.user, request.session):
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
    new_guest(request.session, form.cleaned_data["pseudonym"])
    return redirect(live_room.get_absolute_url() + "#live-chat")


@require_POST
def forget(request, slug):
    """A guest leaves and this browser forgets their name (members log out instead)."""
    live_room = _room(slug)
    if not request.user.is_authenticated and guest_in(request.session):
        request.session.flush()
        messages.success(
            request, _("You have left the room. This browser no longer knows your name.")
        )
    return redirect(live_room)
