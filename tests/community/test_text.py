import sys
import unicodedata

from community.text import clean_html, clean_text


def test_clean_html_keeps_the_safe_formatting_only():
    dirty = (
        '<p onclick="x()">Hallo <em>jij</em> <a href="javascript:alert(1)">link</a></p>'
        "<script>alert(1)</script><img src=x onerror=alert(1)><ul><li>een</li></ul>"
    )

    clean = clean_html(dirty)

    assert clean == "<p>Hallo <em>jij</em> link</p><ul><li>een</li></ul>"


def test_clean_html_drops_attributes_from_allowed_tags():
    assert clean_html('<blockquote style="color:red" class="x">citaat</blockquote>') == (
        "<blockquote>citaat</blockquote>"
    )


def test_clean_text_removes_markup_and_invisible_characters():
    text = "  <b>Hoi</b>\u202e gevaar\u200b   daar \x00\n\n\n\nnieuwe alinea "

    assert clean_text(text) == "Hoi gevaar daar\n\nnieuwe alinea"


def test_clean_text_leaves_plain_characters_readable_and_respects_the_limit():
    assert clean_text("Tom & Jerry <3", max_length=9) == "Tom & Jer"


def test_clean_text_removes_every_invisible_format_and_control_character():
    invisible = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cf", "Cc") and chr(code) not in "\t\n\r"
    ]
    assert len(invisible) > 150  # the whole categories, not a sample

    text = "".join(f"a{char}" for char in invisible if char not in "<>&")

    assert clean_text(text) == "a" * len(invisible)
    assert clean_html(f"<p>{text}</p>") == "<p>" + "a" * len(invisible) + "</p>"


def test_clean_html_drops_a_script_or_style_with_its_content_and_every_comment():
    dirty = "<p>Voor</p><style>p{display:none}</style><!-- <p>verborgen</p> --><p>Na</p>"

    assert clean_html(dirty) == "<p>Voor</p><p>Na</p>"


def test_clean_html_escapes_what_looks_like_markup_but_is_text():
    assert clean_html("<p>3 < 5 & 7 > 6</p>") == "<p>3 &lt; 5 &amp; 7 &gt; 6</p>"
