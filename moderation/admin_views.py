"""The moderators' queue in the Wagtail admin: everything that waits for a human, in one place."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import WorkflowState

from moderation.forms import DecisionForm
from moderation.registry import NotRestorable, adapter_for_slug
from moderation.reports import do_decide, queue

PERMISSION = "moderation.moderate_content"


def can_moderate(user):
    return user.is_active and user.has_perm(PERMISSION)


def waiting_summary():
    """How much waits for moderators, and since when: for the queue and the dashboard."""
    reported = queue()
    in_review = WorkflowState.objects.active().select_related("current_task_state")
    oldest = [row["oldest"] for row in reported]
    oldest += [
        state.current_task_state.started_at for state in in_review if state.current_task_state
    ]
    return {
        "reported": reported,
        "in_review": in_review,
        "count": len(reported) + in_review.count(),
        "oldest": min(oldest) if oldest else None,
    }


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/admin/queue.html"
    page_title = gettext_lazy("Moderation queue")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(waiting_summary())
        context["now"] = timezone.now()
        context["decision_form"] = DecisionForm()
        return context

    def post(self, request):
        adapter = adapter_for_slug(request.POST.get("slug", ""))
        item = adapter.get(request.POST.get("object_id")) if adapter else None
        if item is None:
            raise Http404
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose what to do with this item."))
        else:
            action = form.cleaned_data["action"]
            title = adapter.title(item)
            try:
                do_decide(item, action, user=request.user, why=form.cleaned_data["why"])
            except (PermissionDenied, NotRestorable):
                messages.error(
                    request,
                    _(
                        "“%(title)s” cannot be changed from the queue: it has no open "
                        "reports, or moderation did not hide it."
                    )
                    % {"title": title},
                )
            else:
                messages.success(request, _("Done: “%(title)s”.") % {"title": title})
        return HttpResponseRedirect(reverse("moderation_queue"))
