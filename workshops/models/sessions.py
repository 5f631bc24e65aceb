"""Dated sessions of a workshop or event.

A session is edited inline on its page, so it travels through Wagtail's revisions. That is
why it holds no counter of taken seats: publishing an older revision would write an old
count back. The registrations themselves are the record; workshops.booking counts them
while it holds the session's row lock.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class SessionQuerySet(models.QuerySet["Session"]):
    def with_counts(self) -> SessionQuerySet:
        """Each session with `confirmed_count`, `waiting_count` and `pending_count`."""
        from workshops.models.registrations import Registration

        status = "registrations__status"
        counted: SessionQuerySet = self.annotate(
            confirmed_count=Count(
                "registrations", filter=Q(**{status: Registration.Status.CONFIRMED})
            ),
            waiting_count=Count("registrations", filter=Q(**{status: Registration.Status.WAITING})),
            pending_count=Count("registrations", filter=Q(**{status: Registration.Status.PENDING})),
        )
        return counted


class Session(Orderable):
    page = ParentalKey("workshops.BookablePage", on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("title"), max_length=120, blank=True, help_text=_("Optional, e.g. “Part 1”.")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    seats = models.PositiveIntegerField(
        _("seats"),
        validators=[MinValueValidator(1)],
        help_text=_("When you add seats, people on the waiting list move up when you publish."),
    )
    join_url = models.URLField(
        _("online join link"),
        blank=True,
        validators=[URLValidator(schemes=["https", "http"])],
        help_text=_("Only ever shown and mailed to confirmed participants."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("seats"), FieldPanel("registration_open")]),
        FieldPanel("join_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        page_title = self.page.title if self.page_id else ""
        return " · ".join(filter(None, [page_title, self.title, self.when()]))

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})

    def when(self) -> str:
        """E.g. "donderdag 26 november 2026, 19:30–21:30" in the active language."""
        if not self.starts_at:
            return ""
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at) if self.ends_at else None
        day = formats.date_format(start, "l j F Y")
        hours = formats.time_format(start, "H:i")
        if end and end.date() == start.date():
            hours += "–" + formats.time_format(end, "H:i")
        elif end:
            hours += (
                " – " + formats.date_format(end, "j F Y") + " " + formats.time_format(end, "H:i")
            )
        return f"{day}, {hours}"

    when.short_description = _("when")  # type: ignore[attr-defined]  # the admin's column title

    @property
    def confirmed(self) -> int:
        count: int | None = getattr(self, "confirmed_count", None)  # from with_counts()
        if count is not None:
            return count
        if not self.pk:
            return 0
        return int(self.registrations.filter(status="confirmed").count())

    @property
    def seats_left(self) -> int:
        return max(int(self.seats) - self.confirmed, 0)

    def has_started(self, now: datetime | None = None) -> bool:
        return bool(self.starts_at <= (now or timezone.now()))

    def has_ended(self, now: datetime | None = None) -> bool:
        return bool(self.ends_at <= (now or timezone.now()))

    def accepts_registrations(self, now: datetime | None = None) -> bool:
        return self.registration_open and not self.has_started(now)
