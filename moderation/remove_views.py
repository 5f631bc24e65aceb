"""Removing a reported item for good: a reason and a confirmation first, since nothing undoes it."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from moderation.forms import RemoveForm
from moderation.hide_views import ItemConfirmView
from moderation.registry import ModerationAdapter
from moderation.reports import do_decide


class RemoveView(ItemConfirmView):
    action = "remove"
    form_class = RemoveForm
    template_name = "moderation/admin/remove_confirm.html"
    page_title = gettext_lazy("Remove")

    def confirmed(self, adapter: ModerationAdapter[Any], item: Model, data: dict[str, Any]) -> None:
        # The title before the item is gone: the message names what was removed.
        title = adapter.title(item)
        do_decide(self.request.user, item, "remove", why=data["note"], reason=data["reason"])
        messages.success(
            self.request,
            _("“%(title)s” is removed for good and its reports are closed.") % {"title": title},
        )
