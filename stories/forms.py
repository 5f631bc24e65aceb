import secrets
from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from community.forms import PseudonymField
from community.localised import in_language
from community.text import clean_text
from stories.formatting import html_to_text, text_to_html
from stories.models import ContentWarning, Theme

TITLE_MAX = 120
STORY_MIN = 200
STORY_MAX = 20_000


class LabelsField(forms.ModelMultipleChoiceField[Any]):
    """The Dutch labels stories carry, each named in the reader's language."""

    def label_from_instance(self, obj: Any) -> str:
        language = translation.get_language()
        cached: tuple[str | None, dict[int, str]] | None = getattr(self, "_names", None)
        if cached is None or cached[0] != language:
            labels = list(self.queryset) if self.queryset is not None else []
            shown = in_language(labels)
            names = {source.pk: label.name for source, label in zip(labels, shown, strict=True)}
            cached = self._names = (language, names)
        return cached[1].get(obj.pk, str(obj.name))


class StoryTextField(forms.CharField):
    """The story as typed; cleaned_data holds it converted to safe HTML."""

    widget = forms.Textarea

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        html = text_to_html(value)
        letters = len(html_to_text(html).strip())
        if letters < STORY_MIN:
            raise forms.ValidationError(
                _("Your story is quite short. Write at least %(min)d characters (now %(count)d).")
                % {"min": STORY_MIN, "count": letters},
                code="too_short",
            )
        return html


class StorySubmissionForm(forms.Form):
    story_min = STORY_MIN
    story_max = STORY_MAX

    pseudonym = PseudonymField(
        required=False,
        help_text=_(
            "The name shown above your story. Leave it empty to appear as “Anonymous”. "
            "Do not use your real name. Use 2 to 40 letters, numbers, spaces, dots, hyphens "
            "or apostrophes (no emoji)."
        ),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Give your story a title."),
            "max_length": _("Keep the title to %(limit_value)d characters (now %(show_value)d)."),
        },
    )
    story = StoryTextField(
        label=_("Your story"),
        max_length=STORY_MAX,
        help_text=_(
            "Leave out names, places and numbers that could lead to you or to others, such as "
            "your town, street, school or workplace: that keeps you and them safe. A moderator "
            "checks this too. Leave an empty line between paragraphs. You may use *emphasis*, "
            "lists (lines starting with “- ”) and quotes (lines starting with “> ”). Links and "
            "images are not possible."
        ),
        error_messages={
            "required": _("Write your story here before you send it."),
            "max_length": _(
                "Your story is longer than %(limit_value)d characters (now %(show_value)d). "
                "Shorten it a little, or share it in two parts."
            ),
        },
    )
    themes = LabelsField(
        label=_("Themes"),
        queryset=Theme.objects.sources(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What is your story about? Readers use this to find it."),
        error_messages={
            "invalid_choice": _("Choose themes from the list."),
            "invalid_pk_value": _("Choose themes from the list."),
            "invalid_list": _("Choose themes from the list."),
        },
    )
    content_warnings = LabelsField(
        label=_("Content warnings"),
        queryset=ContentWarning.objects.sources(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Readers see these before your text and choose whether to read on. "
            "Moderators may add a warning."
        ),
        error_messages={
            "invalid_choice": _("Choose content warnings from the list."),
            "invalid_pk_value": _("Choose content warnings from the list."),
            "invalid_list": _("Choose content warnings from the list."),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that Kring publishes my story on this website under my pseudonym."),
        error_messages={"required": _("We can only publish your story with your consent.")},
    )
    redaction = forms.BooleanField(
        label=_(
            "I understand that moderators may remove details that could identify me or others, "
            "and that I approve any change before my story is published."
        ),
        error_messages={
            "required": _("Please confirm that moderators may remove identifying details.")
        },
    )
    email = forms.EmailField(
        label=_("E-mail address for news about your story"),
        required=False,
        max_length=254,
        help_text=_(
            "Only to let you know when there is news. We delete it as soon as a decision is "
            "made. Use an address that nobody else reads."
        ),
        error_messages={
            "invalid": _("This does not look like an e-mail address. Check it, or leave it empty."),
            "max_length": _("This e-mail address is too long."),
        },
    )
    # A field people never see: automated senders fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    # One random key per filled-in form, so that sending the same form twice adds one story.
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", secrets.token_urlsafe(24))
        self.fields["pseudonym"].widget.attrs.update(autocomplete="off")
        self.fields["title"].widget.attrs.update(autocomplete="off")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        self._describe_story_field()

    def _describe_story_field(self) -> None:
        """The story's limits shown before sending, counted live by site/static/js/forms.js.

        Without `maxlength` the browser never cuts off a long pasted text without a word: the
        counter says how much is too much, and the server refuses it with the text kept.
        """
        story = self.fields["story"]
        story.widget.attrs.pop("maxlength", None)
        story.widget.attrs.update(
            {
                "data-count-min": str(STORY_MIN),
                "data-count-max": str(STORY_MAX),
                "aria-describedby": " ".join(
                    f"id_story_{part}" for part in ("helptext", "count", "escape")
                ),
            }
        )

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]  # BaseForm has it; django-stubs lists it for ModelForm only
        # A field's error is read out with the field, not only in the summary above the form.
        for name in self.errors:
            if name not in self.fields or self.fields[name].widget.is_hidden:
                continue
            field = self.fields[name]
            described = field.widget.attrs.get("aria-describedby")
            if described is None and field.help_text:
                described = f"{self[name].auto_id}_helptext"
            ids = [described] if described else []
            field.widget.attrs["aria-describedby"] = " ".join([*ids, f"{self[name].auto_id}_error"])

    def clean_title(self) -> str:
        title = clean_text(self.cleaned_data["title"])
        if len(title) < 3:
            raise forms.ValidationError(
                _("Give your story a title of at least 3 letters."), code="too_short"
            )
        return title

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean_submission_key(self) -> str:
        return clean_text(self.cleaned_data["submission_key"])[:64]

    @property
    def is_automated(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ApproveForm(forms.Form):
    version = forms.CharField(widget=forms.HiddenInput, max_length=64)


class ReplyForm(forms.Form):
    """The author sends the story back to the moderators with what she wants kept or changed."""

    version = forms.CharField(widget=forms.HiddenInput, max_length=64)
    reply = forms.CharField(
        label=_("Your reply to the moderators"),
        help_text=_(
            "Say what you would like to keep or change, for example a sentence they removed "
            "that matters to you. Your story then goes back to the moderators. At most "
            "2,000 characters."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        error_messages={
            "required": _("Write what you would like the moderators to know."),
            "max_length": _(
                "Your reply is %(show_value)d characters long; please keep it to %(limit_value)d."
            ),
        },
    )

    def clean_reply(self) -> str:
        from stories.services import clean_reply

        text = clean_reply(self.cleaned_data["reply"])
        if not text:
            raise forms.ValidationError(
                _("Write what you would like the moderators to know."), code="required"
            )
        return text


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, remove my story and everything linked to it for good."),
        error_messages={
            "required": _("Tick the box to confirm that you want to remove your story.")
        },
    )
