from django import forms
from django.utils.translation import gettext_lazy as _


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_(
            "We send a link to confirm it first. Then you get an e-mail when there is news, "
            "with a link to stop in every one."
        ),
        error_messages={
            "required": _("Fill in the e-mail address where you want the news."),
            "invalid": _("This does not look like an e-mail address. Check it for typos."),
            "max_length": _("This e-mail address is too long."),
        },
    )
