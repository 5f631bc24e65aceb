"""The public side of registration, served as sub-URLs of a workshop or event page.

Pages behind a private link are never cached or indexed, and they say nothing about a
registration unless the link is right.
"""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.clients import client_key
from community.ratelimit import allow
from workshops import booking, conf
from workshops.forms import RegistrationForm
from workshops.ical import calendar_file
from workshops.models import Registration, RegistrationLink, Session

Purpose = RegistrationLink.Purpose


def _private(response):
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, max-age=0, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render(request, page, template, context=None, status=200):
    context = {"page": page, "self": page, **(context or {})}
    return _private(TemplateResponse(request, template, context, status=status))


def _find_link(page, token, purpose):
    link = RegistrationLink.objects.find(token, purpose)
    if link is None or link.registration.session.page_id != page.pk:
        return None
    return link


def _link_problem(request, page, message, status, session=None):
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


def _unknown_link(request, page):
    message = _("This link does not work (any more). Check that you copied the whole link.")
    return _link_problem(request, page, message, status=404)


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, page, session_id):
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
                booking.do_register(session, **form.booking_data())
            except booking.BookingError as error:
                form.add_error(None, error.message)
            else:
                return HttpResponseRedirect(page.route_url("check_mail", session_id=session.pk))
    context = {"session": session, "form": form, "open": session.accepts_registrations()}
    return _render(request, page, "workshops/register.html", context)


@require_http_methods(["GET", "HEAD"])
def check_mail(request, page, session_id):
    session = get_object_or_404(Session, pk=session_id, page_id=page.pk)
    hours = int(conf.confirm_link_lifetime().total_seconds() // 3600)
    return _render(request, page, "workshops/check_mail.html", {"session": session, "hours": hours})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, page, token):
    link = _find_link(page, token, Purpose.CONFIRM)
    if link is None:
        return _unknown_link(request, page)
    registration = link.registration
    if registration.status != Registration.Status.PENDING:
        return _render(request, page, "workshops/confirm_done.html", {"registration": registration})
    try:
        booking.check_can_confirm(link)
        if request.method == "POST":
            registration, token = booking.do_confirm(registration)
            if token is None:
                context = {"registration": registration}
                return _render(request, page, "workshops/confirm_done.html", context)
            return HttpResponseRedirect(page.route_url("registration", token=token))
    except booking.BookingError as error:
        return _link_problem(request, page, error.message, status=410, session=registration.session)
    context = {"registration": registration, "session": registration.session}
    return _render(request, page, "workshops/confirm.html", context)


@require_http_methods(["GET", "HEAD"])
def registration(request, page, token):
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None:
        return _unknown_link(request, page)
    registration = link.registration
    session = registration.session
    seated = registration.is_confirmed
    context = {
        "registration": registration,
        "session": session,
        # The join link is for people with a seat, and only until the session is over.
        "join_url": session.join_url if seated and not session.has_ended() else "",
        "ical_url": page.route_url("ical", token=token) if seated else "",
        "cancel_url": page.route_url("cancel", token=token) if _cancellable(registration) else "",
        "position": _waiting_position(registration),
        "retention_days": conf.retention_days(),
    }
    return _render(request, page, "workshops/registration.html", context)


@require_http_methods(["GET", "HEAD"])
def ical(request, page, token):
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None or not link.registration.is_confirmed:
        raise Http404
    registration = link.registration
    manage = request.build_absolute_uri(page.route_url("registration", token=token))
    response = HttpResponse(
        calendar_file(registration, manage_url=manage), content_type="text/calendar; charset=utf-8"
    )
    day = timezone.localtime(registration.session.starts_at).date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="kring-{day}.ics"'
    return _private(response)


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, page, token):
    link = _find_link(page, token, Purpose.MANAGE)
    if link is None:
        return _unknown_link(request, page)
    registration = link.registration
    back = page.route_url("registration", token=token)
    if not _cancellable(registration):
        return HttpResponseRedirect(back)
    if request.method == "POST":
        try:
            booking.do_cancel(registration)
        except booking.BookingError as error:
            return _link_problem(request, page, error.message, status=409)
        return HttpResponseRedirect(back)
    context = {"registration": registration, "session": registration.session, "back_url": back}
    return _render(request, page, "workshops/cancel.html", context)


def _cancellable(registration):
    try:
        booking.check_can_cancel(registration)
    except booking.BookingError:
        return False
    return True


def _waiting_position(registration):
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Registration.objects.filter(session_id=registration.session_id).waiting_list()
    ids = list(ahead.values_list("pk", flat=True))
    return ids.index(registration.pk) + 1 if registration.pk in ids else None
