"""The experience questions as a form: the same one on the public form and for moderators."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stories.experience import Answer, Answers, Organisation, Period, Question, Region

NO_ANSWER = ("", _("no answer"))
QUESTIONS = [
    (Question.HEARD, "heard"),
    (Question.INFORMED, "informed"),
    (Question.REFERRED, "referred"),
]


def _choice_error() -> dict[str, Any]:
    return {"invalid_choice": _("Choose one of the answers in the list.")}


class ExperienceForm(forms.Form):
    """Optional questions; nothing here is required, and skipping all of them stores nothing."""

    prefix = "ervaring"

    period = forms.ChoiceField(
        label=_("When did this happen (mostly)?"),
        choices=[NO_ANSWER, *Period.choices],
        required=False,
        widget=forms.RadioSelect,
        error_messages=_choice_error(),
    )
    region = forms.ChoiceField(
        label=_("In which Veilig Thuis region?"),
        help_text=_("The region where you lived then. You may leave this open."),
        choices=[("", _("no answer")), *Region.choices],
        required=False,
        error_messages=_choice_error(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for organisation in Organisation:
            self.fields[organisation.value] = forms.BooleanField(
                label=_("I dealt with %(organisation)s") % {"organisation": organisation.label},
                required=False,
            )
            for question, name in QUESTIONS:
                self.fields[f"{organisation.value}-{name}"] = forms.ChoiceField(
                    label=question.label,
                    choices=[NO_ANSWER, *Answer.choices],
                    required=False,
                    initial="",
                    widget=forms.RadioSelect,
                    error_messages=_choice_error(),
                )

    @classmethod
    def from_answers(cls, answers: Answers, **kwargs: Any) -> ExperienceForm:
        initial: dict[str, Any] = {"period": answers["period"], "region": answers["region"]}
        for organisation, replies in answers["organisations"].items():
            initial[organisation] = True
            for _question, name in QUESTIONS:
                initial[f"{organisation}-{name}"] = replies[name]  # type: ignore[literal-required]
        return cls(initial=initial, **kwargs)

    def organisation_groups(self) -> list[dict[str, Any]]:
        """Per organisation: its label, the 'dealt with' box and its three questions."""
        return [
            {
                "label": organisation.label,
                "dealt": self[organisation.value],
                "questions": [self[f"{organisation.value}-{name}"] for _q, name in QUESTIONS],
            }
            for organisation in Organisation
        ]

    def answers(self) -> Answers:
        """The cleaned answers; an organisation counts when ticked or when any reply is given."""
        data = self.cleaned_data
        organisations = {}
        for organisation in Organisation:
            replies = {name: data.get(f"{organisation.value}-{name}", "") for _q, name in QUESTIONS}
            if data.get(organisation.value) or any(replies.values()):
                organisations[organisation.value] = replies
        return {
            "period": data.get("period", ""),
            "region": data.get("region", ""),
            "organisations": organisations,  # type: ignore[typeddict-item]
        }
