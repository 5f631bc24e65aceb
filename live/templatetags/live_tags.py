"""The live room of an event panel or a workshop session, on that event's or workshop's page."""

from django import template

from live import state
from live.models import LiveRoom, Statement
from workshops.models import EventPanel

register = template.Library()


@register.inclusion_tag("live/includes/room_link.html")
def live_room_of(owner, with_results=True):
    """A link to the room of `owner` (a panel or a session), and, with `with_results`, the
    statements it closed with their results: they stay on the page after the event."""
    by = "panel" if isinstance(owner, EventPanel) else "session"
    room = LiveRoom.objects.filter(**{by: owner.pk}).first() if owner.pk else None
    closed = []
    if room is not None and with_results:
        closed = list(room.statements.filter(status=Statement.Status.CLOSED).order_by("id"))
        for statement in closed:
            statement.results = state.results(statement.stored_counts())
    return {"room": room, "closed_statements": closed}
