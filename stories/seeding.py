"""What stories need to work at all: labels, the moderators' group and the "Verhalen" workflow.

Written against an app registry, so the data migration runs it with historical models and tests
that flush the database (browser tests) run it again with the real ones. Safe to repeat.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.apps.registry import Apps

    from stories.models import StoryIndexPage

MODERATORS = "Moderatoren"
WORKFLOW = "Verhalen"
REVIEW_TASK = "Beoordeling door moderatoren"
CONSENT_TASK = "Toestemming van de auteur"

# (slug, Dutch name: the source, English name: its translation)
THEMES = [
    ("lichamelijk-geweld", "Lichamelijk geweld", "Physical violence"),
    ("psychisch-geweld", "Psychisch geweld", "Psychological abuse"),
    ("dwingende-controle", "Dwingende controle", "Coercive control"),
    ("financieel-misbruik", "Financieel misbruik", "Financial abuse"),
    ("seksueel-geweld", "Seksueel geweld", "Sexual violence"),
    ("stalking", "Stalking", "Stalking"),
    ("kinderen", "Kinderen en ouderschap", "Children and parenting"),
    ("eergerelateerd-geweld", "Eergerelateerd geweld", "Honour-based violence"),
    ("ouderen", "Ouderen", "Older people"),
    ("hulp-zoeken", "Hulp zoeken", "Seeking help"),
    ("herstel", "Herstel en verder gaan", "Recovery and moving on"),
    ("omstanders", "Omstanders en naasten", "Bystanders and loved ones"),
]
CONTENT_WARNINGS = [
    ("lichamelijk-geweld", "Lichamelijk geweld", "Physical violence"),
    ("seksueel-geweld", "Seksueel geweld", "Sexual violence"),
    ("geweld-tegen-kinderen", "Geweld tegen kinderen", "Violence against children"),
    ("bedreiging", "Bedreiging", "Threats"),
    ("zelfdoding", "Zelfdoding of zelfbeschadiging", "Suicide or self-harm"),
    ("verslaving", "Verslaving", "Addiction"),
    ("geweld-tegen-dieren", "Geweld tegen dieren", "Violence against animals"),
]


def seed_label_translations(apps: Apps) -> None:
    """The Dutch labels (the source) and their English translations, sharing a translation key.

    Labels editors already have keep their names; a missing one or translation is added.
    """
    Locale = apps.get_model("wagtailcore", "Locale")
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    for model_name, labels in (("Theme", THEMES), ("ContentWarning", CONTENT_WARNINGS)):
        model = apps.get_model("stories", model_name)
        for order, (slug, dutch_name, english_name) in enumerate(labels):
            source, _ = model.objects.get_or_create(
                locale=dutch,
                slug=slug,
                defaults={"name": dutch_name, "sort_order": order, "translation_key": uuid.uuid4()},
            )
            if model.objects.filter(locale=english, slug=slug).exists():
                continue
            model.objects.get_or_create(
                locale=english,
                translation_key=source.translation_key,
                defaults={"name": english_name, "slug": slug, "sort_order": source.sort_order},
            )


def seed_story_setup(apps: Apps) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Theme = apps.get_model("stories", "Theme")
    ContentWarning = apps.get_model("stories", "ContentWarning")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    AuthorConsentTask = apps.get_model("stories", "AuthorConsentTask")

    if any(field.name == "locale" for field in Theme._meta.get_fields()):
        seed_label_translations(apps)
    else:  # the labels as they were before they became translatable (migration 0002)
        for model, labels in ((Theme, THEMES), (ContentWarning, CONTENT_WARNINGS)):
            for order, (slug, name, _english) in enumerate(labels):
                model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin:
        moderators.permissions.add(access_admin)

    if Workflow.objects.filter(name=WORKFLOW).exists():
        return
    review_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    consent_type, _ = ContentType.objects.get_or_create(
        app_label="stories", model="authorconsenttask"
    )
    review = GroupApprovalTask.objects.create(name=REVIEW_TASK, content_type=review_type)
    review.groups.add(moderators)
    consent = AuthorConsentTask.objects.create(name=CONSENT_TASK, content_type=consent_type)
    consent.groups.add(moderators)
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=consent, sort_order=1)


def grant_moderators_story_access(index: StoryIndexPage) -> None:
    """Let moderators browse and edit stories under `index`, but never publish them directly.

    Publishing stays with the workflow (stories.publishing): publish permission would let a
    moderator skip the author's consent.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.get_or_create(group=moderators, page=index, permission=change)
