"""The moderators' queue in the Wagtail admin: everything that waits for a human, in one place."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from community.models import User
from moderation.forms import DecisionForm
from moderation.hiding import recent_hides
from moderation.models import Report
from moderation.queue import waiting_summary
from moderation.registry import NotRestorable, Refused, adapter_for_slug
from moderation.reports import do_moderate

PERMISSION = "moderation.moderate_content"
# The decisions that are confirmed on a page of their own, and that page.
CONFIRMED = {"hide": "moderation_hide", "remove": "moderation_remove"}
GONE = gettext_lazy("This item no longer exists. Another moderator may have removed it.")


def can_moderate(user: User | AnonymousUser) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _decides_on_reports(adapter: Any, item: Model | None, action: str) -> bool:
    """Whether `action` is a decision on the item's open reports rather than its app's own."""
    if item is None:
        return True  # the confirmation page says that it is gone
    if action in adapter.allowed_actions(item):
        return False
    return Report.objects.open().for_item(item).exists()


class ModeratorOnlyMixin(View):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # A plain 403 rather than Wagtail's redirect to the dashboard: whoever lacks the
        # permission (an editor, a moderator of stories acting on chat) gets nothing here.
        try:
            if not can_moderate(request.user):
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as denied:
            return permission_denied(request, denied)


class QueueView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/admin/queue.html"
    page_title = gettext_lazy("Moderation queue")
    header_icon = "warning"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context.update(waiting_summary(self.request.user))
        context["recently_hidden"] = recent_hides(self.request.user)
        context["now"] = timezone.now()
        return context

    def post(self, request: HttpRequest) -> HttpResponseRedirect:
        adapter = adapter_for_slug(request.POST.get("slug", ""))
        item = adapter.get(request.POST.get("object_id", "")) if adapter else None
        action = request.POST.get("action", "")
        if action in CONFIRMED and _decides_on_reports(adapter, item, action):
            # Hiding and removing need a reason and a confirmation: a page of their own. (A
            # held chat message's own "remove" is not among them: nobody has seen it yet.)
            try:
                args = [request.POST.get("slug", ""), request.POST.get("object_id", "")]
                url = reverse(CONFIRMED[action], args=args)
            except NoReverseMatch:
                url = reverse("moderation_queue")
                messages.error(request, GONE)
            return HttpResponseRedirect(url)
        form = DecisionForm(request.POST)
        if adapter is None or item is None:
            messages.error(request, GONE)
        elif not form.is_valid():
            messages.error(request, _("Choose what to do with this item."))
        else:
            title = adapter.title(item)
            action = form.cleaned_data["action"]
            try:
                do_moderate(request.user, item, action, why=form.cleaned_data["why"])
            except Refused as refused:
                messages.error(request, refused.message)
            except NotRestorable:
                messages.error(
                    request,
                    _("“%(title)s” cannot be restored: what was public then is gone.")
                    % {"title": title},
                )
            else:
                done = adapter.actions[action].done if action in adapter.actions else None
                messages.success(request, (done or _("Done: “%(title)s”.")) % {"title": title})
        return HttpResponseRedirect(reverse("moderation_queue"))
