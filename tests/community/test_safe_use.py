"""The safety page, the help numbers as tap-to-call links, and the way out of the site."""

import re

import pytest

from community.models import StandardPage
from concerns.models import ConcernPage


def test_the_safety_page_says_what_the_quick_exit_cannot_hide_and_covers_phones(client, db):
    html = client.get("/veilig-gebruiken/").content.decode()

    assert "<h1>Veilig deze site gebruiken</h1>" in html
    assert "Wat de knop niet kan verbergen" in html
    assert "Gebruik een privévenster" in html
    assert "Gebruik een ander apparaat" in html
    assert "Op Android" in html
    assert "Op iPhone en iPad" in html
    # For whoever cannot call: the chat, without hours we could not check.
    assert "Veilig Thuis heeft ook een chat" in html
    assert "voor de openingstijden" in html


def test_the_safety_page_is_in_english_too(client, db):
    client.get("/taal/en/?next=/")

    html = client.get("/veilig-gebruiken/").content.decode()

    assert "<h1>Using this site safely</h1>" in html
    assert "What the button cannot hide" in html


def test_every_page_links_to_the_safety_page_from_the_exit_hint_and_the_footer(client, help_page):
    html = client.get("/hulp/").content.decode()

    hint = re.search(r'<p class="help-banner__exit" id="quick-exit-hint">.*?</p>', html, re.S)
    assert 'href="/veilig-gebruiken/"' in hint.group(0)
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert 'href="/veilig-gebruiken/"' in footer
    # The button is described by that hint: Shift three times, and Escape outside text fields.
    assert 'aria-describedby="quick-exit-hint"' in html
    assert "druk drie keer op Shift" in hint.group(0)


@pytest.fixture
def page_with_numbers(home_page):
    page = home_page.add_child(
        instance=StandardPage(
            title="Hulp",
            slug="hulp-nummers",
            body=(
                "<p>In gevaar? Bel 112. Advies: Veilig Thuis 0800-2000.</p>"
                '<p>Al een link: <a href="tel:08002000">0800-2000</a>. Geen nummer: 1120.</p>'
            ),
        )
    )
    page.save_revision().publish()
    return page


def test_help_numbers_in_page_text_are_tap_to_call_links(client, page_with_numbers):
    html = client.get(page_with_numbers.url).content.decode()
    body = html.split("<main", 1)[1].split("</main>", 1)[0]

    assert '<a href="tel:112">112</a>' in body
    assert body.count('<a href="tel:08002000">0800-2000</a>') == 2
    assert "tel:1120" not in body
    assert '<a href="tel:08002000"><a' not in body


def test_the_footer_offers_a_way_for_people_who_cannot_call(client, help_page):
    footer = client.get("/hulp/").content.decode().split('<footer class="site-footer">', 1)[1]

    assert "Kun je niet bellen?" in footer
    assert 'href="https://veiligthuis.nl/"' in footer
    assert 'href="tel:112"' in footer
    assert 'href="tel:08002000"' in footer


def test_the_concern_tool_offers_both_numbers_as_tap_to_call_links(client, home_page):
    page = home_page.add_child(instance=ConcernPage(title="Bezorgd om je buren?", slug="buren"))
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert '<a href="tel:08002000">0800-2000</a>' in html
    assert '<a href="tel:112">112</a>' in html
