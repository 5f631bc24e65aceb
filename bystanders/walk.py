"""One walk through the guide: read the answers a form post carries, pick the next screen.

The answers live only in the post itself. Each screen's form carries the earlier answers as
hidden fields, so the server remembers nothing between steps: no session, no cookie, no row.
Values that do not match the page's content (changed by an editor meanwhile, or made up) are
dropped, never echoed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from bystanders.blocks import OptionKind, RelationKind

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from bystanders.models import GuidePage

# The screens in order; "emergency" is what answering "yes" to the danger question shows.
DANGER, EMERGENCY, RELATION, SIGNS, OPTIONS, SUMMARY = (
    "danger",
    "emergency",
    "relation",
    "signs",
    "options",
    "summary",
)
STEP_NUMBER = {DANGER: 1, RELATION: 2, SIGNS: 3, OPTIONS: 4, SUMMARY: 5}
STEPS = len(STEP_NUMBER)
BACK = {RELATION: DANGER, SIGNS: RELATION, OPTIONS: SIGNS, SUMMARY: OPTIONS, EMERGENCY: DANGER}
YES, NO = "yes", "no"
MAX_SIGNS = 200


@dataclass(frozen=True)
class Relation:
    id: str
    kind: str
    label: str
    hint: str
    when_to_talk: str
    openers: tuple[str, ...]

    @property
    def professional(self) -> bool:
        return self.kind == RelationKind.PROFESSIONAL


@dataclass(frozen=True)
class Sign:
    id: str
    label: str
    urgent: bool
    group_kind: str


@dataclass(frozen=True)
class SignGroup:
    id: str
    kind: str
    heading: str
    signs: tuple[Sign, ...]


@dataclass(frozen=True)
class Option:
    id: str
    kind: str
    title: str
    body: Any  # wagtail.rich_text.RichText
    summary: str
    for_relations: frozenset[str]
    for_sign_groups: frozenset[str]
    urgent_only: bool

    def applies(self, answers: Answers) -> bool:
        relation = answers.relation
        if self.for_relations and (relation is None or relation.kind not in self.for_relations):
            return False
        if self.for_sign_groups and not self.for_sign_groups & answers.sign_group_kinds:
            return False
        return not (self.urgent_only and not answers.urgent)


class Guide:
    """The page's content, as lookups by the ids its forms send."""

    def __init__(self, page: GuidePage) -> None:
        self.relations = tuple(
            Relation(
                id=child.id or str(index),
                kind=child.value["kind"],
                label=child.value["label"],
                hint=child.value["hint"],
                when_to_talk=child.value["when_to_talk"],
                openers=tuple(child.value["openers"]),
            )
            for index, child in enumerate(page.relations)
        )
        groups = []
        for index, child in enumerate(page.sign_groups):
            group_id = child.id or str(index)
            kind = child.value["kind"]
            signs = tuple(
                Sign(
                    id=item.id or f"{group_id}-{position}",
                    label=item.value["label"],
                    urgent=bool(item.value["urgent"]),
                    group_kind=kind,
                )
                for position, item in enumerate(child.value["signs"].bound_blocks)
            )
            groups.append(SignGroup(group_id, kind, child.value["heading"], signs))
        self.sign_groups = tuple(groups)
        order = {kind: position for position, kind in enumerate(OptionKind.values)}
        options = [
            Option(
                id=child.id or str(index),
                kind=child.value["kind"],
                title=child.value["title"],
                body=child.value["body"],
                summary=child.value["summary"],
                for_relations=frozenset(child.value["for_relations"] or ()),
                for_sign_groups=frozenset(child.value["for_sign_groups"] or ()),
                urgent_only=bool(child.value["urgent_only"]),
            )
            for index, child in enumerate(page.options)
        ]
        # Stable sort: by kind of step, then in the editors' order.
        self.options = tuple(sorted(options, key=lambda option: order.get(option.kind, 99)))
        self.meldcode_steps = tuple(
            (child.value["title"], child.value["text"]) for child in page.meldcode_steps
        )
        self._relations = {relation.id: relation for relation in self.relations}
        self._signs = {sign.id: sign for group in self.sign_groups for sign in group.signs}
        self._options = {option.id: option for option in self.options}

    def read(self, data: QueryDict) -> Answers:
        danger = data.get("danger", "")
        wanted = set(data.getlist("sign")[:MAX_SIGNS])
        return Answers(
            danger=danger if danger in (YES, NO) else "",
            relation=self._relations.get(data.get("relation", "")),
            signs=tuple(sign for sign_id, sign in self._signs.items() if sign_id in wanted),
            option=self._options.get(data.get("option", "")),
        )

    def options_for(self, answers: Answers) -> tuple[Option, ...]:
        return tuple(option for option in self.options if option.applies(answers))


@dataclass(frozen=True)
class Answers:
    danger: str = ""
    relation: Relation | None = None
    signs: tuple[Sign, ...] = ()
    option: Option | None = None

    @property
    def sign_group_kinds(self) -> frozenset[str]:
        return frozenset(sign.group_kind for sign in self.signs)

    @property
    def urgent(self) -> bool:
        return any(sign.urgent for sign in self.signs)

    @property
    def sign_ids(self) -> frozenset[str]:
        return frozenset(sign.id for sign in self.signs)


@dataclass(frozen=True)
class Screen:
    name: str
    answers: Answers
    error: str = ""
    options: tuple[Option, ...] = field(default=())

    @property
    def number(self) -> int | None:
        return STEP_NUMBER.get(self.name)

    @property
    def sections(self) -> list[tuple[str, StrOrPromise, list[Option]]]:
        """The options by kind of step, in the guide's order: (kind, heading, options)."""
        return [
            (kind, label, [option for option in self.options if option.kind == kind])
            for kind, label in OptionKind.choices
            if any(option.kind == kind for option in self.options)
        ]


def _screen(guide: Guide, name: str, answers: Answers, error: str = "") -> Screen:
    if name == SUMMARY and answers.option is None:
        name = OPTIONS
    options = guide.options_for(answers) if name in (OPTIONS, SUMMARY) else ()
    if name == SUMMARY and answers.option not in options:
        # The chosen option no longer fits the answers (they changed on the way back).
        name, error = OPTIONS, str(_("Choose the step you want to take."))
    return Screen(name, answers, error, options)


def next_screen(guide: Guide, data: QueryDict) -> Screen:
    """The screen that answers this post: the next step, the previous one, or this one again."""
    answers = guide.read(data)
    step = data.get("step", "")
    if data.get("go") == "back" and step in BACK:
        return _screen(guide, BACK[step], answers)
    if step == DANGER:
        if answers.danger == YES:
            return _screen(guide, EMERGENCY, answers)
        if answers.danger == NO:
            return _screen(guide, RELATION, answers)
        return _screen(guide, DANGER, answers, str(_("Choose yes or no.")))
    if step == EMERGENCY:
        return _screen(guide, RELATION, answers)
    if step == RELATION:
        if answers.relation is None:
            return _screen(guide, RELATION, answers, str(_("Choose who you are to them.")))
        return _screen(guide, SIGNS, answers)
    if step == SIGNS:
        return _screen(guide, OPTIONS, answers)
    if step == OPTIONS:
        if answers.option is None:
            return _screen(guide, OPTIONS, answers, str(_("Choose the step you want to take.")))
        return _screen(guide, SUMMARY, answers)
    return _screen(guide, DANGER, Answers())
