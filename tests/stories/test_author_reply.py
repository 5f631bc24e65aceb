"""The author's voice in the consent step: she reads the moderator's note and can reply."""

import re

import pytest
from django.core import mail
from wagtail.models import TaskState

from stories.models import StoryPage
from stories.workflow import AuthorConsentTask
from tests.stories.conftest import edit_form_data

pytestmark = pytest.mark.django_db

AUTHOR = "merel@example.org"
STORY = "Ik woonde met Mark aan de Kerkstraat 12. " + "Het was een *moeilijke* tijd. " * 10
NOTE = "We hebben de straatnaam en de naam weggehaald, zodat niemand je herkent."
REPLY = "Mijn ex heette echt niet Mark; houd a.u.b. de zin over de moeilijke tijd zoals hij was."


def save_draft(moderator_client, story, body):
    """A moderator changes the text in the edit view and saves a draft (no workflow action)."""
    data = edit_form_data(story, body)
    response = moderator_client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def approve_with_note(moderator_client, story, note, capture):
    """The moderator's "approve with comment" on the review step."""
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state
    with capture(execute=True):
        response = moderator_client.post(
            f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/",
            {"comment": note},
        )
    assert response.status_code == 302


def waiting_on_author(story):
    task = StoryPage.objects.get(pk=story.pk).current_workflow_task
    return isinstance(task, AuthorConsentTask)


@pytest.fixture
def edited_story(submit_story, moderator_client, django_capture_on_commit_callbacks):
    story, private_path, _ = submit_story(email=AUTHOR, story=STORY)
    edited = "<p>Ik woonde met [naam] in een rijtjeshuis. " + "Het was een tijd. " * 10 + "</p>"
    save_draft(moderator_client, story, edited)
    approve_with_note(moderator_client, story, NOTE, django_capture_on_commit_callbacks)
    assert waiting_on_author(story)
    return story, private_path


def test_the_author_reads_the_moderators_note_on_her_private_link(client, edited_story):
    _, private_path = edited_story

    html = client.get(private_path).content.decode()

    assert "Een bericht van de moderator" in html
    assert NOTE in html
    assert "Wil je iets behouden of veranderen?" in html


def test_the_mail_says_there_is_a_note_but_never_carries_it(edited_story):
    consent_mail = mail.outbox[-1]

    assert consent_mail.to == [AUTHOR]
    assert "ook een bericht voor je achtergelaten" in consent_mail.body
    assert NOTE not in consent_mail.body
    assert all(NOTE not in str(part[0]) for part in consent_mail.alternatives)


def test_a_note_only_when_the_moderator_wrote_one(
    client, submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path, _ = submit_story(email=AUTHOR, story=STORY)
    save_draft(moderator_client, story, "<p>" + "Een andere versie van mijn verhaal. " * 8 + "</p>")
    approve_with_note(moderator_client, story, "", django_capture_on_commit_callbacks)

    html = client.get(private_path).content.decode()

    assert waiting_on_author(story)
    assert "Een bericht van de moderator" not in html
    assert "ook een bericht voor je achtergelaten" not in mail.outbox[-1].body


def test_the_whole_exchange_from_note_to_publication(
    client, edited_story, moderator, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path = edited_story
    page = client.get(private_path)

    # The author replies instead of approving.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            private_path,
            {"action": "reply", "version": page.context["version"], "reply": REPLY},
        )
    html = response.content.decode()
    assert "Je reactie is bij de moderatoren" in html
    assert "Een moderator leest je verhaal" in html
    assert REPLY in html and NOTE in html  # the conversation so far, in order
    assert html.index(NOTE) < html.index(REPLY)
    assert html.count(NOTE) == 1

    # The story is back in the moderators' review queue, and they read her reply.
    assert not waiting_on_author(story)
    reviewable = TaskState.objects.reviewable_by(moderator)
    assert [state.workflow_state.object_id for state in reviewable] == [str(story.pk)]
    edit_view = moderator_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "De auteur reageerde" in edit_view
    assert REPLY in edit_view

    # They edit again and approve; it waits for her once more.
    again = "<p>Ik woonde met [naam] in een rijtjeshuis. " + "Het was een moeilijke tijd. " * 10
    save_draft(moderator_client, story, again + "</p>")
    approve_with_note(
        moderator_client, story, "De zin staat er weer in.", django_capture_on_commit_callbacks
    )
    assert waiting_on_author(story)
    page = client.get(private_path)
    assert "De zin staat er weer in." in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            private_path, {"action": "approve", "version": page.context["version"]}
        )

    assert "Je verhaal is nu gepubliceerd" in response.content.decode()
    assert StoryPage.objects.get(pk=story.pk).live


def test_an_empty_reply_is_refused_with_a_message_and_nothing_changes(client, edited_story):
    story, private_path = edited_story
    version = client.get(private_path).context["version"]

    response = client.post(private_path, {"action": "reply", "version": version, "reply": "  \n "})

    assert response.status_code == 200
    assert "Schrijf wat je de moderatoren wilt laten weten." in response.content.decode()
    assert waiting_on_author(story)


def test_a_too_long_reply_is_refused_and_kept_in_the_box(client, edited_story):
    story, private_path = edited_story
    version = client.get(private_path).context["version"]
    long_reply = "woord " * 500

    response = client.post(
        private_path, {"action": "reply", "version": version, "reply": long_reply}
    )

    html = response.content.decode()
    assert "houd het bij 2000" in html
    assert long_reply.strip() in html
    assert waiting_on_author(story)


def test_a_reply_to_a_version_she_did_not_read_is_refused(client, edited_story, moderator_client):
    story, private_path = edited_story
    version = client.get(private_path).context["version"]
    save_draft(moderator_client, story, "<p>" + "Weer een andere versie. " * 10 + "</p>")

    response = client.post(private_path, {"action": "reply", "version": version, "reply": REPLY})

    html = response.content.decode()
    assert "Lees de nieuwe versie hieronder; je reactie staat nog in het vak." in html
    assert REPLY in html
    assert waiting_on_author(story)


def test_a_reply_when_nothing_waits_for_her_changes_nothing(client, submit_story):
    story, private_path, _ = submit_story(story=STORY)

    response = client.post(private_path, {"action": "reply", "version": "x" * 32, "reply": REPLY})

    assert "wacht op dit moment niet op jouw goedkeuring" in response.content.decode()
    assert not waiting_on_author(story)
    assert REPLY not in response.content.decode()


def test_the_diff_reads_as_prose_without_markup(client, edited_story):
    _, private_path = edited_story

    html = client.get(private_path).content.decode()
    diff = re.search(r'<div class="diff">(.*?)</div>', html, re.S).group(1)

    assert "*" not in diff
    assert "moeilijke" in diff


def test_the_thanks_page_says_where_the_link_was_sent(submit_story):
    _, _, with_mail = submit_story(email=AUTHOR)
    _, _, without_mail = submit_story(email="")

    assert "ook naar het e-mailadres gestuurd" in with_mail.content.decode()
    assert "alleen deze ene keer" in without_mail.content.decode()
    assert "ook naar het e-mailadres gestuurd" not in without_mail.content.decode()
    assert "Kopieer de link" in without_mail.content.decode()
