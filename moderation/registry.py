"""What moderation needs to know about each kind of reportable content.

An app registers an adapter for its model; the report form, the queue and the decisions then
work the same for stories, chat messages and anything added later.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

_adapters = {}


class NotRestorable(Exception):
    """The item was not hidden by moderation, or what was public then is gone."""


class Refused(Exception):
    """An action that cannot be done on the item now; `message` tells the moderator why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Action:
    """An action on an item besides the decisions on its reports (posting, muting its writer).

    Such actions never close reports. `done` may name the item as %(title)s.
    """

    label: str
    done: str
    needs_why: bool = False
    danger: bool = False


class ModerationAdapter:
    """How to show, hide, restore and remove one kind of content. Subclass per model."""

    model = None
    slug = ""  # in report URLs: /melden/<slug>/<id>/
    label = ""
    # Shows the item where it appeared, under its row in the queue; gets context(item).
    context_template = None
    # {name: Action}: what else a moderator can do with items of this kind.
    actions = {}
    # Whether enough reports hide an item before a moderator decides, or only flag it.
    hide_on_reports = True

    def can_moderate(self, user):
        """Whether this moderator may see and act on this kind of content in the queue.

        The queue's own permission is already checked; an app may ask for more.
        """
        return True

    def get(self, object_id):
        try:
            return self.model._default_manager.filter(pk=object_id).first()
        except (ValueError, TypeError, ValidationError):
            return None

    def title(self, item):
        return str(item)

    def excerpt(self, item):
        return ""

    def public_url(self, item):
        return None

    def is_hidden(self, item):
        raise NotImplementedError

    def hide(self, item, user):
        """Hide the item; return what restore() needs (kept in the audit entry)."""
        raise NotImplementedError

    def restore(self, item, user, hidden):
        """Undo hide(); `hidden` is what hide() returned."""
        raise NotImplementedError

    def remove(self, item, user):
        raise NotImplementedError

    def author_email(self, item):
        """An address to tell the author that their content was hidden, if one is known."""
        return None

    def context(self, item):
        """What context_template needs to show the item where it appeared."""
        return {}

    def held(self):
        """Items that wait for a moderator before anyone sees them (not reported), oldest first."""
        return []

    def waiting_since(self, item):
        """Since when a held item waits."""
        raise NotImplementedError

    def allowed_actions(self, item):
        """The names in `actions` that a moderator may take on this item now."""
        return []

    def act(self, item, action, user, why):
        """Do one of allowed_actions(); raise Refused when the item no longer allows it."""
        raise NotImplementedError


class PageAdapter(ModerationAdapter):
    """Published pages: hiding unpublishes, restoring republishes the live revision.

    The moderation permission is the authority here, not the page tree's: moderators may hide
    a story they could not edit, so Wagtail's page-permission checks are skipped (its audit
    log still records who did it).
    """

    def get(self, object_id):
        try:
            return self.model.objects.filter(pk=object_id).first()
        except (ValueError, TypeError, ValidationError):
            return None

    def title(self, item):
        return item.title

    def excerpt(self, item):
        return Truncator(getattr(item, "search_description", "") or "").chars(200)

    def public_url(self, item):
        return item.url if item.live else None

    def is_hidden(self, item):
        return not item.live

    def hide(self, item, user):
        revision_id = item.live_revision_id
        UnpublishPageAction(item, user=user).execute(skip_permission_checks=True)
        return {"revision_id": revision_id}

    def restore(self, item, user, hidden):
        # Exactly the version that was public: never a later draft nobody approved.
        revision = item.revisions.filter(pk=hidden.get("revision_id")).first()
        if revision is None:
            raise NotRestorable
        revision.publish(user=user, skip_permission_checks=True)

    def remove(self, item, user):
        DeletePageAction(Page.objects.get(pk=item.pk), user=user).execute(
            skip_permission_checks=True
        )


def register(adapter):
    _adapters[adapter.slug] = adapter
    return adapter


def adapter_for_slug(slug):
    return _adapters.get(slug)


def adapter_for_model(model):
    for adapter in _adapters.values():
        if issubclass(model, adapter.model):
            return adapter
    return None


def adapters():
    return list(_adapters.values())
