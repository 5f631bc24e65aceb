from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from community.clients import client_key
from community.private import private_view
from community.ratelimit import allow
from moderation import conf
from moderation.forms import ReportForm
from moderation.registry import adapter_for_slug
from moderation.reporters import origin
from moderation.reports import do_report


@private_view
def report(request: HttpRequest, slug: str, object_id: str) -> HttpResponse:
    adapter = adapter_for_slug(slug)
    item = adapter.get(object_id) if adapter else None
    if adapter is None or item is None or adapter.is_hidden(item):
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    context = {
        "form": form,
        "item": item,
        "title": adapter.title(item),
        "excerpt": adapter.excerpt(item),
        "label": adapter.label,
    }
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            # A bot filled in the hidden field: thank it and record nothing.
            return render(request, "moderation/report_thanks.html", context)
        reporter = client_key(request, "report")
        if not allow(f"report:{reporter}", conf.REPORTS_PER_CLIENT_PER_HOUR, 60 * 60):
            form.add_error(
                None, _("You have sent many reports in a short time. Please try again later.")
            )
        else:
            do_report(
                origin(request),
                item,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
            # Back to where the reporter was, if it is still there (a chat message's room).
            context["back_url"] = adapter.public_url(item)
            return render(request, "moderation/report_thanks.html", context)
    return render(
        request, "moderation/report_form.html", context, status=400 if form.errors else 200
    )
