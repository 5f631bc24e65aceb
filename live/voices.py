"""Where the views differ, and where they meet: a statement's results split by role.

`split_by_role(statement)` is the one way to show how each role voted, in the room (live for
moderators, for everyone once the statement closed) and on the event report. It reads raw
counts (the votes while the statement is open, `Statement.role_counts` after it closed) and
applies the rules of figures.aggregation before anything is shown:

- a role with fewer than K (5) voters is shown as "te weinig stemmen", zero included;
- the statement's total is public (the room shows it), so when exactly one role would be
  hidden, total minus the shown roles would give its voters back: the smallest shown role is
  hidden as well (figures.aggregation.protect on the line "roles add up to the total");
- and while the hidden roles together hold 1 to K-1 voters, the public counts per answer
  would give their votes back as a group: the smallest shown role is hidden too.

Shares are whole percentages of the role's own voters. Voter counts of shown roles are
exact: the statement's own results are public and exact, and the shares would give the exact
counts back anyway, so rounding them here would protect nothing.

`gap` is the agree share of experience experts minus that of policy makers, in percentage
points (None when either is hidden). A statement is a *bridge* when at least two roles are
shown and every shown role agrees by BRIDGE_SHARE % or more, or every one disagrees by that
much. "I'd rather not say" is a group of its own in the table, but not a role a bridge needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import ClassVar

from django.db.models import Count

from figures.aggregation import K, protect
from live.models import Statement, StatementVote
from workshops.models import Role

# A vote's choices, in the order results show them: defined once, in the model.
CHOICES = tuple(StatementVote.Choice.values)
ROLES = tuple(Role.values)  # the order of the table: "I'd rather not say" first
BRIDGE_SHARE = 60

Counts = Mapping[str, Mapping[str, int]]


@dataclass(frozen=True)
class RoleShare:
    """One role's row: None everywhere when it had too few voters ("te weinig stemmen")."""

    role: str
    voters: int | None
    agree: int | None
    disagree: int | None
    neutral: int | None

    @property
    def suppressed(self) -> bool:
        return self.voters is None

    @property
    def label(self) -> str:
        return str(Role(self.role).label)


@dataclass(frozen=True)
class StatementSplit:
    """A statement's results by role, safe to show as they are."""

    total: int
    roles: tuple[RoleShare, ...]
    gap: int | None
    is_bridge: bool
    # "agree" or "disagree" on a bridge: what every shown role said by BRIDGE_SHARE % or more.
    bridge: str | None

    bridge_share: ClassVar[int] = BRIDGE_SHARE
    min_voters: ClassVar[int] = K

    @property
    def gap_points(self) -> int | None:
        """The gap without its sign, for a sentence; the table shows who agrees more."""
        return None if self.gap is None else abs(self.gap)

    def role(self, role: str) -> RoleShare:
        return next(row for row in self.roles if row.role == role)

    def as_dict(self) -> dict[str, object]:
        """For room.state, events and the report's JSON (no labels: clients translate)."""
        data = asdict(self)
        data["roles"] = [asdict(row) for row in self.roles]
        return data


def _share(part: int, whole: int) -> int:
    return round(100 * part / whole)


def _hidden(voters: list[int]) -> list[bool]:
    table = protect([[count] for count in voters], column_totals=True)
    hidden = [row[0] is None for row in table.cells]
    while 0 < sum(v for v, h in zip(voters, hidden, strict=True) if h) < K:
        shown = [index for index, h in enumerate(hidden) if not h]
        if not shown:
            break
        hidden[min(shown, key=lambda index: (voters[index], index))] = True
    return hidden


def split_counts(counts: Counts) -> StatementSplit:
    """The split of raw counts {role: {choice: votes}}; roles or choices left out count 0."""
    rows = [[int(counts.get(role, {}).get(choice, 0)) for choice in CHOICES] for role in ROLES]
    voters = [sum(row) for row in rows]
    hidden = _hidden(voters)
    shares = []
    for role, row, total, hide in zip(ROLES, rows, voters, hidden, strict=True):
        if hide:
            shares.append(RoleShare(role, None, None, None, None))
        else:
            shares.append(RoleShare(role, total, *(_share(count, total) for count in row)))
    by_role = {row.role: row for row in shares}
    experts, policy = by_role[Role.EXPERIENCE], by_role[Role.POLICY]
    gap = None
    if experts.agree is not None and policy.agree is not None:  # neither suppressed
        gap = experts.agree - policy.agree
    speaking = [row for row in shares if row.role != Role.UNSAID and not row.suppressed]
    bridge = None
    if len(speaking) >= 2:
        for choice in ("agree", "disagree"):
            if all(getattr(row, choice) >= BRIDGE_SHARE for row in speaking):
                bridge = choice
    return StatementSplit(
        total=sum(voters), roles=tuple(shares), gap=gap, is_bridge=bridge is not None, bridge=bridge
    )


def vote_counts(statement: Statement) -> dict[str, dict[str, int]]:
    """Raw counts per role and choice from the statement's votes (while they exist)."""
    rows = (
        StatementVote.objects.filter(statement=statement)
        .values_list("participant__role", "choice")
        .annotate(votes=Count("id"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}
    for role, choice, votes in rows:
        counts.setdefault(role, {})[choice] = votes
    return counts


def role_counts(statement: Statement) -> Counts:
    """Counted from the votes while it is open; the numbers kept at closing after."""
    if statement.status == Statement.Status.OPEN:
        return vote_counts(statement)
    return statement.role_counts or {}


def split_by_role(statement: Statement) -> StatementSplit:
    """A statement's results by role, suppressed and shared out (see the module's rules)."""
    return split_counts(role_counts(statement))
