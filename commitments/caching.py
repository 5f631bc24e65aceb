"""The commitments page in the anonymous page cache (community.page_cache).

The list depends on a scope of its own, bumped when a commitment or an update changes (not when
someone follows one, so the follow form cannot be used to empty the cache). Time does the rest:
a stored copy is not served past the moment a shown commitment turns late.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models.signals import post_delete, post_save

from community import page_cache

if TYPE_CHECKING:
    from django.http import HttpRequest

    from commitments.models import Commitment

SCOPE = "commitments"


def track(request: HttpRequest | None, commitments: Iterable[Commitment] = ()) -> None:
    """Tie this render to the commitments: call before reading them, then with those shown.

    Other pages that show commitments (the event report) call it too.
    """
    if request is None:
        return
    page_cache.depends_on(request, SCOPE)
    for commitment in commitments:
        page_cache.valid_until(request, commitment.late_from())


def _changed(sender: type, **kwargs: object) -> None:
    page_cache.bump_scope(SCOPE)


def connect() -> None:
    from commitments.models import Commitment, CommitmentUpdate

    for model in (Commitment, CommitmentUpdate):
        label = model._meta.model_name
        post_save.connect(_changed, sender=model, dispatch_uid=f"commitments.cache.{label}.save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"commitments.cache.{label}.del")
