import secrets
from typing import Any, TypedDict

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, Site, TranslatableMixin

from community.localised import active_locale, others_in_language

# The rich-text features editors get: enough for help pages, nothing that embeds third parties.
EDITOR_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class User(AbstractUser):
    """A member or staff account. The public only ever sees the pseudonym, never a name."""

    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=40,
        blank=True,
        help_text=_("The name shown to others. Never use your real name."),
    )

    # Part of every session's signature: a new value logs the account out everywhere.
    session_salt = models.CharField(max_length=32, blank=True, editable=False)

    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]  # django-stubs omits it
        swappable = "AUTH_USER_MODEL"

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        return salted_hmac(
            "community.User.get_session_auth_hash",
            self.password + self.session_salt,
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def end_all_sessions(self) -> None:
        self.session_salt = secrets.token_hex(16)
        self.save(update_fields=["session_salt"])

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.pseudonym or str(_("Anonymous"))

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class HomePage(Page):
    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), features=EDITOR_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        # The parts of the platform, as far as editors have put them in the menu, each with
        # its home card in the reader's language.
        sections = list(self.get_children().live().in_menu().specific())
        context["cards"] = section_cards(sections)
        return context

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        # Dutch is the source and the only routed tree (stories exist only there): a
        # translation of the home page must not become the root English readers walk from.
        site = Site.find_for_request(request)  # cached on the request: no query
        if site is not None and site.root_page_id != self.pk:
            source = site.root_page
            if source.translation_key == self.translation_key:
                return source.specific.route(request, path_components)
        return super().route(request, path_components)


class HomeCard(TranslatableMixin, models.Model):
    """How one part of the site presents itself on the home page and in the menu.

    A translatable snippet: the Dutch card is the source; "Translate" gives the English one.
    A part without a card in the reader's language shows its page title and introduction.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The part of the site this card leads to."),
    )
    title = models.CharField(_("title"), max_length=60, help_text=_("Also the menu label."))
    text = models.CharField(_("text"), max_length=300, blank=True)

    panels = [FieldPanel("page"), FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("home card")
        verbose_name_plural = _("home cards")
        unique_together = [("translation_key", "locale"), ("page", "locale")]

    def __str__(self) -> str:
        return str(self.title)

    def clean(self) -> None:
        super().clean()
        if others_in_language(self).filter(page_id=self.page_id).exists():
            raise ValidationError({"page": _("This page already has a card in this language.")})


class SectionCard(TypedDict):
    page: Page
    title: str
    text: str


def section_cards(pages: list[Page]) -> list[SectionCard]:
    """Title, text and page of each section's card in the active language, in one query."""
    locale = active_locale()
    cards: dict[int, HomeCard] = {}
    if locale is not None and pages:
        found = HomeCard.objects.filter(locale=locale, page__in=pages)
        cards = {card.page_id: card for card in found}
    result: list[SectionCard] = []
    for page in pages:
        card = cards.get(page.pk)
        if card is not None:
            result.append({"page": page, "title": card.title, "text": card.text})
        else:
            result.append({"page": page, "title": page.title, "text": getattr(page, "intro", "")})
    return result


class StandardPage(Page):
    """A plain content page, such as /hulp/."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), features=EDITOR_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["community.HomePage", "community.StandardPage"]
    subpage_types = ["community.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="help")
class HelpSettings(BaseGenericSetting):
    """The help numbers shown on every page; editors keep them current.

    A note left empty shows the translated standard text, so the site stays bilingual.
    """

    veilig_thuis_phone = models.CharField(
        _("Veilig Thuis phone number"), max_length=20, default="0800-2000"
    )
    veilig_thuis_note = models.CharField(
        _("Veilig Thuis note"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for the standard text."),
    )
    emergency_phone = models.CharField(_("emergency number"), max_length=10, default="112")
    emergency_note = models.CharField(
        _("emergency note"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for the standard text."),
    )
    code_word = models.CharField(_("code word"), max_length=40, default="Masker 19")
    code_word_note = models.CharField(
        _("code word note"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for the standard text."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("veilig_thuis_phone"), FieldPanel("veilig_thuis_note")], _("Veilig Thuis")
        ),
        MultiFieldPanel(
            [FieldPanel("emergency_phone"), FieldPanel("emergency_note")], _("Emergency")
        ),
        MultiFieldPanel([FieldPanel("code_word"), FieldPanel("code_word_note")], _("Code word")),
    ]

    class Meta:
        verbose_name = _("help numbers")
