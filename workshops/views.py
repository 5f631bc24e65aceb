"""The public side of registration, served as sub-URLs of a workshop or event page.

Every answer here concerns one person (her form, her private links), so every view is a
`@private_view` (community.private): never stored, indexed or named in a Referer, redirects
included. They say nothing about a registration unless the link is right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.clients import client_key
from community.private import private_view
from community.ratelimit import allow
from live import permissions
from live.models import LiveRoom
from workshops import booking, conf
from workshops.forms import DetailsForm, RegistrationForm
from workshops.ical import calendar_file
from workshops.models import BookablePage, Registration, RegistrationLink, Session

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Purpose = RegistrationLink.Purpose


def _render(
    request: HttpRequest,
    page: BookablePage,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
) -> TemplateResponse:
    context = {"page": page, "self": page, **(context or {})}
    return TemplateResponse(request, template, context, status=status)


def _find_link(page: BookablePage, token: str, purpose: str) -> RegistrationLink | None:
    link = RegistrationLink.objects.find(token, purpose)
    if link is None or link.registration.session.page_id != page.pk:
        return None
    return link


def _link_problem(
    request: HttpRequest,
    page: BookablePage,
    message: StrOrPromise,
    status: int,
    session: Session | None = None,
) -> TemplateResponse:
    register_url = None
    if session is not None and session.accepts_registrations():
        register_url = page.route_url("register", session_id=session.pk)
    return _render(
        request,
        page,
        "workshops/link_problem.html",
        {"message": message, "register_url": register_url},
        status=status,
    )


def _unknown_link(request: HttpRequest, page: BookablePage) -> TemplateResponse:
    message = _("This link does not work (any more). Check that you copied the whole link.")
    return _link_problem(request, page, message, status=404)


@require_http_methods(["GET", "HEAD", "POST"])
@private_view
def register(request: HttpRequest, page: BookablePage, session_id: int) -> HttpResponse:
    session = get_object_or_404(Session.objects.with_counts(), pk=session_id, page_id=page.pk)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and session.accepts_registrations():
        key = client_key(request, "workshops:register")
        if not allow(key, conf.ATTEMPTS_PER_CLIENT_PER_HOUR, 60 * 60):
            form.add_error(
                None, _("That was a lot of attempts in a short time. Please try again in an hour.")
            )
        elif form.is_valid():
            try:
                booking.do_register(request.user, session, **form.booking_data())
            except booking.BookingError as error:
                form.add_error(None, error.message)
            else:
                return HttpResponseRedirect(page.route_url("check_mail", session_id=session.pk))
    context = {"session": session, "form": form, "open": session.accepts_registrations()}
    return _render(request, page, "workshops/register.html", context)


@require_http_methods(["GET", "HEAD"])
@private_view
def check_mail(request: HttpRequest, page: BookablePage, session_id: int) -> HttpResponse:
    session = get_object_or_404(Session, pk=session_id, page_id=page.pk)
    hours = int(conf.confirm_link_lifetime().total_seconds() // 3600)
    return _render(request, page, "workshops/check_mail.html", {"session": session, "hours": hours})


@require_http_methods(["GET", "HEAD", "POST"])
@private_view
def confirm(request: HttpRequest, page: BookablePage, token: str) -> HttpResponse:
    link = _find_link(page, token, Purpose.CONFIRM)
    if link is None:
        return _unknown_link(request, page)
    registration = link.registration
    if registration.status != Registration.Status.PENDING:
        return _render(request, page, "workshops/confirm_done.html", {"registration": registration})
    try:
        booking.check_can_confirm(request.user, link)
        if request.method == "POST":
            registration, manage = booking.do_confirm(request.user, registration)
            if manage is None:
                context = {"registration": registration}
                return _render(request, page, "workshops/confirm_done.html", context)
            return HttpResponseRedirect(page.route_url("registration", token=manage))
    except booking.BookingError as error:
        return _link_problem(request, page, error.message, status=410, session=registration.session)
    context = {"registration": registration, "session": registration.session}
    return _render(request, page, "workshops/confirm.html", context)


@require_http_methods(["GET", "HEAD"])
@private_view
def registration(request: HttpRequest, page: BookablePage, token: str) -> HttpResponse:
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None:
        return _unknown_link(request, page)
    registration = link.registration
    session = registration.session
    seated = registration.is_confirmed and not session.has_ended()
    context = {
        "registration": registration,
        "session": session,
        # Her own way in, through Kring: it works only while she holds a seat.
        "join_url": page.route_url("join_mine", token=token) if seated else "",
        "ical_url": page.route_url("ical", token=token) if registration.is_confirmed else "",
        "cancel_url": page.route_url("cancel", token=token)
        if _cancellable(request, registration)
        else "",
        "change_url": page.route_url("change", token=token)
        if _changeable(request, registration)
        else "",
        "register_again_url": (
            page.route_url("register", session_id=session.pk)
            if registration.status == Registration.Status.CANCELLED
            and session.accepts_registrations()
            else ""
        ),
        "position": _waiting_position(registration),
        "retention_days": conf.retention_days(),
    }
    return _render(request, page, "workshops/registration.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@private_view
def change(request: HttpRequest, page: BookablePage, token: str) -> HttpResponse:
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None:
        return _unknown_link(request, page)
    registration = link.registration
    back = page.route_url("registration", token=token)
    if not _changeable(request, registration):
        return HttpResponseRedirect(back)
    initial = {
        "pseudonym": registration.pseudonym,
        "needs": registration.needs,
        "interpreter": registration.interpreter,
        "role": registration.role,
    }
    form = DetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            booking.do_change_details(request.user, registration, **form.details())
        except booking.BookingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your details have been changed."))
            return HttpResponseRedirect(back)
    context = {
        "registration": registration,
        "session": registration.session,
        "form": form,
        "back_url": back,
    }
    return _render(request, page, "workshops/change.html", context)


@require_http_methods(["GET", "HEAD"])
@private_view
def join(request: HttpRequest, page: BookablePage, token: str) -> HttpResponse:
    """Her personal link to join, from a mail: valid while her registration holds a seat."""
    link = _find_link(page, token, Purpose.JOIN)
    if link is None:
        return _unknown_link(request, page)
    return _join(request, page, link.registration)


@require_http_methods(["GET", "HEAD"])
@private_view
def join_from_registration(request: HttpRequest, page: BookablePage, token: str) -> HttpResponse:
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None:
        return _unknown_link(request, page)
    return _join(request, page, link.registration)


def _join(request: HttpRequest, page: BookablePage, registration: Registration) -> HttpResponse:
    session = registration.session
    if not registration.is_confirmed or session.has_ended():
        message = _(
            "This link to join works only while you have a place, until the session is over."
        )
        return _link_problem(request, page, message, status=410, session=session)
    # This browser may now take part in the page's rooms, if they are for registered people.
    permissions.remember_registration(request.session, page.pk, registration.pk)
    rooms = list(
        LiveRoom.objects.filter(Q(panel__page_id=page.pk) | Q(session_id=session.pk)).order_by(
            "panel__sort_order", "pk"
        )
    )
    if not rooms and session.join_url:
        return HttpResponseRedirect(session.join_url)
    context = {"registration": registration, "session": session, "rooms": rooms}
    return _render(request, page, "workshops/join.html", context)


@require_http_methods(["GET", "HEAD"])
@private_view
def ical(request: HttpRequest, page: BookablePage, token: str) -> HttpResponse:
    """The session for her calendar: no private link in it, as calendars are often shared."""
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None or not link.registration.is_confirmed:
        raise Http404
    registration = link.registration
    public = request.build_absolute_uri(page.url)
    response = HttpResponse(
        calendar_file(registration, page_url=public), content_type="text/calendar; charset=utf-8"
    )
    day = timezone.localtime(registration.session.starts_at).date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="kring-{day}.ics"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@private_view
def cancel(request: HttpRequest, page: BookablePage, token: str) -> HttpResponse:
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None:
        return _unknown_link(request, page)
    registration = link.registration
    back = page.route_url("registration", token=token)
    if not _cancellable(request, registration):
        return HttpResponseRedirect(back)
    if request.method == "POST":
        try:
            booking.do_cancel(request.user, registration)
        except booking.BookingError as error:
            return _link_problem(request, page, error.message, status=409)
        return HttpResponseRedirect(back)
    context = {"registration": registration, "session": registration.session, "back_url": back}
    return _render(request, page, "workshops/cancel.html", context)


def _passes(
    check: Callable[[booking.Actor, Registration], None],
    request: HttpRequest,
    registration: Registration,
) -> bool:
    """Do the booking rules allow this (`check` is one of booking's check_* functions)?"""
    try:
        check(request.user, registration)
    except booking.BookingError:
        return False
    return True


def _cancellable(request: HttpRequest, registration: Registration) -> bool:
    return _passes(booking.check_can_cancel, request, registration)


def _changeable(request: HttpRequest, registration: Registration) -> bool:
    return _passes(booking.check_can_change, request, registration)


def _waiting_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Registration.objects.filter(session_id=registration.session_id).waiting_list()
    ids = list(ahead.values_list("pk", flat=True))
    return ids.index(registration.pk) + 1 if registration.pk in ids else None
