"""Published stories for page tests, made the way a finished workflow leaves them."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from stories.formatting import text_to_html
from stories.models import ContentWarning, StoryPage, Theme


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Verhaal nummer {n}")
    slug = factory.Sequence(lambda n: f"verhaal-{n}")
    pseudonym = "Merel"
    body = factory.LazyFunction(lambda: text_to_html("Een verhaal over moed. " * 40))

    class Meta:
        model = StoryPage


def published_story(index, *, days_ago=0, themes=(), warnings=(), **fields):
    story = StoryPageFactory(parent=index, live=False, **fields)
    story.themes.set(Theme.objects.sources().filter(slug__in=themes))
    story.content_warnings.set(ContentWarning.objects.sources().filter(slug__in=warnings))
    story.save_revision().publish()
    when = timezone.now() - timedelta(days=days_ago)
    StoryPage.objects.filter(pk=story.pk).update(first_published_at=when)
    story.refresh_from_db()
    return story
