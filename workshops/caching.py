"""Workshop and event pages in the anonymous page cache (community.page_cache).

Each page's stored copy depends on a scope of its own: a registration, a live room or a
statement of that page makes only that copy stale. A session change makes every copy stale,
as the index pages list the next dates. Time does the rest: a copy is not served past the
moment a session starts or ends, or a room's label would change (workshops.schedule).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from community import page_cache

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page

    from live.models import LiveRoom, Statement
    from workshops.models import Registration, Session


def page_scope(page_id: int) -> str:
    return f"workshops.page:{page_id}"


def track_page(request: HttpRequest | None, page: Page) -> None:
    """Tie this render of `page` to its scope; call before reading its sessions and rooms."""
    if request is not None:
        page_cache.depends_on(request, page_scope(page.pk))


def track_sessions(request: HttpRequest | None, sessions: Iterable[Session]) -> None:
    """A session's registration closes when it starts; it leaves the page when it ends."""
    if request is None:
        return
    now = timezone.now()
    for session in sessions:
        if session.starts_at and session.ends_at:
            page_cache.valid_until(
                request, session.starts_at if session.starts_at > now else session.ends_at
            )


def _registration_changed(sender: type, instance: Registration, **kwargs: object) -> None:
    page_id = getattr(getattr(instance, "session", None), "page_id", None)
    if page_id is not None:
        page_cache.bump_scope(page_scope(page_id))


def _session_changed(sender: type, instance: Session, **kwargs: object) -> None:
    page_cache.bump_generation()


def _room_changed(sender: type, instance: LiveRoom | Statement, **kwargs: object) -> None:
    from live.models import Statement

    room = instance.room if isinstance(instance, Statement) else instance
    page_id = None
    if room.panel is not None:
        page_id = room.panel.page_id
    elif room.session is not None:
        page_id = room.session.page_id
    if page_id is not None:
        page_cache.bump_scope(page_scope(page_id))


def connect() -> None:
    from live.models import LiveRoom, Statement
    from workshops.models import Registration, Session

    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(
            _registration_changed, sender=Registration, dispatch_uid=f"workshops.cache.reg.{name}"
        )
        signal.connect(
            _session_changed, sender=Session, dispatch_uid=f"workshops.cache.session.{name}"
        )
        signal.connect(_room_changed, sender=LiveRoom, dispatch_uid=f"workshops.cache.room.{name}")
        signal.connect(
            _room_changed, sender=Statement, dispatch_uid=f"workshops.cache.statement.{name}"
        )
