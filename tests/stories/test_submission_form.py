"""The public form at /verhalen/delen/: what a visitor, a careless sender and a bot get back."""

import pytest
from django.core import mail

from stories.forms import STORY_MAX
from stories.models import StoryPage, StorySubmission
from tests.stories.conftest import story_data

pytestmark = pytest.mark.django_db


def test_the_form_asks_for_everything_in_dutch_without_an_account(client, submit_url):
    response = client.get(submit_url)

    html = response.content.decode()
    assert response.status_code == 200
    for label in [
        "Schuilnaam",
        "Titel",
        "Je verhaal",
        "Thema’s",
        "Inhoudswaarschuwingen",
        "Ik geef Kring toestemming",
        "moderatoren details mogen weghalen",
        "E-mailadres voor nieuws over je verhaal",
    ]:
        assert label in html
    assert "Dwingende controle" in html and "Zelfdoding of zelfbeschadiging" in html
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_sending_a_story_shows_a_calm_confirmation_with_the_private_link_and_help(submit_story):
    story, private_path, response = submit_story()

    html = response.content.decode()
    assert "Dank je wel voor het delen van je verhaal" in html
    assert private_path in html
    assert "We laten hem alleen deze ene keer zien" in html
    assert "0800-2000" in html and "112" in html
    assert "no-store" in response["Cache-Control"]
    submission = StorySubmission.objects.get(page=story)
    token = private_path.rstrip("/").rsplit("/", 1)[1]
    assert token not in submission.token_digest and len(submission.token_digest) == 64


def test_an_empty_pseudonym_shows_as_anonymous(submit_story):
    story, _, _ = submit_story(pseudonym="")

    assert StoryPage.objects.get(pk=story.pk).display_pseudonym == "Anoniem"


def test_the_author_with_an_address_gets_the_link_in_a_discreet_mail(submit_story):
    _, private_path, _ = submit_story(email="Merel@Example.org")

    [message] = mail.outbox
    assert message.to == ["merel@example.org"]
    assert message.subject == "Je bericht is aangekomen"
    assert message.from_email == "Kring <noreply@kring.example>"
    assert private_path in message.body
    html = message.alternatives[0][0]
    assert private_path in html
    assert "<img" not in html and "http" not in html.replace(f"http://testserver{private_path}", "")
    for word in ["geweld", "verhaal", "Het gesprek dat alles veranderde"]:
        assert word not in message.subject
    assert "Het gesprek dat alles veranderde" not in message.body


def test_without_an_address_no_mail_is_sent(submit_story):
    submit_story(email="")

    assert mail.outbox == []


TOO_LONG_STORY = "a" * (STORY_MAX + 1)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Geef je verhaal een titel."),
        ("title", "x" * 121, "Houd de titel op maximaal 120 tekens (nu 121)."),
        ("title", "<b></b>!", "Geef je verhaal een titel van minstens 3 letters."),
        ("story", "", "Schrijf hier je verhaal voordat je het verstuurt."),
        ("story", "Te kort.", "Je verhaal is nog erg kort. Schrijf minstens 200 tekens (nu 8)."),
        ("story", TOO_LONG_STORY, "Je verhaal is langer dan 20000 tekens (nu 20001)."),
        ("pseudonym", "M", "Zorg dat deze waarde ten minste 2 tekens bevat (het zijn er nu 1)."),
        (
            "pseudonym",
            "m" * 41,
            "Zorg dat deze waarde niet meer dan 40 tekens bevat (het zijn er nu 41).",
        ),
        ("pseudonym", "Merel <3 !!", "Gebruik alleen letters, cijfers, spaties, punten"),
        ("pseudonym", "merel@example.org", "Gebruik alleen letters, cijfers, spaties, punten"),
        (
            "pseudonym",
            "Merel 0612345678",
            "Een schuilnaam mag geen e-mailadres of telefoonnummer bevatten.",
        ),
        ("themes", ["bestaat-niet"], "Kies thema’s uit de lijst."),
        ("content_warnings", ["<script>"], "Kies inhoudswaarschuwingen uit de lijst."),
        (
            "consent",
            None,
            "We kunnen je verhaal alleen publiceren als je daar toestemming voor geeft.",
        ),
        ("redaction", None, "Bevestig dat moderatoren herkenbare details mogen weghalen."),
        ("email", "merel@", "Dit lijkt geen e-mailadres. Controleer het, of laat het veld leeg."),
        ("email", "m" * 250 + "@example.org", "Dit e-mailadres is te lang."),
    ],
)
def test_every_field_rejects_bad_input_with_a_clear_dutch_message(
    client, submit_url, field, value, message
):
    response = client.post(submit_url, story_data(**{field: value}))

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Er moet nog iets worden aangepast" in html
    assert f'href="#id_{field}"' in html
    assert not StoryPage.objects.exists()


def test_a_rejected_form_keeps_what_the_person_wrote(client, submit_url):
    response = client.post(submit_url, story_data(consent=None))

    html = response.content.decode()
    assert "Het gesprek dat alles veranderde" in html
    assert "Dat ene gesprek heeft alles veranderd." in html
    assert 'value="dwingende-controle" id="id_themes_2" checked' in html


def test_a_filled_in_trap_field_pretends_success_and_keeps_nothing(client, submit_url):
    response = client.post(submit_url, story_data(website="https://spam.example"))

    assert response.status_code == 200
    assert "Dank je wel voor het delen van je verhaal" in response.content.decode()
    assert not StoryPage.objects.exists()
    assert not StorySubmission.objects.exists()


def test_sending_the_same_form_twice_adds_the_story_once(client, submit_url, submit_story):
    submit_story(submission_key="form-key-123456")

    again = client.post(submit_url, story_data(submission_key="form-key-123456"))

    assert "Je verhaal is al aangekomen" in again.content.decode()
    assert StoryPage.objects.count() == 1


def test_one_client_can_send_only_a_few_stories_an_hour(client, submit_url, submit_story):
    for _ in range(3):
        submit_story()

    response = client.post(submit_url, story_data(title="Nog een verhaal"))

    html = response.content.decode()
    assert "Je hebt in korte tijd meerdere verhalen gedeeld" in html
    assert "Nog een verhaal" in html  # nothing is lost
    assert StoryPage.objects.count() == 3


def test_the_form_shows_its_steps_and_the_help_numbers(client, submit_url):
    html = client.get(submit_url).content.decode()

    assert "Wat er met je verhaal gebeurt" in html
    assert "Veilig Thuis" in html and "0800-2000" in html
    assert "Masker 19" in html
