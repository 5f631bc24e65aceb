"""An update posted in the admin (or anywhere) is mailed to followers once it is committed."""

from django.db import transaction
from django.db.models.signals import post_save

from commitments import caching


def _update_saved(sender, instance, created, **kwargs) -> None:
    if created and instance.notified_at is None:
        from commitments.following import notify_followers

        commitment_id = instance.commitment_id
        transaction.on_commit(lambda: notify_followers(commitment_id))


def connect() -> None:
    from commitments.models import CommitmentUpdate

    caching.connect()
    post_save.connect(_update_saved, sender=CommitmentUpdate, dispatch_uid="commitments.notify")
