"""Removing a reported item for good: a reason and a confirmation first, since nothing undoes it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from moderation.forms import RemoveForm
from moderation.hide_views import ItemConfirmView
from moderation.reports import do_decide


class RemoveView(ItemConfirmView):
    action = "remove"
    form_class = RemoveForm
    template_name = "moderation/admin/remove_confirm.html"
    page_title = gettext_lazy("Remove")

    def confirmed(self, data, title):
        do_decide(
            self.item, "remove", user=self.request.user, why=data["note"], reason=data["reason"]
        )
        messages.success(
            self.request,
            _("“%(title)s” is removed for good and its reports are closed.") % {"title": title},
        )
