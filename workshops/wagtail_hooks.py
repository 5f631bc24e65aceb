from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import LogActionRegistry
from wagtail.models import Page

from workshops.admin_views import WorkshopAdminGroup
from workshops.models import Registration


@hooks.register("register_admin_viewset")
def register_workshop_admin() -> WorkshopAdminGroup:
    return WorkshopAdminGroup()


@hooks.register("register_log_actions")
def register_workshop_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        "workshops.registration.cancel",
        gettext_lazy("Cancel registration"),
        gettext_lazy("Registration cancelled by an editor"),
    )
    actions.register_action(
        "workshops.registration.move",
        gettext_lazy("Move registration"),
        gettext_lazy("Registration moved to another session by an editor"),
    )


@hooks.register("before_delete_page")
def keep_pages_people_registered_for(request: HttpRequest, page: Page) -> HttpResponse | None:
    """A page whose sessions have registrations stays: people would lose them without a word."""
    registrations = Registration.objects.filter(session__page__path__startswith=page.path)
    if registrations.exists():
        messages.error(
            request,
            _(
                "This page (or a page under it) has sessions with registrations, so it cannot "
                "be deleted. Unpublish it instead; registrations are deleted automatically some "
                "time after their session."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
