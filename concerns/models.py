"""What the concern tool keeps: keyed signals without people or timing, and weekly aggregates.

A signal row holds no address (only its HMAC), no IP address, account, session or cookie, and
no precise time: only the day from which it counts for others. Its primary key is random, so
not even the row order tells when it arrived.
"""

import uuid
from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from community.private import private
from concerns.privacy import hide_request_from_error_reports


class ConcernPage(RoutablePageMixin, Page):
    """/bezorgd-om-je-buren/: the explanation, the form, the result and the private link."""

    intro = models.CharField(
        _("introduction"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the title and on the home page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("neighbour-concern page")

    @method_decorator(sensitive_variables())
    @method_decorator(sensitive_post_parameters())
    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        hide_request_from_error_reports(request)
        response: HttpResponse = super().serve(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or request.path != self.url:
            # Only the explanation and empty form may be found through a search engine.
            return private(response)
        # Nothing from this tool may be kept by a browser, proxy or shared computer's cache.
        response["Cache-Control"] = "no-store"
        return response

    @path("")
    def form(self, request: HttpRequest) -> HttpResponse:
        from concerns import views

        return views.concern_form(request, self)

    @path("controle/")
    def challenge(self, request: HttpRequest) -> HttpResponse:
        from concerns import views

        return views.challenge(request, self)

    @path("jouw-signaal/<str:token>/")
    def private_link(self, request: HttpRequest, token: str) -> HttpResponse:
        from concerns import views

        return views.private_link(request, self, token)


class Signal(models.Model):
    """One neighbour's worry about one address."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    address_key = models.CharField(max_length=64)
    counts_from = models.DateField(
        help_text="The day from which this signal counts for others, drawn at random 2-4 days "
        "after it was sent; it expires a year later."
    )
    batch = models.PositiveIntegerField(
        default=0,
        help_text="A random number shared by the signals about one address sent on one day: "
        "together they count at most KRING_CONCERN_BURST_LIMIT times.",
    )
    token_digest = models.CharField(max_length=64, unique=True)

    class Meta:
        indexes = [
            # The band query: one address, a range of days, grouped by batch, from the index
            # alone.
            models.Index(
                fields=["address_key", "counts_from", "batch"], name="concerns_signal_batch"
            ),
            models.Index(fields=["counts_from"], name="concerns_signal_expiry"),
        ]

    def __str__(self) -> str:
        return "signal"


class LinkMarker(models.Model):
    """That the holder of a private link did something that may count only once per link:
    opened it before, said "I called Veilig Thuis", answered "have you done anything yet?".

    Kept apart from the signal (a different hash of the token per purpose, no foreign key) so
    that no row says that a neighbour of a given address called or acted; a marker only stops
    one link counting twice.
    """

    digest = models.CharField(max_length=64, unique=True)
    week = models.DateField()

    def __str__(self) -> str:
        return "marker"


class WeeklyTally(models.Model):
    """Aggregates for editors, per ISO week (its Monday): counts only, never an address."""

    week = models.DateField(_("week"), unique=True)
    signals = models.PositiveIntegerField(_("signals"), default=0)
    called = models.PositiveIntegerField(_("called Veilig Thuis"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn"), default=0)
    band_none = models.PositiveIntegerField(_("band: no others"), default=0)
    band_few = models.PositiveIntegerField(_("band: 1-2 others"), default=0)
    band_many = models.PositiveIntegerField(_("band: 3 or more others"), default=0)
    refused = models.PositiveIntegerField(_("refused by a limit"), default=0)
    did_talked = models.PositiveIntegerField(_("done: talked about it"), default=0)
    did_advice = models.PositiveIntegerField(_("done: asked for advice"), default=0)
    did_reported = models.PositiveIntegerField(_("done: made a report"), default=0)
    did_not_yet = models.PositiveIntegerField(_("done: not yet"), default=0)

    class Meta:
        ordering = ["-week"]
        verbose_name = _("weekly tally")
        verbose_name_plural = _("weekly tallies")
        permissions = [("view_concern_statistics", _("Can see neighbour-concern statistics"))]

    def __str__(self) -> str:
        return str(self.week)
