"""When editors publish a page with more seats, the waiting list moves up at once."""

from typing import Any

from wagtail.signals import page_published

from workshops import booking
from workshops.models import BookablePage, Session


def fill_free_seats(sender: type, instance: Any, **kwargs: Any) -> None:
    if not isinstance(instance, BookablePage):
        return
    for session in Session.objects.filter(page_id=instance.pk):
        booking.do_fill_free_seats(None, session)


def connect() -> None:
    from workshops import caching

    page_published.connect(fill_free_seats, dispatch_uid="workshops.fill_free_seats")
    caching.connect()
