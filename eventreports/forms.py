from django import forms
from django.utils.translation import gettext_lazy as _


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
    questions = forms.ModelMultipleChoiceField(
        label=_("Which questions?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one of your questions."),
            "invalid_choice": _("You can only choose your own questions."),
        },
    )

    def __init__(self, *args, questions, days, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questions"].queryset = questions
        self.fields["questions"].label_from_instance = lambda question: question.text
        self.fields["questions"].initial = list(questions)
        self.fields["email"].help_text = self.fields["email"].help_text % {"days": days}
