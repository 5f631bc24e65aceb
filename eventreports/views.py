"""The asker's page: an address to receive the written answer to her question.

Reached from the live room. Only whoever asked a question can use it, recognised exactly as
the room recognises her (her account, or the guest token in this browser's session), so
nobody can attach an address to someone else's question, nor learn what anyone else asked.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from community.clients import client_key
from community.private import private_view
from community.ratelimit import allow
from community.tokens import token_digest
from eventreports import answers, conf
from eventreports.forms import AddressForm
from live.models import LiveRoom, Participant
from live.services.base import guest_in


def asker_in(room: LiveRoom, request: HttpRequest) -> Participant | None:
    """This browser's participant in `room`, as the room knows it; never created here."""
    if request.user.is_authenticated:
        return Participant.objects.filter(room=room, user=request.user).first()
    guest = guest_in(request.session)
    if guest is None:
        return None
    return Participant.objects.filter(room=room, guest_key=token_digest(guest["token"])).first()


@private_view
def leave_address(request: HttpRequest, slug: str) -> HttpResponse:
    room = get_object_or_404(
        LiveRoom.objects.select_related("panel__page"), slug=slug, panel__isnull=False
    )
    panel = room.panel
    assert panel is not None  # the lookup asks for a room with a panel
    participant = asker_in(room, request)
    questions = answers.asker_questions(participant) if participant else None
    days = conf.address_retention_days()
    form = None
    if participant is not None and questions is not None and questions.exists():
        form = AddressForm(questions=questions, days=days)
        if request.method == "POST":
            if "forget" in request.POST:
                return _forget(request, room, participant, request.POST.get("forget"))
            form = AddressForm(request.POST, questions=questions, days=days)
            if form.is_valid():
                return _save(request, room, participant, form)
    elif request.method == "POST":
        raise PermissionDenied
    stored = set()
    if questions is not None:
        stored = set(questions.filter(answer_request__isnull=False).values_list("pk", flat=True))
    return render(
        request,
        "eventreports/address.html",
        {
            "room": room,
            "event": panel.page,
            "form": form,
            "questions": list(questions) if questions is not None else [],
            "stored": stored,
            "days": days,
        },
        status=400 if form is not None and form.is_bound else 200,
    )


def _save(
    request: HttpRequest, room: LiveRoom, participant: Participant, form: AddressForm
) -> HttpResponse:
    if not allow(
        f"answer-address:{client_key(request, 'answer-address')}",
        conf.SAVES_PER_CLIENT_PER_HOUR,
        3600,
    ):
        messages.error(
            request, _("You have saved an address often in a short time. Please try again later.")
        )
        return redirect("eventreports:address", slug=room.slug)
    for question in form.cleaned_data["questions"]:
        answers.do_leave_address(
            participant,
            question,
            email=form.cleaned_data["email"],
            language=translation.get_language(),
        )
    messages.success(
        request,
        _("Thank you. We will send the written answer to this address, and then delete it."),
    )
    return redirect("eventreports:address", slug=room.slug)


def _forget(
    request: HttpRequest, room: LiveRoom, participant: Participant, question_id: str | None
) -> HttpResponse:
    if not question_id or not question_id.isdigit():
        raise PermissionDenied
    question = answers.asker_questions(participant).filter(pk=question_id).first()
    if question is None:
        raise PermissionDenied
    answers.do_forget_address(participant, question)
    messages.success(request, _("Your address is deleted. You will not get the answer by e-mail."))
    return redirect("eventreports:address", slug=room.slug)
