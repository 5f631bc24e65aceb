"""Commitment models, split by concept: the commitments, their followers, the public page."""

from commitments.models.commitments import (
    Commitment,
    CommitmentQuerySet,
    CommitmentUpdate,
    Role,
    Shown,
    Status,
)
from commitments.models.followers import Follower, FollowerLink
from commitments.models.pages import CommitmentIndexPage

__all__ = [
    "Commitment",
    "CommitmentIndexPage",
    "CommitmentQuerySet",
    "CommitmentUpdate",
    "Follower",
    "FollowerLink",
    "Role",
    "Shown",
    "Status",
]
