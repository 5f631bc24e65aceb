import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from stories.models import StoryIndexPage, StoryPage, StorySubmission
from stories.seeding import MODERATORS, grant_moderators_story_access, seed_story_setup

STORY_TEXT = (
    "Lange tijd dacht ik dat het aan mij lag. Hij bepaalde wie ik zag, wat ik droeg en hoeveel "
    "geld ik mocht uitgeven.\n\n"
    "Pas toen een collega vroeg of het wel goed met me ging, durfde ik het hardop te zeggen. "
    "Dat ene gesprek heeft alles veranderd."
)


def story_data(**overrides):
    """What a person fills in on the form, all of it valid."""
    data = {
        "pseudonym": "Merel",
        "title": "Het gesprek dat alles veranderde",
        "story": STORY_TEXT,
        "themes": ["dwingende-controle", "hulp-zoeken"],
        "content_warnings": ["bedreiging"],
        "consent": "on",
        "redaction": "on",
        "email": "",
        "website": "",
        "submission_key": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def story_index(home_page):
    seed_story_setup(apps)
    index = home_page.add_child(
        instance=StoryIndexPage(title="Verhalen", slug="verhalen", show_in_menus=True)
    )
    index.save_revision().publish()
    grant_moderators_story_access(index)
    return index


@pytest.fixture
def submit_url(story_index):
    return story_index.url + story_index.reverse_subpage("submit")


@pytest.fixture
def submit_story(client, submit_url, django_capture_on_commit_callbacks):
    """Send the public form as an anonymous visitor; returns (story, private path, response)."""

    def submit(**overrides):
        existing = set(StoryPage.objects.values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(submit_url, story_data(**overrides))
        assert "private_url" in response.context, response.content.decode()
        story = StoryPage.objects.exclude(pk__in=existing).get()
        path = response.context["private_url"].split("testserver", 1)[1]
        return story, path, response

    return submit


MODERATOR_PASSWORD = "moderator-wachtwoord"


def make_moderator(user_model, username="moderator", password=MODERATOR_PASSWORD):
    """A Moderatoren member with a verified address and a second factor, as staff must have.

    Returns the user and the TOTP secret, so a browser test can log in with a real code.
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    email = f"{username}@kring.test"
    user = user_model.objects.create_user(username=username, email=email, password=password)
    user.groups.add(Group.objects.get(name=MODERATORS))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


@pytest.fixture
def moderator(django_user_model, story_index):
    return make_moderator(django_user_model)[0]


@pytest.fixture
def moderator_client(client, moderator):
    from django.test import Client

    other = Client()
    other.force_login(moderator)
    return other


def submission_of(story):
    return StorySubmission.objects.get(page_id=story.pk)


def edit_form_data(story, body, *, title=None):
    """The admin edit form as a moderator sends it, with a new body (and title)."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    story = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    return nested_form_data(
        {
            "title": title or story.title,
            "slug": story.slug,
            "pseudonym": story.pseudonym,
            "body": rich_text(body, features=["bold", "italic", "ol", "ul", "blockquote"]),
            "themes": [theme.pk for theme in story.themes.all()],
            "content_warnings": [warning.pk for warning in story.content_warnings.all()],
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
