from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from live.models import Question


class QuestionsField(forms.ModelMultipleChoiceField["Question"]):
    """The asker's questions, each labelled with its text."""

    def label_from_instance(self, obj: Question) -> str:
        return obj.text


class AddressForm(forms.Form):
    """An asker's address for the written answers to her questions, nothing else."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_(
            "Only for the written answer. We delete it as soon as the answer is sent, or "
            "%(days)s days from now if no answer comes."
        ),
        error_messages={
            "invalid": _("This does not look like an e-mail address. Please check it.")
        },
    )
    questions = QuestionsField(
        label=_("Which questions?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one of your questions."),
            "invalid_choice": _("You can only choose your own questions."),
        },
    )

    def __init__(self, *args: Any, questions: QuerySet[Question], days: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["questions"]
        assert isinstance(field, QuestionsField)
        field.queryset = questions
        field.initial = list(questions)
        self.fields["email"].help_text = self.fields["email"].help_text % {"days": days}
