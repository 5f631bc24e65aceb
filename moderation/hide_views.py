"""Hiding with a reason on a page of its own, and undoing it: plain forms, no JavaScript needed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
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
from moderation.hiding import check_undo, do_hide, do_undo_hide, find_hide, undo_deadline
from moderation.models import Report, reason_label
from moderation.queue import item_row
from moderation.registry import ModerationAdapter, NotRestorable, Refused, adapter_for_slug
from moderation.reports import check_decision

if TYPE_CHECKING:
    from wagtail.models import BaseLogEntry


def _back_to_queue() -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("moderation_queue"))


def undo_url(adapter: ModerationAdapter[Any], item: Model, entry: BaseLogEntry) -> str:
    return reverse("moderation_undo_hide", args=[adapter.slug, item.pk, entry.pk])


class QueueStepView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page one step away from the queue, for moderators only."""

    header_icon = "warning"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        queue = {"url": reverse("moderation_queue"), "label": _("Moderation queue")}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.page_title}]


class ItemConfirmView(QueueStepView):
    """Step two of a decision on a reported item: the moderator says why, then confirms.

    The queue's button leads here with what was typed in its row. Subclasses name the action,
    its form and what confirming does."""

    action = ""
    form_class: type[HideForm] = HideForm

    def setup(
        self, request: HttpRequest, *args: Any, slug: str, object_id: str, **kwargs: Any
    ) -> None:
        super().setup(request, *args, **kwargs)
        adapter = adapter_for_slug(slug)
        item = adapter.get(object_id) if adapter else None
        # (adapter, item), or None when the item is gone
        self.found = (adapter, item) if adapter is not None and item is not None else None

    def get_page_subtitle(self) -> str:
        return self.found[0].title(self.found[1]) if self.found else ""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self._show(self.form_class())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "confirm" not in request.POST:
            # Came from the queue's row: carry over what the moderator typed there.
            note = request.POST.get("why", "")[:300]
            return self._show(self.form_class(initial={"note": note}))
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self._show(form, status=400)
        if self.found is None:
            messages.error(request, GONE)
            return _back_to_queue()
        adapter, item = self.found
        try:
            self.confirmed(adapter, item, form.cleaned_data)
        except (Refused, NotRestorable) as refused:
            messages.error(request, getattr(refused, "message", str(refused)))
        return _back_to_queue()

    def confirmed(self, adapter: ModerationAdapter[Any], item: Model, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def confirm_context(self) -> dict[str, Any]:
        return {}

    def _show(self, form: HideForm, status: int = 200) -> HttpResponse:
        if self.found is None:
            messages.error(self.request, GONE)
            return _back_to_queue()
        adapter, item = self.found
        try:
            check_decision(self.request.user, item, self.action)
        except Refused as refused:
            messages.error(self.request, refused.message)
            return _back_to_queue()
        context = self.get_context_data(
            form=form,
            row=item_row(adapter, item),
            reports=Report.objects.open().for_item(item).count(),
            **self.confirm_context(),
        )
        response: HttpResponse = self.render_to_response(context, status=status)
        return response


class HideView(ItemConfirmView):
    """Hiding: out of sight, not deleted, and undone from the message that follows."""

    action = "hide"
    template_name = "moderation/admin/hide_confirm.html"
    page_title = gettext_lazy("Hide")

    def confirmed(self, adapter: ModerationAdapter[Any], item: Model, data: dict[str, Any]) -> None:
        title = adapter.title(item)
        entry = do_hide(self.request.user, item, reason=data["reason"], note=data["note"])
        messages.success(
            self.request,
            _(
                "“%(title)s” is hidden and its reports are closed. "
                "You can undo this until %(until)s."
            )
            % {"title": title, "until": _local(undo_deadline(entry))},
            buttons=[messages.button(undo_url(adapter, item, entry), _("Undo"))],
        )

    def confirm_context(self) -> dict[str, Any]:
        return {"undo_hours": conf.hide_undo_hours()}


class UndoHideView(QueueStepView):
    """Undo a hiding: the result message links here (a link cannot post), the queue posts here."""

    template_name = "moderation/admin/undo_confirm.html"
    page_title = gettext_lazy("Undo hiding")

    def setup(
        self,
        request: HttpRequest,
        *args: Any,
        slug: str,
        object_id: str,
        entry_id: int,
        **kwargs: Any,
    ) -> None:
        super().setup(request, *args, **kwargs)
        adapter, item, entry = find_hide(slug, object_id, entry_id)
        # (adapter, item, the hiding's audit entry), or None when there is nothing to undo
        self.found = (
            (adapter, item, entry)
            if adapter is not None and item is not None and entry is not None
            else None
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.found is None:
            return self._gone()
        adapter, item, entry = self.found
        try:
            check_undo(request.user, item, entry)
        except Refused as refused:
            messages.error(request, refused.message)
            return _back_to_queue()
        data = entry.data or {}
        context = self.get_context_data(
            row=item_row(adapter, item),
            entry=entry,
            reason=reason_label(data.get("reason", "")),
            why=data.get("why", ""),
            deadline=undo_deadline(entry),
        )
        response: HttpResponse = self.render_to_response(context)
        return response

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.found is None:
            return self._gone()
        adapter, item, entry = self.found
        title = adapter.title(item)
        try:
            result = do_undo_hide(request.user, item, entry)
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

    def _gone(self) -> HttpResponse:
        messages.error(
            self.request,
            _(
                "There is nothing to undo here: the item is gone, or it was not hidden by a "
                "moderator."
            ),
        )
        return _back_to_queue()


def _local(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
