"""The story form states its rules before she sends it, and never cuts her text off."""

import re

import pytest
from django.utils.html import escape

from stories.forms import STORY_MAX, STORY_MIN
from tests.stories.conftest import STORY_TEXT, story_data


def textarea(html: str) -> str:
    return re.search(r"<textarea[^>]*>", html).group(0)


def test_every_rule_is_shown_before_sending(client, submit_url):
    html = client.get(submit_url).content.decode()

    assert f"Schrijf minstens {STORY_MIN} en hoogstens {STORY_MAX} tekens." in html
    assert "(geen emoji)" in html
    assert "Gebruik 2 tot 40 letters, cijfers, spaties, punten, streepjes of apostroffen" in html
    assert "Laat namen, plaatsen en nummers weg" in html
    # The Escape key is explained where she types, with the ways out that do work.
    assert "Terwijl je hier typt, doet de Escape-toets niets" in html
    assert "drie keer op Shift" in html


def test_the_story_field_is_not_cut_off_by_the_browser_and_names_its_hints(client, submit_url):
    field = textarea(client.get(submit_url).content.decode())

    assert "maxlength" not in field
    assert f'data-count-max="{STORY_MAX}"' in field
    assert f'data-count-min="{STORY_MIN}"' in field
    described = re.search(r'aria-describedby="([^"]+)"', field).group(1).split()
    assert described == ["id_story_helptext", "id_story_count", "id_story_escape"]


def test_the_live_count_messages_are_translated_for_the_script(client, submit_url):
    html = client.get(submit_url).content.decode()

    assert 'data-below="{count} tekens. Schrijf er nog minstens {more}."' in html
    assert escape("{count} tekens: {over} te veel.") in html


def test_a_too_long_story_comes_back_whole_with_the_error_summary_focused(client, submit_url):
    too_long = STORY_TEXT + "x" * (STORY_MAX - len(STORY_TEXT) + 5)

    response = client.post(submit_url, story_data(story=too_long))

    html = response.content.decode()
    assert f"Je verhaal is langer dan {STORY_MAX} tekens" in html
    assert escape(too_long) in html
    summary = re.search(r'<div class="error-summary"[^>]*>', html).group(0)
    assert "autofocus" in summary
    assert 'tabindex="-1"' in summary
    # The field's own error is read out with the field.
    assert "id_story_error" in re.search(r'aria-describedby="([^"]+)"', textarea(html)).group(1)


def test_the_form_points_to_the_safety_page(client, submit_url):
    html = client.get(submit_url).content.decode()

    assert 'href="/veilig-gebruiken/"' in html


@pytest.mark.parametrize("field", ["pseudonym", "title"])
def test_fields_without_an_error_are_not_described_by_one(client, submit_url, field):
    html = client.post(submit_url, story_data(story="kort")).content.decode()

    tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
    assert "_error" not in tag
