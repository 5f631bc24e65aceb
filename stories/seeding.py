"""What stories need to work at all: labels, the moderators' group and the "Verhalen" workflow.

Written against an app registry, so the data migration runs it with historical models and tests
that flush the database (browser tests) run it again with the real ones. Safe to repeat.
"""

MODERATORS = "Moderatoren"
WORKFLOW = "Verhalen"
REVIEW_TASK = "Beoordeling door moderatoren"
CONSENT_TASK = "Toestemming van de auteur"

THEMES = [
    ("lichamelijk-geweld", "Lichamelijk geweld"),
    ("psychisch-geweld", "Psychisch geweld"),
    ("dwingende-controle", "Dwingende controle"),
    ("financieel-misbruik", "Financieel misbruik"),
    ("seksueel-geweld", "Seksueel geweld"),
    ("stalking", "Stalking"),
    ("kinderen", "Kinderen en ouderschap"),
    ("eergerelateerd-geweld", "Eergerelateerd geweld"),
    ("ouderen", "Ouderen"),
    ("hulp-zoeken", "Hulp zoeken"),
    ("herstel", "Herstel en verder gaan"),
    ("omstanders", "Omstanders en naasten"),
]
CONTENT_WARNINGS = [
    ("lichamelijk-geweld", "Lichamelijk geweld"),
    ("seksueel-geweld", "Seksueel geweld"),
    ("geweld-tegen-kinderen", "Geweld tegen kinderen"),
    ("bedreiging", "Bedreiging"),
    ("zelfdoding", "Zelfdoding of zelfbeschadiging"),
    ("verslaving", "Verslaving"),
    ("geweld-tegen-dieren", "Geweld tegen dieren"),
]


def seed_story_setup(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Theme = apps.get_model("stories", "Theme")
    ContentWarning = apps.get_model("stories", "ContentWarning")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    AuthorConsentTask = apps.get_model("stories", "AuthorConsentTask")

    for order, (slug, name) in enumerate(THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name) in enumerate(CONTENT_WARNINGS):
        ContentWarning.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )

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


def grant_moderators_story_access(index):
    """Let moderators browse and edit stories under `index`, but never publish them directly.

    Publishing stays with the workflow (stories.publishing): publish permission would let a
    moderator skip the author's consent.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.get_or_create(group=moderators, page=index, permission=change)
