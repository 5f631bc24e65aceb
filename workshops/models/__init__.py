"""Workshop models, split by concept: pages, their sessions, and registrations."""

from workshops.models.pages import (
    BookableIndexPage,
    BookablePage,
    EventIndexPage,
    EventPage,
    EventPanel,
    WorkshopIndexPage,
    WorkshopPage,
)
from workshops.models.registrations import Registration, RegistrationLink, Role
from workshops.models.sessions import Session

__all__ = [
    "BookableIndexPage",
    "BookablePage",
    "EventIndexPage",
    "EventPage",
    "EventPanel",
    "Registration",
    "RegistrationLink",
    "Role",
    "Session",
    "WorkshopIndexPage",
    "WorkshopPage",
]
