"""The mails about a registration, each in the registrant's own language.

Subjects stay neutral (a date at most, never what the session is about). Links carry a
token that exists only in the mail; the join link is only ever put in mails to people
with a seat.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import formats, timezone, translation

from community.mail import Attachment, queue_mail
from workshops import conf
from workshops.ical import calendar_file

if TYPE_CHECKING:
    from wagtail.models import Page

    from workshops.models import Registration

PREFIX = "workshops/mail/"

# A mail's template context and its attachments, built in the registrant's language.
Built = tuple[dict[str, Any], list[Attachment]]


def site_url(path: str) -> str:
    """An absolute URL for a mail, on the site's public address (SITE_URL)."""
    base: str = settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + "/" + path.lstrip("/")


def page_path(page: Page, route: str | None = None, **kwargs: Any) -> str:
    """The path of `page`, or of one of its routes, relative to the site root."""
    parts = page.get_url_parts()
    path: str = parts[2] if parts else page.url_path
    if route:
        path = path.rstrip("/") + "/" + page.reverse_subpage(route, kwargs=kwargs)
    return path


def manage_url(registration: Registration, token: str) -> str:
    return site_url(page_path(registration.session.page, "registration", token=token))


def _context(registration: Registration, **extra: Any) -> dict[str, Any]:
    session = registration.session
    page = session.page.specific
    start = timezone.localtime(session.starts_at)
    return {
        "pseudonym": registration.pseudonym,
        "title": f"{page.title} ({session.title})" if session.title else page.title,
        "when": session.when(),
        "day": formats.date_format(start, "j F"),
        "page_url": site_url(page_path(page)),
        "retention_days": conf.retention_days(),
        **extra,
    }


def personal_join_url(registration: Registration) -> str:
    """A fresh personal link to join: it works only while this registration holds a seat."""
    from workshops.models import RegistrationLink

    token = RegistrationLink.issue(registration, RegistrationLink.Purpose.JOIN)
    return site_url(page_path(registration.session.page, "join", token=token))


def _seat_context(registration: Registration, token: str) -> Built:
    """What someone with a seat gets: her own join link, her private link, the calendar file."""
    session = registration.session
    has_rooms = session.page.rooms_for_registered
    return {
        "manage_url": manage_url(registration, token),
        "cancel_url": site_url(page_path(session.page, "cancel", token=token)),
        "join_url": personal_join_url(registration) if session.join_url or has_rooms else "",
    }, [_ics(registration)]


def _ics(registration: Registration, cancelled: bool = False) -> Attachment:
    day = timezone.localtime(registration.session.starts_at).date().isoformat()
    page_url = site_url(page_path(registration.session.page))
    content = calendar_file(registration, page_url=page_url, cancelled=cancelled)
    return ("kring-" + day + ".ics", content, "text/calendar")


def _send(template: str, registration: Registration, build: Callable[[], Built]) -> None:
    with translation.override(registration.language):
        context, attachments = build()
        queue_mail(PREFIX + template, registration.email, context, attachments)


def send_confirm_address(registration: Registration, token: str) -> None:
    url = site_url(page_path(registration.session.page, "confirm", token=token))
    hours = int(conf.confirm_link_lifetime().total_seconds() // 3600)
    _send(
        "confirm_address",
        registration,
        lambda: (_context(registration, confirm_url=url, hours=hours), []),
    )


def send_already_registered(registration: Registration, token: str) -> None:
    url = manage_url(registration, token)
    _send("already_registered", registration, lambda: (_context(registration, manage_url=url), []))


def send_registered(registration: Registration, token: str, moved: bool = False) -> None:
    def build() -> Built:
        extra, attachments = _seat_context(registration, token)
        return _context(registration, moved=moved, **extra), attachments

    _send("registered", registration, build)


def send_waiting(registration: Registration, token: str, moved: bool = False) -> None:
    url = manage_url(registration, token)
    _send(
        "waiting", registration, lambda: (_context(registration, moved=moved, manage_url=url), [])
    )


def send_seat_free(registration: Registration, token: str) -> None:
    def build() -> Built:
        extra, attachments = _seat_context(registration, token)
        return _context(registration, **extra), attachments

    _send("seat_free", registration, build)


def send_reminder(registration: Registration, token: str) -> None:
    def build() -> Built:
        extra, _attachments = _seat_context(registration, token)
        return _context(registration, **extra), []

    _send("reminder", registration, build)


def send_cancelled(registration: Registration, had_seat: bool, by_editor: bool = False) -> None:
    def build() -> Built:
        # A calendar that took the invitation gets told to drop it again.
        attachments = [_ics(registration, cancelled=True)] if had_seat else []
        return _context(registration, by_editor=by_editor, calendar=had_seat), attachments

    _send("cancelled", registration, build)
