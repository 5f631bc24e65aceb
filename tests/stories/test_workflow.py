"""A story's way through the "Verhalen" workflow, as moderators and the author take it."""

import pytest
from django.core import mail
from wagtail.models import GroupApprovalTask, TaskState

from stories.models import StoryPage
from stories.workflow import AuthorConsentTask
from tests.stories.conftest import edit_form_data, submission_of

pytestmark = pytest.mark.django_db

AUTHOR = "merel@example.org"


def author_mail_subjects():
    return [message.subject for message in mail.outbox if message.to == [AUTHOR]]


def approve_in_admin(moderator_client, story, django_capture_on_commit_callbacks):
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": ""}
        )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{story.pk}/edit/"
    return response


def edit_in_admin(
    moderator_client,
    story,
    django_capture_on_commit_callbacks,
    *,
    body,
    title=None,
    action="approve",
):
    """Change the story in the admin's edit view and take a workflow action, as a moderator does."""
    data = edit_form_data(story, body, title=title)
    data.update({"action-workflow-action": "true", "workflow-action-name": action})
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].startswith("/admin/pages/")
    return response


def test_a_submitted_story_waits_for_the_moderators_and_is_not_public(
    client, submit_story, story_index
):
    story, _, _ = submit_story()

    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live
    task = story.current_workflow_task
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Moderatoren"]
    assert story.current_workflow_state.workflow.name == "Verhalen"
    assert client.get(story_index.url).content.decode().count(story.title) == 0
    assert client.get(f"{story_index.url}{story.slug}/").status_code == 404


def test_moderators_see_the_story_in_their_review_queue(submit_story, moderator):
    story, _, _ = submit_story()

    reviewable = TaskState.objects.reviewable_by(moderator)

    assert [state.workflow_state.object_id for state in reviewable] == [str(story.pk)]


def test_approving_an_unchanged_story_publishes_it(
    client, submit_story, story_index, moderator_client, django_capture_on_commit_callbacks
):
    story, _, _ = submit_story(email=AUTHOR)

    approve_in_admin(moderator_client, story, django_capture_on_commit_callbacks)

    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    consent = TaskState.objects.get(
        task__in=AuthorConsentTask.objects.all(), workflow_state__object_id=str(story.pk)
    )
    assert consent.status == TaskState.STATUS_APPROVED
    assert story.title in client.get(story_index.url).content.decode()
    public = client.get(story.url).content.decode()
    assert "Door Merel" in public and "Dwingende controle" in public and "Hulp zoeken" in public
    assert "Voordat je leest" in public and "Bedreiging" in public
    # The author hears it twice, neutrally, and then the address is gone.
    assert author_mail_subjects() == ["Je bericht is aangekomen", "Nieuws over je bericht"]
    assert "staat nu op de website" in mail.outbox[-1].body
    assert submission_of(story).email == ""


def test_an_edited_story_waits_for_the_author_and_goes_live_after_their_approval(
    client, submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path, _ = submit_story(
        email=AUTHOR,
        story="Ik woonde met Mark aan de Kerkstraat 12. " + "Het was een moeilijke tijd. " * 10,
    )
    edited = (
        "<p>Ik woonde met [naam] in een rijtjeshuis. "
        + "Het was een moeilijke tijd. " * 10
        + "</p>"
    )

    edit_in_admin(moderator_client, story, django_capture_on_commit_callbacks, body=edited)

    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live
    assert isinstance(story.current_workflow_task, AuthorConsentTask)
    assert "wijzigingen" in mail.outbox[-1].body and mail.outbox[-1].to == [AUTHOR]
    page = client.get(private_path)
    html = page.content.decode()
    assert "Wacht op jouw goedkeuring" in html
    assert (
        '<del><span class="visually-hidden">[weggehaald: </span>Mark aan de Kerkstraat 12' in html
    )
    assert "[naam] in een rijtjeshuis" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            private_path, {"action": "approve", "version": page.context["version"]}
        )

    assert "Je verhaal is nu gepubliceerd" in response.content.decode()
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    public = client.get(story.url).content.decode()
    assert "[naam] in een rijtjeshuis" in public
    assert "Kerkstraat" not in public
    assert author_mail_subjects()[-1] == "Nieuws over je bericht"
    assert submission_of(story).email == ""


def test_the_author_approves_only_the_version_they_read(
    client, submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path, _ = submit_story()
    edit_in_admin(
        moderator_client,
        story,
        django_capture_on_commit_callbacks,
        body="<p>" + "Een aangepaste versie van mijn verhaal. " * 8 + "</p>",
    )
    seen = client.get(private_path).context["version"]
    # The moderator changes the text once more while the author is reading.
    latest = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    latest.body = "<p>" + "Nog een andere versie van mijn verhaal. " * 8 + "</p>"
    latest.save_revision()

    response = client.post(private_path, {"action": "approve", "version": seen})

    assert "opnieuw aangepast terwijl je aan het lezen was" in response.content.decode()
    assert not StoryPage.objects.get(pk=story.pk).live


def test_declining_a_story_sends_a_kind_message_with_help_and_forgets_the_address(
    client, submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path, _ = submit_story(email=AUTHOR)
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/pages/workflow/action/{story.pk}/reject/{task_state.pk}/",
            {"comment": "Te herkenbaar."},
        )

    declined = mail.outbox[-1]
    assert declined.to == [AUTHOR]
    assert declined.subject == "Nieuws over je bericht"
    assert "besloten je tekst niet te publiceren" in declined.body
    assert "0800-2000" in declined.body
    assert "Te herkenbaar" not in declined.body
    assert submission_of(story).email == ""
    assert "Niet gepubliceerd" in client.get(private_path).content.decode()
    assert not StoryPage.objects.get(pk=story.pk).live


def test_moderators_can_take_a_story_back_from_the_author_without_declining_it(
    client, submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path, _ = submit_story(email=AUTHOR)
    edit_in_admin(
        moderator_client,
        story,
        django_capture_on_commit_callbacks,
        body="<p>" + "Een aangepaste versie van mijn verhaal. " * 8 + "</p>",
    )
    sent = len(mail.outbox)
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            f"/admin/pages/workflow/action/{story.pk}/reject/{task_state.pk}/", {"comment": ""}
        )

    assert len(mail.outbox) == sent
    assert "Een moderator leest je verhaal" in client.get(private_path).content.decode()
    assert submission_of(story).email == AUTHOR


def test_someone_outside_the_moderators_cannot_approve_a_story(
    submit_story, django_user_model, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group, Permission
    from django.test import Client

    story, _, _ = submit_story()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    editor = django_user_model.objects.create_user(username="redacteur", password="x")
    TOTP.activate(editor, generate_totp_secret())
    group = Group.objects.create(name="Alleen beheer")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    other = Client()
    other.force_login(editor)
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state

    other.post(f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {})

    assert not StoryPage.objects.get(pk=story.pk).live
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
