"""Story HTML back to text, reading time, and the author's diff."""

import pytest

from stories.diff import diff_words, has_changes
from stories.formatting import html_to_text, reading_minutes, text_to_html

pytestmark = pytest.mark.smoke


def test_story_html_turns_back_into_what_the_author_typed():
    typed = (
        "Hallo *wereld* en **moed**.\nTweede regel\n\n- een\n- twee\n\n> Een citaat\n\n"
        "<b>geen html</b>"
    )

    assert html_to_text(text_to_html(typed)) == typed


def test_reading_time_is_at_least_a_minute_and_counts_words():
    assert reading_minutes(text_to_html("kort")) == 1
    assert reading_minutes(text_to_html("woord " * 401)) == 3


def test_the_diff_groups_a_changed_phrase_into_one_removal_and_one_addition():
    pieces = diff_words(
        "Ik woonde met Mark aan de Kerkstraat 12. Het was zwaar.",
        "Ik woonde met [naam] in een rijtjeshuis. Het was zwaar.",
    )

    assert pieces == [
        ("equal", "Ik woonde met "),
        ("delete", "Mark aan de Kerkstraat 12"),
        ("insert", "[naam] in een rijtjeshuis"),
        ("equal", ". Het was zwaar."),
    ]
    assert has_changes(pieces)


def test_an_unchanged_text_has_no_changes():
    assert not has_changes(diff_words("Zelfde tekst.", "Zelfde tekst."))
