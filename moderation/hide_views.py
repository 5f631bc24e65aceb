"""Hiding with a reason on a page of its own, and undoing it: plain forms, no JavaScript needed."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from moderation import conf
from moderation.admin_views import GONE, ModeratorOnlyMixin
from moderation.forms import HideForm
from moderation.hiding import (
    check_undo,
    do_hide,
    do_undo_hide,
    find_hide,
    reason_label,
    undo_deadline,
)
from moderation.models import Report
from moderation.queue import item_row
from moderation.registry import NotRestorable, Refused, adapter_for_slug
from moderation.reports import check_decision


def _back_to_queue():
    return HttpResponseRedirect(reverse("moderation_queue"))


def undo_url(adapter, item, entry):
    return reverse("moderation_undo_hide", args=[adapter.slug, item.pk, entry.pk])


class QueueStepView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page one step away from the queue, for moderators only."""

    header_icon = "warning"

    def get_breadcrumbs_items(self):
        queue = {"url": reverse("moderation_queue"), "label": _("Moderation queue")}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.page_title}]


class HideView(QueueStepView):
    """Step two of hiding: the moderator says why, then confirms. The queue's button leads here."""

    template_name = "moderation/admin/hide_confirm.html"
    page_title = gettext_lazy("Hide")

    def setup(self, request, *args, slug, object_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.adapter = adapter_for_slug(slug)
        self.item = self.adapter.get(object_id) if self.adapter else None

    def get_page_subtitle(self):
        return self.adapter.title(self.item)

    def get(self, request, *args, **kwargs):
        return self._show(HideForm())

    def post(self, request, *args, **kwargs):
        if "confirm" not in request.POST:
            # Came from the queue's row: carry over what the moderator typed there.
            return self._show(HideForm(initial={"note": request.POST.get("why", "")[:300]}))
        form = HideForm(request.POST)
        if not form.is_valid():
            return self._show(form, status=400)
        if self.item is None:
            messages.error(request, GONE)
            return _back_to_queue()
        title = self.adapter.title(self.item)
        try:
            entry = do_hide(
                request.user,
                self.item,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except (Refused, NotRestorable) as refused:
            messages.error(request, getattr(refused, "message", str(refused)))
            return _back_to_queue()
        messages.success(
            request,
            _(
                "“%(title)s” is hidden and its reports are closed. "
                "You can undo this until %(until)s."
            )
            % {"title": title, "until": _local(undo_deadline(entry))},
            buttons=[messages.button(undo_url(self.adapter, self.item, entry), _("Undo"))],
        )
        return _back_to_queue()

    def _show(self, form, status=200):
        if self.item is None:
            messages.error(self.request, GONE)
            return _back_to_queue()
        try:
            check_decision(self.request.user, self.item, "hide")
        except Refused as refused:
            messages.error(self.request, refused.message)
            return _back_to_queue()
        context = self.get_context_data(
            form=form,
            row=item_row(self.adapter, self.item),
            reports=Report.objects.open().for_item(self.item).count(),
            undo_hours=conf.hide_undo_hours(),
        )
        return self.render_to_response(context, status=status)


class UndoHideView(QueueStepView):
    """Undo a hiding: the result message links here (a link cannot post), the queue posts here."""

    template_name = "moderation/admin/undo_confirm.html"
    page_title = gettext_lazy("Undo hiding")

    def setup(self, request, *args, slug, object_id, entry_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.adapter, self.item, self.entry = find_hide(slug, object_id, entry_id)

    def get(self, request, *args, **kwargs):
        if self.item is None or self.entry is None:
            return self._gone()
        try:
            check_undo(request.user, self.item, self.entry)
        except Refused as refused:
            messages.error(request, refused.message)
            return _back_to_queue()
        data = self.entry.data or {}
        context = self.get_context_data(
            row=item_row(self.adapter, self.item),
            entry=self.entry,
            reason=reason_label(data.get("reason", "")),
            why=data.get("why", ""),
            deadline=undo_deadline(self.entry),
        )
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        if self.item is None or self.entry is None:
            return self._gone()
        title = self.adapter.title(self.item)
        try:
            result = do_undo_hide(request.user, self.item, self.entry)
        except Refused as refused:
            messages.error(request, refused.message)
        except NotRestorable:
            messages.error(
                request,
                _("“%(title)s” cannot be shown again: what was public then is gone.")
                % {"title": title},
            )
        else:
            if result["restored"]:
                text = _(
                    "Undone: “%(title)s” is visible again and its reports are back in the queue."
                )
            else:
                text = _("Undone: the reports on “%(title)s” are back in the queue.")
            messages.success(request, text % {"title": title})
        return _back_to_queue()

    def _gone(self):
        messages.error(
            self.request,
            _(
                "There is nothing to undo here: the item is gone, or it was not hidden by a "
                "moderator."
            ),
        )
        return _back_to_queue()


def _local(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
