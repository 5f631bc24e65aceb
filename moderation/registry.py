"""What moderation needs to know about each kind of reportable content.

An app registers an adapter for its model; the report form, the queue and the decisions then
work the same for stories, chat messages and anything added later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.text import Truncator
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import StrOrPromise

    from community.models import User

    # Who acts in the queue: request.user of a view that checked the moderation permission.
    Moderator = User | AnonymousUser

M = TypeVar("M", bound=Model)
# Hidden-state that hide() returns and restore() gets back; kept as JSON in the audit entry.
Hidden = dict[str, Any]

_adapters: dict[str, ModerationAdapter[Any]] = {}


class NotRestorable(Exception):
    """The item was not hidden by moderation, or what was public then is gone."""


class Refused(Exception):
    """An action that cannot be done on the item now; `message` tells the moderator why."""

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Action:
    """An action on an item besides the decisions on its reports (posting, muting its writer).

    Such actions never close reports. `done` may name the item as %(title)s.
    """

    label: StrOrPromise
    done: StrOrPromise
    needs_why: bool = False
    danger: bool = False


class ModerationAdapter(Generic[M]):
    """How to show, hide, restore and remove one kind of content. Subclass per model."""

    model: type[M]
    slug = ""  # in report URLs: /melden/<slug>/<id>/
    label: StrOrPromise = ""
    # Shows the item where it appeared, under its row in the queue; gets context(item).
    context_template: str | None = None
    # {name: Action}: what else a moderator can do with items of this kind.
    actions: dict[str, Action] = {}
    # Whether enough reports hide an item before a moderator decides, or only flag it.
    hide_on_reports = True

    def can_moderate(self, user: Moderator) -> bool:
        """Whether this moderator may see and act on this kind of content in the queue.

        The queue's own permission is already checked; an app may ask for more.
        """
        return True

    def get(self, object_id: str) -> M | None:
        try:
            return self.model._default_manager.filter(pk=object_id).first()
        except (ValueError, TypeError, ValidationError):
            return None

    def title(self, item: M) -> str:
        return str(item)

    def excerpt(self, item: M) -> str:
        return ""

    def public_url(self, item: M) -> str | None:
        return None

    def is_hidden(self, item: M) -> bool:
        raise NotImplementedError

    def hide(self, item: M, user: Moderator | None) -> Hidden:
        """Hide the item; return what restore() needs (kept in the audit entry)."""
        raise NotImplementedError

    def restore(self, item: M, user: Moderator | None, hidden: Hidden | None) -> None:
        """Undo hide(); `hidden` is what hide() returned."""
        raise NotImplementedError

    def remove(self, item: M, user: Moderator | None) -> None:
        raise NotImplementedError

    def author_email(self, item: M) -> str | None:
        """An address to tell the author that their content was hidden, if one is known."""
        return None

    def context(self, item: M) -> dict[str, Any]:
        """What context_template needs to show the item where it appeared."""
        return {}

    def held(self) -> Sequence[M]:
        """Items that wait for a moderator before anyone sees them (not reported), oldest first."""
        return []

    def waiting_since(self, item: M) -> datetime:
        """Since when a held item waits."""
        raise NotImplementedError

    def allowed_actions(self, item: M) -> list[str]:
        """The names in `actions` that a moderator may take on this item now."""
        return []

    def act(self, item: M, action: str, user: Moderator, why: str) -> None:
        """Do one of allowed_actions(); raise Refused when the item no longer allows it."""
        raise NotImplementedError


P = TypeVar("P", bound=Page)


class PageAdapter(ModerationAdapter[P]):
    """Published pages: hiding unpublishes, restoring republishes the live revision.

    The moderation permission is the authority here, not the page tree's: moderators may hide
    a story they could not edit, so Wagtail's page-permission checks are skipped (its audit
    log still records who did it).
    """

    def title(self, item: P) -> str:
        return str(item.title)

    def excerpt(self, item: P) -> str:
        return Truncator(getattr(item, "search_description", "") or "").chars(200)

    def public_url(self, item: P) -> str | None:
        return str(item.url) if item.live else None

    def is_hidden(self, item: P) -> bool:
        return not item.live

    def hide(self, item: P, user: Moderator | None) -> Hidden:
        revision_id = item.live_revision_id
        UnpublishPageAction(item, user=user).execute(skip_permission_checks=True)
        return {"revision_id": revision_id}

    def restore(self, item: P, user: Moderator | None, hidden: Hidden | None) -> None:
        # Exactly the version that was public: never a later draft nobody approved.
        revision = item.revisions.filter(pk=(hidden or {}).get("revision_id")).first()
        if revision is None:
            raise NotRestorable
        revision.publish(user=user, skip_permission_checks=True)

    def remove(self, item: P, user: Moderator | None) -> None:
        DeletePageAction(Page.objects.get(pk=item.pk), user=user).execute(
            skip_permission_checks=True
        )


A = TypeVar("A", bound=ModerationAdapter[Any])


def register(adapter: A) -> A:
    _adapters[adapter.slug] = adapter
    return adapter


def adapter_for_slug(slug: str) -> ModerationAdapter[Any] | None:
    return _adapters.get(slug)


def adapter_for_model(model: type[Model]) -> ModerationAdapter[Any] | None:
    for adapter in _adapters.values():
        if issubclass(model, adapter.model):
            return adapter
    return None


def adapter_of(item: Model) -> ModerationAdapter[Any]:
    """The adapter of an item that moderation already knows (reported, held or hidden)."""
    adapter = adapter_for_model(type(item))
    if adapter is None:
        raise LookupError(f"no moderation adapter for {type(item).__name__}")
    return adapter


def adapters() -> list[ModerationAdapter[Any]]:
    return list(_adapters.values())
