"""The page, the form and every validation message, as a neighbour meets them."""

import pytest

from concerns.models import ConcernPage, Signal
from tests.concerns.conftest import URL, band_of
from tests.helpers import assert_private

pytestmark = pytest.mark.django_db


def test_page_explains_the_tool_calmly_before_the_form(client, concern_page):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Het is geen melding" in html
    assert "anoniem" in html
    assert "0800-2000" in html
    assert 'Is er nu iemand in gevaar? Bel <a href="tel:112">112</a>.' in html
    assert 'name="postcode"' in html and 'name="house_number"' in html
    assert 'name="addition"' in html and 'name="noticed"' in html and 'name="when"' in html
    # Nothing free-text about people: every other input is a checkbox, a radio or hidden.
    assert "<textarea" not in html


def test_page_is_never_stored_by_a_cache_and_only_the_form_is_indexed(neighbour, client):
    form = client.get(URL)
    result = neighbour().signal()

    assert form["Cache-Control"] == "no-store"
    assert "X-Robots-Tag" not in form
    assert_private(result)
    assert_private(client.get(URL + "controle/"))


def test_english_visitors_get_the_tool_in_english(client, concern_page):
    client.cookies["kring_language"] = "en"

    html = client.get(URL).content.decode()

    assert "It is not a report." in html
    assert "Which address are you worried about?" in html


def test_address_inputs_ask_the_browser_not_to_remember_them(client, concern_page):
    html = client.get(URL).content.decode()

    assert html.count('autocomplete="off"') >= 3


def test_form_posts_to_the_page_itself_without_anything_in_the_url(client, concern_page):
    html = client.get(URL).content.decode()

    assert f'<form method="post" action="{URL}#signaal"' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "", "Vul de postcode in."),
        (
            "postcode",
            "12345",
            "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
        ),
        ("postcode", "0123 AB", "Een Nederlandse postcode begint nooit met een 0."),
        (
            "postcode",
            "1234 SS",
            "Deze postcode bestaat niet: Nederlandse postcodes eindigen nooit op SA, SD of SS.",
        ),
        (
            "postcode",
            "1234 sa",
            "Deze postcode bestaat niet: Nederlandse postcodes eindigen nooit op SA, SD of SS.",
        ),
        ("postcode", "1234 AB 1234 AB", "Dit is langer dan een adresveld kan zijn."),
        ("house_number", "", "Vul het huisnummer in."),
        ("house_number", "twaalf", "Vul het huisnummer in cijfers in, bijvoorbeeld 12."),
        ("house_number", "0", "Een huisnummer ligt tussen 1 en 99999."),
        ("house_number", "100000", "Een huisnummer ligt tussen 1 en 99999."),
        (
            "addition",
            "A+",
            "Gebruik alleen letters en cijfers in de toevoeging, bijvoorbeeld A of 2.",
        ),
        (
            "addition",
            "3 hoog",
            "Een toevoeging heeft hoogstens 4 letters of cijfers, bijvoorbeeld A, 2 of BIS.",
        ),
        ("noticed", [], "Vink minstens één ding aan dat je opviel."),
        ("when", "", "Kies ongeveer wanneer het je opviel."),
    ],
)
def test_each_mistake_gets_a_clear_message_and_nothing_is_stored(neighbour, field, value, message):
    values = {
        "postcode": "3511 AB",
        "house_number": "12",
        "addition": "",
        "noticed": ["crying"],
        "when": "month",
    }
    values[field] = value

    response = neighbour().signal(**values)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'class="error-summary"' in html
    assert band_of(response) is None
    assert Signal.objects.count() == 0


def test_addition_typed_in_both_fields_is_pointed_out(neighbour):
    response = neighbour().signal(house_number="12a", addition="b")

    assert (
        "Je typte een toevoeging in beide velden. Zet die alleen in dit veld."
        in response.content.decode()
    )
    assert Signal.objects.count() == 0


def test_error_is_tied_to_its_input_for_screen_readers(neighbour):
    html = neighbour().signal(postcode="12345").content.decode()

    assert 'aria-describedby="id_postcode_error address_helptext"' in html
    assert 'aria-invalid="true"' in html
    assert '<a href="#id_postcode">' in html


def test_what_was_typed_is_kept_when_the_form_comes_back_with_errors(neighbour):
    html = neighbour().signal(postcode="3511 AB", house_number="twaalf").content.decode()

    assert 'value="3511 AB"' in html


@pytest.mark.parametrize(
    ("postcode", "house_number", "addition"),
    [
        ("3511ab", "12", "a"),
        (" 3511  AB ", "012", "-A"),
        ("3511 Ab", "12a", ""),
        ("3511AB", "12 - A", ""),
        ("3511\tab", "12", " a "),
    ],
)
def test_spellings_of_one_address_are_keyed_the_same(neighbour, postcode, house_number, addition):
    neighbour().signal(postcode="3511 AB", house_number="12", addition="A")

    neighbour().signal(postcode=postcode, house_number=house_number, addition=addition)

    assert Signal.objects.values("address_key").distinct().count() == 1
    assert Signal.objects.count() == 2


def test_an_addition_makes_a_different_address(neighbour):
    neighbour().signal(house_number="12")
    neighbour().signal(house_number="12", addition="B")

    assert Signal.objects.values("address_key").distinct().count() == 2


def test_only_one_tool_page_can_exist_and_only_under_the_home_page(
    concern_page, home_page, help_page
):
    assert ConcernPage.can_exist_under(home_page)
    assert not ConcernPage.can_create_at(home_page)  # there is one already
    assert not ConcernPage.can_exist_under(help_page)
    assert ConcernPage.allowed_subpage_models() == []


def test_page_other_methods_are_refused(client, concern_page):
    assert client.head(URL).status_code == 200
    assert client.put(URL).status_code == 405
    assert client.post(URL + "controle/").status_code == 405
