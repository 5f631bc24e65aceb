"""What moderators read about a story in review: what follows an approval, who it waits for."""

import re

import pytest
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowTask
from wagtail.users.models import UserProfile

from stories.models import StoryPage
from stories.seeding import MODERATORS
from tests.stories.test_workflow import edit_in_admin

pytestmark = pytest.mark.django_db

EDITED = (
    "<p>Ik woonde met [naam] in een rijtjeshuis. " + "Het was een moeilijke tijd. " * 10 + "</p>"
)


def messages_after(response, client):
    """The text of the messages on the page the edit view sends the moderator to."""
    html = client.get(response["Location"]).content.decode()
    return " ".join(re.findall(r'<li class="success">(.*?)</li>', html, re.S))


def test_approving_an_unchanged_story_says_it_is_published(
    submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, _, _ = submit_story()
    unchanged = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object().body

    response = edit_in_admin(
        moderator_client, story, django_capture_on_commit_callbacks, body=unchanged
    )

    message = messages_after(response, moderator_client)
    assert "is goedgekeurd en gepubliceerd: lezers zien het nu." in message
    assert "is gewijzigd" not in message
    assert StoryPage.objects.get(pk=story.pk).live


def test_approving_an_edited_story_says_it_went_to_the_author_who_gets_a_mail(
    submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, _, _ = submit_story(email="merel@example.org")

    response = edit_in_admin(
        moderator_client, story, django_capture_on_commit_callbacks, body=EDITED
    )

    message = messages_after(response, moderator_client)
    assert "is goedgekeurd en naar de auteur gestuurd" in message
    assert "pas gepubliceerd als de auteur het goedkeurt" in message
    assert "De auteur krijgt daarover een onopvallende e-mail." in message
    assert "is gewijzigd" not in message


def test_without_an_address_the_moderator_learns_the_author_must_look_herself(
    submit_story, moderator_client, django_capture_on_commit_callbacks
):
    story, _, _ = submit_story()

    response = edit_in_admin(
        moderator_client, story, django_capture_on_commit_callbacks, body=EDITED
    )

    assert "geen e-mailadres achtergelaten" in messages_after(response, moderator_client)


def test_with_a_second_review_step_the_message_names_it(
    submit_story, moderator_client, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    workflow = Workflow.objects.get(name="Verhalen")
    second = GroupApprovalTask.objects.create(name="Tweede lezing")
    second.groups.add(Group.objects.get(name=MODERATORS))
    WorkflowTask.objects.filter(workflow=workflow, sort_order=1).update(sort_order=2)
    WorkflowTask.objects.create(
        workflow=workflow, task=Task.objects.get(pk=second.pk), sort_order=1
    )
    story, _, _ = submit_story()

    response = edit_in_admin(
        moderator_client, story, django_capture_on_commit_callbacks, body=EDITED
    )

    message = messages_after(response, moderator_client)
    assert (
        "Het wacht nu op de volgende stap, “Tweede lezing”, door een andere moderator." in message
    )


def test_the_message_is_in_english_for_a_moderator_who_reads_english(
    submit_story, moderator, moderator_client, django_capture_on_commit_callbacks
):
    UserProfile.objects.update_or_create(user=moderator, defaults={"preferred_language": "en"})
    story, _, _ = submit_story(email="merel@example.org")

    response = edit_in_admin(
        moderator_client, story, django_capture_on_commit_callbacks, body=EDITED
    )

    message = messages_after(response, moderator_client)
    assert "is approved and sent to its author" in message
    assert "They get a discreet e-mail about it." in message


def test_the_page_list_tells_waiting_for_the_author_from_waiting_for_moderators(
    submit_story, story_index, moderator_client, django_capture_on_commit_callbacks
):
    with_author, _, _ = submit_story(title="Bij de auteur")
    edit_in_admin(moderator_client, with_author, django_capture_on_commit_callbacks, body=EDITED)
    submit_story(title="Bij de moderatoren")

    html = moderator_client.get(f"/admin/pages/{story_index.pk}/").content.decode()

    rows = {title: row for row in html.split("<tr") for title in re.findall(r"Bij de \w+", row)}
    assert "wacht op de auteur" in rows["Bij de auteur"]
    assert "ter goedkeuring" not in rows["Bij de auteur"]
    assert "ter goedkeuring" in rows["Bij de moderatoren"]
    assert "wacht op de auteur" not in rows["Bij de moderatoren"]


def test_the_dashboard_counts_the_two_apart_and_links_to_each_list(
    submit_story, moderator_client, django_capture_on_commit_callbacks
):
    with_author, _, _ = submit_story(title="Bij de auteur")
    edit_in_admin(moderator_client, with_author, django_capture_on_commit_callbacks, body=EDITED)
    submit_story(title="Bij de moderatoren")

    html = moderator_client.get("/admin/").content.decode()

    assert "1 item wacht op een besluit." in html
    author_link = re.search(r'href="([^"]+)">1 verhaal wacht op toestemming van de auteur<', html)
    review_link = re.search(r'href="([^"]+)">1 pagina wacht op beoordeling door moderatoren<', html)
    assert author_link and review_link
    for link, shown, not_shown in (
        (author_link[1], "Bij de auteur", "Bij de moderatoren"),
        (review_link[1], "Bij de moderatoren", "Bij de auteur"),
    ):
        listing = moderator_client.get(link.replace("&amp;", "&")).content.decode()
        assert shown in listing
        assert not_shown not in listing
