"""Stories, published under a pseudonym once moderators (and the author, for any change) agree."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageQuerySet, TranslatableMixin, Workflow

from community.localised import in_language, others_in_language
from community.models import EDITOR_FEATURES
from community.text import clean_html, clean_text
from stories.experience_panel import ExperiencePanel
from stories.formatting import html_to_text, reading_minutes
from stories.panels import AuthorExchangePanel, IdentifyingDetailsPanel
from stories.workflow import AuthorConsentTask, story_workflow

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# What moderators may use when they edit a story: the same small set the public form allows.
STORY_FEATURES = ["bold", "italic", "ol", "ul", "blockquote"]
_ITALIC = re.compile(r"<(/?)i(?=[\s>])[^>]*>", re.IGNORECASE)
_BOLD = re.compile(r"<(/?)b(?=[\s>])[^>]*>", re.IGNORECASE)
STORIES_PER_PAGE = 10
# Sub-URLs of the story index; a story must never take one of these as its slug.
RESERVED_SLUGS = frozenset({"delen", "mijn-verhaal", "patronen"})

__all__ = [
    "AuthorConsentTask",
    "ContentWarning",
    "StoryIndexPage",
    "StoryPage",
    "StorySubmission",
    "Theme",
]


class LabelQuerySet(models.QuerySet[Any]):
    def sources(self) -> LabelQuerySet:
        """The Dutch labels: the ones stories carry. Translations only give them other names."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


def source_labels() -> dict[str, str]:
    """Stories link only to Dutch labels; the reader's language picks the name shown."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class Label(TranslatableMixin, models.Model):
    """A named label editors keep as a snippet: themes and content warnings.

    Translatable through Wagtail's localisation: the English label shares the Dutch one's
    translation key (and slug), so stories keep one set of labels and `in_language` shows them.
    """

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = LabelQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("locale", "slug"), ("locale", "name")]

    def __str__(self) -> str:
        return str(self.name)

    def clean(self) -> None:
        super().clean()
        same_language = others_in_language(self)
        errors: dict[str, StrOrPromise] = {}
        if same_language.filter(slug=self.slug).exists():
            errors["slug"] = _("Another label in this language already has this slug.")
        if same_language.filter(name=self.name).exists():
            errors["name"] = _("Another label in this language already has this name.")
        if errors:
            raise ValidationError(errors)


class Theme(Label):
    """What a story is about; readers filter the index by theme."""

    class Meta(Label.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class ContentWarning(Label):
    """A warning shown before the text, so readers decide whether to read it now."""

    class Meta(Label.Meta):
        verbose_name = _("content warning")
        verbose_name_plural = _("content warnings")


class StoryPageQuerySet(PageQuerySet):
    def visible(self) -> StoryPageQuerySet:
        """Stories the public may read. Reports and auto-hiding will narrow this one place."""
        visible: StoryPageQuerySet = self.live().public()
        return visible


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryIndexPage(RoutablePageMixin, Page):
    """/verhalen/: the published stories, the submission form and the authors' private links."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), features=EDITOR_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["community.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("story index")

    def stories(self, theme: Theme | None = None) -> StoryPageQuerySet:
        stories = StoryPage.objects.child_of(self).visible().specific()
        if theme is not None:
            stories = stories.filter(themes=theme)
        ordered: StoryPageQuerySet = stories.prefetch_related("themes").order_by(
            "-first_published_at", "-pk"
        )
        return ordered

    @property
    def submit_url(self) -> str:
        url: str = self.url + self.reverse_subpage("submit")
        return url

    @path("", name="index")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        visible = StoryPage.objects.child_of(self).visible()
        themes = Theme.objects.sources().filter(stories__in=visible).distinct()
        theme = themes.filter(slug=request.GET.get("thema", "")).first()
        paginator = Paginator(self.stories(theme), STORIES_PER_PAGE)
        stories = paginator.get_page(request.GET.get("pagina"))
        # Stories carry the Dutch labels; readers see them in their own language.
        shown = in_language(themes)
        current = next(
            (t for t in shown if theme and t.translation_key == theme.translation_key), None
        )
        response: HttpResponse = self.render(
            request,
            context_overrides={"stories": stories, "themes": shown, "current_theme": current},
        )
        return response

    @path("delen/", name="submit")
    def submit_route(self, request: HttpRequest) -> HttpResponse:
        from stories.views import submit

        return submit(request, self)

    @path("mijn-verhaal/<str:token>/", name="author")
    def author_route(self, request: HttpRequest, token: str) -> HttpResponse:
        from stories.views import author_page

        return author_page(request, self, token)


