"""The room page: joining under a pseudonym, reading without JavaScript, the moderator's view."""

import re
from html.parser import HTMLParser

import pytest

from live.models import LiveRoom, Message, Participant, Question, Statement
from tests.helpers import make_staff, staff_login

pytestmark = pytest.mark.django_db


def _say(room, name, text, **fields):
    participant, _ = Participant.objects.get_or_create(
        room=room, guest_key=f"key-{name}", defaults={"name": name}
    )
    return Message.objects.create(room=room, participant=participant, text=text, **fields)


def test_a_guest_is_asked_for_a_pseudonym_and_then_takes_part_under_it(client, room):
    page = client.get(f"/live/{room.slug}/").content.decode()
    assert "Kies een schuilnaam" in page
    assert 'name="pseudonym"' in page

    response = client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": "Merel"})

    assert response.status_code == 302
    assert response["Location"] == f"/live/{room.slug}/#live-chat"
    page = client.get(f"/live/{room.slug}/").content.decode()
    assert "Je doet mee als <strong>Merel</strong>" in page
    assert 'name="pseudonym"' not in page


def test_a_pseudonym_with_contact_details_is_refused_with_a_clear_message(client, room):
    response = client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": "Merel 0612345678"})

    assert response.status_code == 400
    assert "mag geen e-mailadres of telefoonnummer bevatten" in response.content.decode()
    assert "live_guest" not in client.session


def test_a_guest_cannot_choose_a_second_name_to_get_around_a_mute(client, room):
    client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": "Merel"})
    client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": "Iemand Anders"})

    assert client.session["live_guest"]["name"] == "Merel"


def test_choosing_names_again_and_again_is_slowed_down(room):
    from django.test import Client

    responses = []
    for number in range(8):
        responses.append(
            Client().post(f"/live/{room.slug}/meedoen/", {"pseudonym": f"Naam {number}"})
        )
    assert responses[5].status_code == 302
    assert "live_guest" not in responses[-1].wsgi_request.session


def test_a_signed_in_member_takes_part_under_their_display_name(client, room, django_user_model):
    user = django_user_model.objects.create_user(username="s", password="x", pseudonym="Sanne")
    client.force_login(user)

    page = client.get(f"/live/{room.slug}/").content.decode()

    assert "Je doet mee als <strong>Sanne</strong>" in page
    assert 'name="pseudonym"' not in page


def test_without_javascript_the_page_says_so_and_shows_the_history_read_only(client, room):
    _say(room, "Merel", "Wat een goed panel")
    _say(room, "Noor", "Weggehaald bericht", status=Message.Status.REMOVED)
    _say(room, "Bram", "Wachtend bericht", status=Message.Status.HELD)
    participant = Participant.objects.get(name="Merel")
    Question.objects.create(room=room, participant=participant, text="Open vraag?", status="open")
    Question.objects.create(room=room, participant=participant, text="Geheim?", status="pending")
    Statement.objects.create(
        room=room, text="Melden heeft zin.", status="closed", agree_count=3, disagree_count=1
    )

    page = client.get(f"/live/{room.slug}/").content.decode()

    assert "De live ruimte werkt met JavaScript" in page
    assert "Wat een goed panel" in page
    assert "Open vraag?" in page
    assert "Melden heeft zin." in page
    assert "3 stemmen (75%)" in page
    assert "Vragen die wachten op een moderator: <span data-live-waiting>1</span>" in page
    for hidden in ("Weggehaald bericht", "Wachtend bericht", "Geheim?"):
        assert hidden not in page


def test_the_page_shows_the_panel_it_belongs_to(client, room, event):
    page = client.get(f"/live/{room.slug}/").content.decode()

    assert "Het Verdrag van Istanbul" in page
    assert "Wat belooft het verdrag?" in page
    assert "Een jurist, Een ervaringsdeskundige" in page
    assert 'href="/evenementen/9-december/"' in page


def test_the_page_has_no_inline_script_or_style_and_is_not_indexed_or_cached(client, room):
    response = client.get(f"/live/{room.slug}/")
    page = response.content.decode()

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert " style=" not in page
    assert re.search(r" on[a-z]+=", page) is None
    assert '<script type="module" src="/static/live/room.js">' in page
    assert "noindex" in page
    assert "no-store" in response["Cache-Control"]


