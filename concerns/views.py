"""Thin views behind ConcernPage's routes; the rules live in signals_service, links and pow."""

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from wagtail.models import Page

from community.clients import client_key
from concerns import conf, links, pow, signals_service
from concerns.forms import ConcernForm, DoneForm, LinkActionForm

CLIENT_PURPOSE = "concerns"
READ = ("GET", "HEAD")


def _context(page: Page, **extra: Any) -> dict[str, Any]:
    return {"page": page, "self": page, **extra}


def _client(request: HttpRequest) -> str:
    return client_key(request, CLIENT_PURPOSE, v6_prefix=conf.v6_prefix())


def concern_form(request: HttpRequest, page: Page) -> HttpResponse:
    if request.method not in (*READ, "POST"):
        return HttpResponseNotAllowed([*READ, "POST"])
    form = ConcernForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and form.address is not None:
        checked = pow.verify(form.cleaned_data["altcha"])
        outcome = signals_service.submit_signal(form.address.key, _client(request), checked=checked)
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


def challenge(request: HttpRequest, page: Page) -> HttpResponse:
    if request.method not in READ:
        return HttpResponseNotAllowed(READ)
    return JsonResponse(pow.new_challenge())


def private_link(request: HttpRequest, page: Page, token: str) -> HttpResponse:
    if request.method not in (*READ, "POST"):
        return HttpResponseNotAllowed([*READ, "POST"])
    signal = links.find_signal(token)
    if signal is None:
        return render(request, "concerns/link_gone.html", _context(page), status=404)
    client = _client(request)
    notice = None
    done_form = None
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
            links.say_called(token)
            notice = "called"
        if chosen == "done":
            done_form = DoneForm(request.POST)
            if done_form.is_valid():
                links.say_done(token, done_form.cleaned_data["answer"])
                notice, done_form = "done", None
    elif request.method == "GET" and links.came_back(token) and not links.answered(token):
        # From the second visit on: by then there may be something to tell.
        done_form = DoneForm()
    band = signals_service.band_for_link(signal, client)
    return render(
        request,
        "concerns/private_link.html",
        _context(page, band=band, notice=notice, action_url=request.path, done_form=done_form),
    )