class StoryPage(Page):
    """One story. The public form creates it as a draft; it goes live when the workflow ends."""

    # Page's own field, typed here for mypy: Wagtail ships no types.
    title: str

    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=40,
        blank=True,
        help_text=_("Shown above the story; “Anonymous” when empty."),
    )
    body = RichTextField(_("story"), features=STORY_FEATURES)
    themes = ParentalManyToManyField(
        Theme,
        blank=True,
        related_name="stories",
        verbose_name=_("themes"),
        limit_choices_to=source_labels,
    )
    content_warnings = ParentalManyToManyField(
        ContentWarning,
        blank=True,
        related_name="stories",
        verbose_name=_("content warnings"),
        limit_choices_to=source_labels,
    )
    is_fictional = models.BooleanField(
        _("fictional example"),
        default=False,
        help_text=_("Marks a made-up story, such as the demo stories, as fictional for readers."),
    )

    objects = StoryPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("pseudonym"),
        AuthorExchangePanel(heading=_("Conversation with the author")),
        IdentifyingDetailsPanel(heading=_("Possibly identifying details")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("content_warnings", widget=forms.CheckboxSelectMultiple),
                FieldPanel("is_fictional"),
            ],
            heading=_("Themes and warnings"),
        ),
        ExperiencePanel(heading=_("Answers about organisations")),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @property
    def submit_url(self) -> str:
        url: str = self.get_parent().specific.submit_url
        return url

    @property
    def display_pseudonym(self) -> StrOrPromise:
        return self.pseudonym or _("Anonymous")

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.body)

    @property
    def plain_text(self) -> str:
        return html_to_text(self.body)

    @property
    def status_string(self) -> StrOrPromise:
        """Wagtail's status label, telling "waits for the author" apart from "in moderation".

        Both are a workflow in progress to Wagtail; the page list and the page header show this.
        """
        state = self.current_workflow_state if self.workflow_in_progress else None
        task_state = state.current_task_state if state else None
        if task_state is None or not getattr(
            task_state.task.specific_class, "outside_admin", False
        ):
            label: StrOrPromise = super().status_string
            return label
        if self.live:
            return _("live + waiting for the author")
        return _("waiting for the author")

    def get_workflow(self) -> Workflow | None:
        # Stories always go through the stories workflow, wherever editors move them.
        return story_workflow() or super().get_workflow()

    def sanitise(self) -> None:
        self.title = clean_text(self.title, max_length=255)
        self.pseudonym = clean_text(self.pseudonym, max_length=40)
        # Wagtail's editor stores emphasis as <i> and <b>; the story subset keeps <em>, <strong>.
        body = _ITALIC.sub(r"<\1em>", self.body or "")
        self.body = clean_html(_BOLD.sub(r"<\1strong>", body))

    def clean(self) -> None:
        self.sanitise()
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another slug.")})
        if not strip_tags(self.body).strip():
            raise ValidationError({"body": _("A story needs some text.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sanitise()
        super().save(*args, **kwargs)


class StorySubmission(models.Model):
    """What the public form adds to a story: the private link's hash and the author's own version.

    The author's version is kept here, not read from the first revision, so that the diff and
    the consent check do not depend on how Wagtail keeps or purges revisions.
    """

    page = models.OneToOneField(StoryPage, on_delete=models.CASCADE, related_name="submission")
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    email = models.EmailField(
        _("e-mail address"), blank=True, help_text=_("Deleted as soon as a decision is made.")
    )
    language = models.CharField(max_length=10, default="nl")
    author_title = models.CharField(max_length=255)
    author_pseudonym = models.CharField(max_length=40, blank=True)
    author_body = models.TextField()
    consented_at = models.DateTimeField(_("consent to publication given at"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)

    class Meta:
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")

    def __str__(self) -> str:
        return str(self.page)


# The experience answers live in their own module; imported here so Django registers them.
from stories.experience import OrganisationExperience, StoryExperience  # noqa: E402, F401
