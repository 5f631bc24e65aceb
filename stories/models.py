"""Stories, published under a pseudonym once moderators (and the author, for any change) agree."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageQuerySet

from community.models import EDITOR_FEATURES
from community.text import clean_html, clean_text
from stories.experience_panel import ExperiencePanel
from stories.formatting import html_to_text, reading_minutes
from stories.panels import AuthorExchangePanel, IdentifyingDetailsPanel
from stories.workflow import AuthorConsentTask, story_workflow

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


class Label(models.Model):
    """A named label editors keep as a snippet: themes and content warnings."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


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
    def visible(self):
        """Stories the public may read. Reports and auto-hiding will narrow this one place."""
        return self.live().public()


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

    def stories(self, theme=None):
        stories = StoryPage.objects.child_of(self).visible().specific()
        if theme is not None:
            stories = stories.filter(themes=theme)
        return stories.prefetch_related("themes").order_by("-first_published_at", "-pk")

    @property
    def submit_url(self):
        return self.url + self.reverse_subpage("submit")

    @path("", name="index")
    def index_route(self, request):
        visible = StoryPage.objects.child_of(self).visible()
        themes = Theme.objects.filter(stories__in=visible).distinct()
        theme = themes.filter(slug=request.GET.get("thema", "")).first()
        paginator = Paginator(self.stories(theme), STORIES_PER_PAGE)
        stories = paginator.get_page(request.GET.get("pagina"))
        return self.render(
            request,
            context_overrides={"stories": stories, "themes": themes, "current_theme": theme},
        )

    @path("delen/", name="submit")
    def submit_route(self, request):
        from stories.views import submit

        return submit(request, self)

    @path("mijn-verhaal/<str:token>/", name="author")
    def author_route(self, request, token):
        from stories.views import author_page

        return author_page(request, self, token)


class StoryPage(Page):
    """One story. The public form creates it as a draft; it goes live when the workflow ends."""

    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=40,
        blank=True,
        help_text=_("Shown above the story; “Anonymous” when empty."),
    )
    body = RichTextField(_("story"), features=STORY_FEATURES)
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="stories", verbose_name=_("themes")
    )
    content_warnings = ParentalManyToManyField(
        ContentWarning, blank=True, related_name="stories", verbose_name=_("content warnings")
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
    def submit_url(self):
        return self.get_parent().specific.submit_url

    @property
    def display_pseudonym(self):
        return self.pseudonym or _("Anonymous")

    @property
    def reading_minutes(self):
        return reading_minutes(self.body)

    @property
    def plain_text(self):
        return html_to_text(self.body)

    def get_workflow(self):
        # Stories always go through the stories workflow, wherever editors move them.
        return story_workflow() or super().get_workflow()

    def sanitise(self):
        self.title = clean_text(self.title, max_length=255)
        self.pseudonym = clean_text(self.pseudonym, max_length=40)
        # Wagtail's editor stores emphasis as <i> and <b>; the story subset keeps <em>, <strong>.
        body = _ITALIC.sub(r"<\1em>", self.body or "")
        self.body = clean_html(_BOLD.sub(r"<\1strong>", body))

    def clean(self):
        self.sanitise()
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another slug.")})
        if not strip_tags(self.body).strip():
            raise ValidationError({"body": _("A story needs some text.")})

    def save(self, *args, **kwargs):
        self.sanitise()
        return super().save(*args, **kwargs)


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

    def __str__(self):
        return str(self.page)


# The experience answers live in their own module; imported here so Django registers them.
from stories.experience import OrganisationExperience, StoryExperience  # noqa: E402, F401
