"""Workshop and event pages, their index pages and an event's programme of panels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.models import EDITOR_FEATURES
from workshops.forms_admin import BookablePageForm

if TYPE_CHECKING:
    from workshops.models.sessions import Session, SessionQuerySet

TOKEN = "<str:token>"  # noqa: S105 (a URL pattern, not a secret)


class BookablePage(RoutablePageMixin, Page):
    """What workshops and events share: a description and dated sessions people register for.

    A concrete base, so that a session can point at either kind of page with a real foreign key.
    """

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    description = RichTextField(_("description"), features=EDITOR_FEATURES, blank=True)
    audience = RichTextField(_("who it is for"), features=EDITOR_FEATURES, blank=True)
    accessibility = RichTextField(
        _("accessibility"),
        features=EDITOR_FEATURES,
        blank=True,
        help_text=_(
            "Captions, interpreters, breaks, how to join by phone: what helps people take part."
        ),
    )
    rooms_for_registered = models.BooleanField(
        _("live rooms only for registered people"),
        default=False,
        help_text=_(
            "When ticked, only people with a seat (who open the rooms through the personal link "
            "in their e-mail) and moderators can take part in the live rooms. Anyone can still "
            "read along. The page says which applies."
        ),
    )

    is_creatable = False
    base_form_class = BookablePageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
    ]

    class Meta:
        verbose_name = _("bookable page")

    def upcoming_sessions(self) -> SessionQuerySet:
        # A modelcluster relation (Any): in a preview it holds the draft's sessions, in memory.
        sessions = self.sessions.filter(ends_at__gte=timezone.now())
        # In a preview the sessions come from the draft, without database counts.
        if hasattr(sessions, "with_counts"):
            sessions = sessions.with_counts()
        ordered: SessionQuerySet = sessions.order_by("starts_at")
        return ordered

    def next_session(self) -> Session | None:
        return self.upcoming_sessions().first()

    def has_live_rooms(self) -> bool:
        from live.models import LiveRoom

        pk = self.pk
        rooms = LiveRoom.objects.filter(models.Q(panel__page_id=pk) | models.Q(session__page_id=pk))
        return rooms.exists()

    def route_url(self, name: str, **kwargs: Any) -> str:
        """The site-relative URL of one of this page's sub-URLs."""
        url: str = self.url.rstrip("/") + "/" + self.reverse_subpage(name, kwargs=kwargs)
        return url

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from workshops import caching

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        # Before the sessions are read: a registration after this point makes the copy stale.
        caching.track_page(request, self)
        sessions = list(self.upcoming_sessions())
        caching.track_sessions(request, sessions)
        context["has_rooms"] = bool(self.pk) and self.has_live_rooms()
        for session in sessions:
            session.register_url = (
                self.route_url("register", session_id=session.pk) if session.pk else ""
            )
        context["sessions"] = sessions
        return context

    # Sub-URLs: registration and the private links from the mails. The views live in views.py.

    @path("aanmelden/<int:session_id>/", name="register")
    def register_route(self, request: HttpRequest, session_id: int) -> HttpResponse:
        from workshops import views

        return views.register(request, self, session_id)

    @path("aanmelden/<int:session_id>/verstuurd/", name="check_mail")
    def check_mail_route(self, request: HttpRequest, session_id: int) -> HttpResponse:
        from workshops import views

        return views.check_mail(request, self, session_id)

    @path(f"bevestigen/{TOKEN}/", name="confirm")
    def confirm_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from workshops import views

        return views.confirm(request, self, token)

    @path(f"aanmelding/{TOKEN}/", name="registration")
    def registration_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from workshops import views

        return views.registration(request, self, token)

    @path(f"aanmelding/{TOKEN}/agenda/", name="ical")
    def ical_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from workshops import views

        return views.ical(request, self, token)

    @path(f"aanmelding/{TOKEN}/wijzigen/", name="change")
    def change_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from workshops import views

        return views.change(request, self, token)

    @path(f"aanmelding/{TOKEN}/meedoen/", name="join_mine")
    def join_mine_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from workshops import views

        return views.join_from_registration(request, self, token)

    @path(f"meedoen/{TOKEN}/", name="join")
    def join_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from workshops import views

        return views.join(request, self, token)

    @path(f"aanmelding/{TOKEN}/afmelden/", name="cancel")
    def cancel_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from workshops import views

        return views.cancel(request, self, token)


class WorkshopPage(BookablePage):
    facilitators = RichTextField(
        _("facilitators"),
        features=EDITOR_FEATURES,
        blank=True,
        help_text=_("Who leads the workshop. Only names and roles they agreed to show."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("facilitators"), FieldPanel("audience"), FieldPanel("accessibility")],
            _("Practical"),
        ),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
        FieldPanel("rooms_for_registered"),
    ]
    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types: list[str] = []
    template = "workshops/workshop_page.html"

    class Meta:
        verbose_name = _("workshop")


class EventPage(BookablePage):
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("audience"), FieldPanel("accessibility")], _("Practical")),
        InlinePanel("panels", heading=_("Programme"), label=_("Panel")),
        FieldPanel("rooms_for_registered"),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
    ]
    parent_page_types = ["workshops.EventIndexPage"]
    subpage_types = ["eventreports.EventReportPage"]
    template = "workshops/event_page.html"

    class Meta:
        verbose_name = _("event")

    def report(self) -> Page | None:
        """The event's published report (eventreports keeps it at the slug "verslag")."""
        return self.get_children().live().public().filter(slug="verslag").first()


class EventPanel(Orderable):
    """One panel of an event's programme; its id stays stable, so a live room can hang off it."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="panels")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.TimeField(
        _("starts at"), null=True, blank=True, help_text=_("Optional, e.g. 14:30.")
    )
    description = RichTextField(_("description"), features=EDITOR_FEATURES, blank=True)
    members = models.TextField(
        _("panel members"),
        blank=True,
        help_text=_("One per line: a name or role, as the person agreed to be shown."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("starts_at"),
        FieldPanel("description"),
        FieldPanel("members"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("panel")
        verbose_name_plural = _("panels")

    def __str__(self) -> str:
        return str(self.title)

    def member_list(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]


class BookableIndexPage(Page):
    """An index of workshops or events: upcoming ones first, by their next session."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), features=EDITOR_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from workshops import caching

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        # Wagtail's specific pages (Any), each given its `next` session for the template.
        upcoming: list[Any] = []
        past: list[Any] = []
        for child in self.get_children().live().public().specific():
            child.next = child.next_session()
            (upcoming if child.next else past).append(child)
        caching.track_sessions(request, [child.next for child in upcoming])
        upcoming.sort(key=lambda child: child.next.starts_at)
        context["upcoming"] = upcoming
        context["past"] = past
        return context


class WorkshopIndexPage(BookableIndexPage):
    parent_page_types = ["community.HomePage"]
    subpage_types = ["workshops.WorkshopPage"]
    template = "workshops/index_page.html"

    class Meta:
        verbose_name = _("workshop index")


class EventIndexPage(BookableIndexPage):
    parent_page_types = ["community.HomePage"]
    subpage_types = ["workshops.EventPage"]
    template = "workshops/index_page.html"

    class Meta:
        verbose_name = _("event index")