def test_a_closed_room_asks_for_no_name_and_stays_readable(client, make_room):
    closed = make_room(status=LiveRoom.Status.CLOSED)
    _say(closed, "Merel", "Tot de volgende keer")

    page = client.get(f"/live/{closed.slug}/").content.decode()

    assert 'name="pseudonym"' not in page
    assert "Gesloten" in page
    assert "Tot de volgende keer" in page


def test_an_unknown_room_is_not_found(client, room):
    assert client.get("/live/bestaat-niet/").status_code == 404


def test_moderators_get_the_moderation_controls_and_guests_do_not(client, room):
    assert "live-moderation" not in client.get(f"/live/{room.slug}/").content.decode()

    user, secret = make_staff("Moderatoren")
    staff_login(client, user, secret, next_url=f"/live/{room.slug}/")
    page = client.get(f"/live/{room.slug}/").content.decode()

    assert "live-moderation" in page
    assert "Ruimte sluiten" in page
    assert 'data-action="message.remove"' in page


def test_a_moderator_without_a_second_factor_gets_no_controls(client, room):
    user, _secret = make_staff("Moderatoren", with_totp=False)
    client.force_login(user)

    assert "live-moderation" not in client.get(f"/live/{room.slug}/").content.decode()


def test_a_name_already_in_the_room_is_refused_in_any_spelling(client, room):
    _say(room, "Merel", "Hallo")

    for taken in ("merel", "Mérel", "MEREL "):
        response = client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": taken})
        assert response.status_code == 400
        assert "gebruikt al iemand in deze ruimte" in response.content.decode()
    assert "live_guest" not in client.session


@pytest.mark.parametrize("name", ["Moderator", "Moderator Mo", "Veilig Thuis", "Team Kring"])
def test_a_guest_cannot_take_a_name_that_speaks_for_kring_or_a_help_service(client, room, name):
    response = client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": name})

    assert response.status_code == 400
    assert "kan verward worden met de medewerkers van Kring" in response.content.decode()


def test_a_guests_name_is_forgotten_when_the_browser_closes_or_when_they_leave(client, room):
    client.post(f"/live/{room.slug}/meedoen/", {"pseudonym": "Merel"})
    assert client.session.get_expire_at_browser_close()

    page = client.get(f"/live/{room.slug}/").content.decode()
    assert f'action="/live/{room.slug}/vergeten/"' in page

    response = client.post(f"/live/{room.slug}/vergeten/", follow=True)

    page = response.content.decode()
    assert "Deze browser kent je naam niet meer" in page
    assert 'name="pseudonym"' in page
    assert "live_guest" not in client.session


def test_members_are_not_offered_to_forget_a_name(client, room, django_user_model):
    user = django_user_model.objects.create_user(username="s", password="x", pseudonym="Sanne")
    client.force_login(user)

    page = client.get(f"/live/{room.slug}/").content.decode()

    assert "/vergeten/" not in page
    client.post(f"/live/{room.slug}/vergeten/")
    assert client.session.get("_auth_user_id")


class _Visible(HTMLParser):
    """Whether the element with a given attribute is shown without JavaScript (no hidden
    element around it)."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, attribute):
        super().__init__()
        self.attribute, self.stack, self.found = attribute, [], None

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        hidden = "hidden" in names or bool(self.stack and self.stack[-1][1])
        if self.attribute in names.values() or self.attribute in names:
            self.found = not hidden if self.found is None else self.found
        if tag not in self.VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass


def test_without_javascript_the_page_offers_no_join_form_it_says_cannot_be_used(client, room):
    page = client.get(f"/live/{room.slug}/").content.decode()
    assert "De live ruimte werkt met JavaScript" in page

    parser = _Visible("pseudonym")
    parser.feed(page)

    assert parser.found is False  # in the page for JavaScript to show, but hidden until then


def test_the_support_box_names_a_way_out_that_works_while_typing(client, room):
    """It shows after a message about danger, when the writer is still in the chat field,
    where Escape does nothing (so that it cannot throw away what someone typed)."""
    page = client.get(f"/live/{room.slug}/").content.decode()

    assert "Druk drie keer op Shift, of op de knop “Snel weg”" in page
    assert "Druk op Escape" not in page
