"""Calendar files (.ics) for a registration, made with icalendar."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

if TYPE_CHECKING:
    from workshops.models import Registration

PRODUCT_ID = "-//Kring//Workshops//NL"


def event_uid(registration: Registration) -> str:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "kring"
    return f"workshops-registration-{registration.pk}@{host}"


def calendar_file(
    registration: Registration, page_url: str | None = None, cancelled: bool = False
) -> str:
    """The .ics text for one registration, without any private link.

    Calendars are often shared with a partner, a family or an employer, and synced to places
    she does not control: the join link and the link to view or cancel stay in her mail.
    The event's UID belongs to the registration, so a cancellation (METHOD:CANCEL) removes
    exactly the entry an earlier file added.
    """
    session = registration.session
    page = session.page.specific
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")

    event = Event()
    event.add("uid", event_uid(registration))
    event.add("dtstamp", timezone.now())
    # In UTC, so that no calendar has to know Europe/Amsterdam's rules from a VTIMEZONE.
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", " · ".join(filter(None, [page.title, session.title])))
    event.add("sequence", 1 if cancelled else 0)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")

    if not cancelled:
        event.add("location", _("Online"))
        lines = [_("Your personal link to join is in the e-mail with this file.")]
        if page_url:
            lines.append(page_url)
        event.add("description", "\n".join(lines))
    calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
