"""Following one commitment by e-mail: double opt-in, news on updates, leaving, and attacks."""

import datetime
import logging
import re

import pytest
from django.core import mail
from django.utils import timezone

from commitments import conf
from commitments.models import CommitmentUpdate, Follower, Status

ADDRESS = "volger@example.org"
LINK = re.compile(r"https?://[^\s\"<]+")


@pytest.fixture
def commitment(commitments_page, make_commitment):
    return make_commitment(what="Een vast aanspreekpunt bij de gemeente.")


def follow(client, commitment, email=ADDRESS, **extra):
    return client.post(f"/toezeggingen/{commitment.pk}/", {"email": email}, **extra)


def links(message, part):
    return [url for url in LINK.findall(message.body) if f"/toezeggingen/{part}/" in url]


def path_of(url):
    return "/" + url.split("/", 3)[3]


def confirm_url(message):
    return path_of(links(message, "bevestigen")[0])


def unsubscribe_url(message):
    return path_of(links(message, "afmelden")[0])


def followed(client, commitment, email=ADDRESS):
    """Follow and confirm through the links in the mail, as a visitor does."""
    follow(client, commitment, email)
    client.post(confirm_url(mail.outbox[-1]))
    return Follower.objects.get(email=email)


def post_update(committed, commitment, text="De wethouder stuurt de raad een brief.", **fields):
    with committed():
        return CommitmentUpdate.objects.create(commitment=commitment, text=text, **fields)


def test_following_takes_a_confirmed_address(client, commitment):
    response = follow(client, commitment)

    assert response.status_code == 302
    assert response["Location"] == f"/toezeggingen/{commitment.pk}/volgen/verstuurd/"
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == "Bevestig dat je wilt volgen"
    follower = Follower.objects.get()
    assert follower.confirmed_at is None

    page = client.get(confirm_url(message))
    follower.refresh_from_db()
    assert page.status_code == 200 and follower.confirmed_at is None  # a GET changes nothing

    client.post(confirm_url(message))
    follower.refresh_from_db()
    assert follower.confirmed_at is not None


def test_an_update_is_mailed_once_to_confirmed_followers_only(
    client, committed, commitment, make_commitment
):
    followed(client, commitment)
    follow(client, commitment, "niet-bevestigd@example.org")
    mail.outbox.clear()

    update = post_update(committed, commitment, status=Status.IN_PROGRESS)
    with committed():
        commitment.save()  # saving again sends nothing new

    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == "Nieuws over een toezegging die je volgt"
    assert "De wethouder stuurt de raad een brief." in message.body
    assert links(message, "afmelden")
    assert "<img" not in message.alternatives[0][0]
    update.refresh_from_db()
    assert update.notified_at is not None


def test_leaving_erases_the_address_and_stops_the_mails(client, committed, commitment):
    follower = followed(client, commitment)
    post_update(committed, commitment)
    url = unsubscribe_url(mail.outbox[-1])

    client.get(url)
    follower.refresh_from_db()
    assert follower.email == ADDRESS  # a mail scanner opening the link changes nothing

    response = client.post(url)
    follower.refresh_from_db()
    assert "Je volgt deze toezegging niet meer" in response.content.decode()
    assert follower.email == "" and follower.unsubscribed_at is not None

    mail.outbox.clear()
    post_update(committed, commitment, text="Nog meer nieuws.")
    assert mail.outbox == []
    assert client.post(url).status_code == 200  # a second click says the same


def test_the_answer_is_the_same_whether_or_not_the_address_already_follows(client, commitment):
    followed(client, commitment, "al-volger@example.org")
    follow(client, commitment, "wacht@example.org")

    answers = [
        follow(client, commitment, email)
        for email in ("nieuw@example.org", "wacht@example.org", "al-volger@example.org")
    ]

    assert answers[0].status_code == 302
    assert len({(a.status_code, a["Location"], a.content) for a in answers}) == 1
    assert Follower.objects.filter(email="al-volger@example.org").count() == 1
    # The address that follows is told so in its own mailbox, nowhere else.
    already = [m for m in mail.outbox if m.to == ["al-volger@example.org"]][-1]
    assert already.subject == "Je volgt dit al"
    assert links(already, "afmelden")


def test_a_made_up_or_misused_link_confirms_and_stops_nothing(client, commitment):
    victim = followed(client, commitment, "slachtoffer@example.org")
    follow(client, commitment, "ander@example.org")
    other = Follower.objects.get(email="ander@example.org")
    their_confirm = confirm_url(mail.outbox[-1])
    token = their_confirm.rstrip("/").rsplit("/", 1)[1]

    assert client.post("/toezeggingen/afmelden/" + "A" * 43 + "/").status_code == 404
    assert client.post("/toezeggingen/bevestigen/" + "A" * 43 + "/").status_code == 404
    # A confirmation link is not a way to stop someone's news.
    assert client.post(f"/toezeggingen/afmelden/{token}/").status_code == 404
    victim.refresh_from_db()
    other.refresh_from_db()
    assert victim.email == "slachtoffer@example.org" and victim.unsubscribed_at is None
    assert other.email == "ander@example.org" and other.confirmed_at is None


def test_an_expired_confirmation_link_says_so(client, clock, commitment):
    follow(client, commitment)
    url = confirm_url(mail.outbox[-1])
    clock.set(timezone.now() + conf.confirm_link_lifetime() + datetime.timedelta(minutes=1))

    response = client.post(url)

    assert response.status_code == 410
    assert Follower.objects.get().confirmed_at is None


def test_no_address_or_token_reaches_a_log(client, committed, commitment, caplog):
    caplog.set_level(logging.DEBUG)
    followed(client, commitment)
    post_update(committed, commitment)
    url = unsubscribe_url(mail.outbox[-1])
    client.post(url)
    tokens = [u.rstrip("/").rsplit("/", 1)[1] for m in mail.outbox for u in LINK.findall(m.body)]

    logged = caplog.text
    assert "kring.access" in logged  # the requests were logged, without these:
    assert ADDRESS not in logged
    for token in tokens:
        if len(token) > 20:
            assert token not in logged


def test_the_follow_form_is_rate_limited_per_client(client, commitment):
    for n in range(conf.ATTEMPTS_PER_CLIENT_PER_HOUR):
        follow(client, commitment, f"iemand{n}@example.org")
    sent = len(mail.outbox)

    response = follow(client, commitment, "nog-een@example.org")

    assert response.status_code == 200
    assert "veel pogingen" in response.content.decode()
    assert len(mail.outbox) == sent
    assert not Follower.objects.filter(email="nog-een@example.org").exists()


def test_one_address_gets_a_few_mails_a_day_however_often_it_is_typed_in(client, commitment):
    for _n in range(conf.MAILS_PER_ADDRESS_PER_DAY + 2):
        response = follow(client, commitment, "doelwit@example.org")
        assert response.status_code == 302

    assert len(mail.outbox) == conf.MAILS_PER_ADDRESS_PER_DAY


def test_bad_input_gets_a_clear_message(client, commitment):
    response = follow(client, commitment, "geen-adres")

    assert response.status_code == 200
    assert "Dit lijkt geen e-mailadres" in response.content.decode()
    assert not Follower.objects.exists()


def test_a_done_commitment_cannot_be_followed(client, commitments_page, make_commitment):
    done = make_commitment(status=Status.DONE)

    response = follow(client, done)

    assert response.status_code == 200
    assert 'name="email"' not in response.content.decode()
    assert not Follower.objects.exists()
