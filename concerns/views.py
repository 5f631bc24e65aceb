"""Thin views behind ConcernPage's routes; the rules live in signals_service, addresses and pow."""

from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render

from community.clients import client_key
from concerns import pow, signals_service
from concerns.forms import ConcernForm, LinkActionForm

CLIENT_PURPOSE = "concerns"
READ = ("GET", "HEAD")


def _context(page, **extra):
    return {"page": page, "self": page, **extra}


def concern_form(request, page):
    if request.method not in (*READ, "POST"):
        return HttpResponseNotAllowed([*READ, "POST"])
    form = ConcernForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        checked = pow.verify(form.cleaned_data["altcha"])
        outcome = signals_service.submit_signal(
            form.address.key, client_key(request, CLIENT_PURPOSE), checked=checked
        )
        link = None
        if outcome.token:
            link = request.build_absolute_uri(
                page.url + page.reverse_subpage("private_link", kwargs={"token": outcome.token})
            )
        context = _context(
            page,
            outcome=outcome,
            band=outcome.band,
            private_link=link,
            noticed=form.noticed_labels(),
            when=form.when_label(),
            checked=checked,
        )
        return render(request, "concerns/result.html", context)
    return render(
        request,
        "concerns/concern_page.html",
        _context(page, form=form, challenge_url=page.url + page.reverse_subpage("challenge")),
    )


def challenge(request, page):
    if request.method not in READ:
        return HttpResponseNotAllowed(READ)
    return JsonResponse(pow.new_challenge())


def private_link(request, page, token):
    if request.method not in (*READ, "POST"):
        return HttpResponseNotAllowed([*READ, "POST"])
    signal = signals_service.find_signal(token)
    if signal is None:
        return render(request, "concerns/link_gone.html", _context(page), status=404)
    client = client_key(request, CLIENT_PURPOSE)
    notice = None
    if request.method == "POST":
        action = LinkActionForm(request.POST)
        chosen = action.cleaned_data["action"] if action.is_valid() else None
        if chosen == "withdraw" and not action.cleaned_data["confirm"]:
            return render(
                request, "concerns/withdraw_confirm.html", _context(page, action_url=request.path)
            )
        if chosen == "withdraw":
            signals_service.withdraw(signal, client)
            return render(request, "concerns/withdrawn.html", _context(page))
        if chosen == "called":
            signals_service.say_called(token)
            notice = "called"
    band = signals_service.band_for_link(signal, client)
    return render(
        request,
        "concerns/private_link.html",
        _context(page, band=band, notice=notice, action_url=request.path),
    )
