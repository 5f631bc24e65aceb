"""An update posted in the admin (or anywhere) is mailed to followers once it is committed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models.signals import post_save

from commitments import caching

if TYPE_CHECKING:
    from commitments.models import CommitmentUpdate


def _update_saved(
    sender: type[CommitmentUpdate], instance: CommitmentUpdate, created: bool, **kwargs: Any
) -> None:
    if created and instance.notified_at is None:
        from commitments.following import notify_followers

        commitment_id = instance.commitment_id
        transaction.on_commit(lambda: notify_followers(commitment_id))


def connect() -> None:
    from commitments.models import CommitmentUpdate

    caching.connect()
    post_save.connect(_update_saved, sender=CommitmentUpdate, dispatch_uid="commitments.notify")
