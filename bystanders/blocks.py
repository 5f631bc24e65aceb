"""The guide's structured content: relations, groups of signs, options and the Meldcode steps.

Each block carries a kind from a fixed list (who the visitor is to the person, which group a
sign belongs to, which kind of next step an option is), so editors write every text while the
rules that pick the options for a walk stay the same whatever they write.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from community.models import EDITOR_FEATURES


class RelationKind(models.TextChoices):
    NEIGHBOUR = "neighbour", _("neighbour")
    FAMILY = "family", _("family")
    FRIEND = "friend", _("friend")
    COLLEAGUE = "colleague", _("colleague")
    PROFESSIONAL = "professional", _("works with children or families (Meldcode)")
    OTHER = "other", _("other")


class SignGroupKind(models.TextChoices):
    """The groups Veilig Thuis sorts signs into."""

    HEAR = "hear", _("what you hear")
    ADULT = "adult", _("what you see on an adult")
    CHILD = "child", _("what you see on a child")
    BEHAVIOUR = "behaviour", _("behaviour")


class OptionKind(models.TextChoices):
    """The kinds of next step, in the order the guide shows them."""

    TALK = "talk", _("Talk with the person you are worried about")
    OTHERS = "others", _("Talk with others who noticed it too")
    ADVICE = "advice", _("Ask Veilig Thuis for advice")
    REPORT = "report", _("Make a report")
    SELF_CARE = "self_care", _("Take care of yourself")


class RelationBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=RelationKind.choices, label=_("kind"))
    label = blocks.CharBlock(max_length=80, label=_("label"), help_text=_("E.g. “A neighbour”."))
    hint = blocks.CharBlock(max_length=200, required=False, label=_("hint"))
    when_to_talk = blocks.TextBlock(
        required=False,
        label=_("when and how to talk"),
        help_text=_("Advice on a good moment and place for this relation."),
    )
    openers = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("opening sentences"), min_num=1
    )

    class Meta:
        icon = "user"
        label = _("relation")


class SignBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=200, label=_("sign"))
    urgent = blocks.BooleanBlock(
        required=False,
        label=_("serious"),
        help_text=_("Ticking this sign also shows the options meant for serious signs."),
    )

    class Meta:
        icon = "tick"


class SignGroupBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=SignGroupKind.choices, label=_("group"))
    heading = blocks.CharBlock(max_length=120, label=_("heading"))
    signs = blocks.ListBlock(SignBlock(), label=_("signs"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("group of signs")


class OptionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=OptionKind.choices, label=_("kind of step"))
    title = blocks.CharBlock(max_length=120, label=_("title"))
    body = blocks.RichTextBlock(features=EDITOR_FEATURES, label=_("text"))
    summary = blocks.TextBlock(
        label=_("summary"), help_text=_("A few lines for the printable summary.")
    )
    for_relations = blocks.MultipleChoiceBlock(
        choices=RelationKind.choices,
        required=False,
        label=_("only for these relations"),
        help_text=_("Leave empty for everyone."),
    )
    for_sign_groups = blocks.MultipleChoiceBlock(
        choices=SignGroupKind.choices,
        required=False,
        label=_("only when a sign of these groups is ticked"),
        help_text=_("Leave empty for any signs, or none."),
    )
    urgent_only = blocks.BooleanBlock(required=False, label=_("only when a serious sign is ticked"))

    class Meta:
        icon = "arrow-right"
        label = _("option")


class MeldcodeStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("title"))
    text = blocks.TextBlock(label=_("text"))

    class Meta:
        icon = "list-ol"
        label = _("Meldcode step")
