"""The live room of an event panel or a workshop session, on that event's or workshop's page."""

from django import template
from django.template import Context

from community import page_cache
from live import events
from live.models import LiveRoom, Statement
from workshops import schedule
from workshops.models import EventPanel, Session

register = template.Library()


@register.inclusion_tag("live/includes/room_link.html", takes_context=True)
def live_room_of(
    context: Context, owner: EventPanel | Session, with_results: bool = True
) -> dict[str, object]:
    """A link to the room of `owner` (a panel or a session) with a label that fits the room's
    state and time, and, with `with_results`, the statements it closed with their results:
    they stay on the page after the event."""
    by = "panel" if isinstance(owner, EventPanel) else "session"
    room = LiveRoom.objects.filter(**{by: owner.pk}).first() if owner.pk else None
    closed = []
    status = None
    if room is not None:
        status = schedule.live_status(room, owner)
        request = context.get("request")
        if request is not None:
            page_cache.valid_until(request, status.changes_at)
        if with_results:
            closed = list(room.statements.filter(status=Statement.Status.CLOSED).order_by("id"))
            for statement in closed:
                statement.results = events.results(statement.stored_counts())
    return {"room": room, "status": status, "closed_statements": closed}
