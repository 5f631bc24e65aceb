"""Markup, scripts and event handlers typed into any field end up as harmless text."""

from html.parser import HTMLParser

import pytest

from stories.formatting import text_to_html
from stories.models import StoryPage
from tests.stories.conftest import STORY_TEXT, story_data
from tests.stories.test_workflow import approve_in_admin

pytestmark = pytest.mark.django_db

TITLE_PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>"><b onclick=x>'
PAYLOAD = (
    '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">klik</a>'
    '<svg onload=alert(4)></svg>"><iframe src="//evil.example"></iframe>'
    "<p style=\"background:url(javascript:alert(5))\" onmouseover='alert(6)'>x</p>"
)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(html):
    """No executable markup in `html` beyond the site's own static module scripts."""
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in {"img", "svg", "iframe", "object", "embed", "base", "meta"} or (
            tag == "meta" and "http-equiv" not in attrs
        ), tag
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name)
        assert "style" not in attrs, tag


def test_payloads_in_the_title_and_story_are_shown_as_text_on_every_page(
    client, submit_story, story_index, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path, confirmation = submit_story(
        title="Titel " + TITLE_PAYLOAD, story=STORY_TEXT + "\n\n*" + PAYLOAD + "*\n\n- " + PAYLOAD
    )
    approve_in_admin(moderator_client, story, django_capture_on_commit_callbacks)
    story = StoryPage.objects.get(pk=story.pk)

    pages = {
        "story": client.get(story.url).content.decode(),
        "index": client.get(story_index.url).content.decode(),
        "private": client.get(private_path).content.decode(),
        "confirmation": confirmation.content.decode(),
    }

    for html in pages.values():
        assert_inert(html)
    # The author's text survives as visible characters, not as markup.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["story"]
    assert "<em>&lt;script&gt;" in pages["story"]
    assert "<li>&lt;script&gt;" in pages["story"]
    # A title is plain text: the markup is dropped (a script with its content) and what
    # remains is escaped.
    assert story.title == 'Titel ">'
    assert "<script>" not in story.title


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pseudonym", "<script>alert(1)</script>"),
        ("pseudonym", 'Merel" onmouseover="alert(1)'),
        ("themes", ['"><script>alert(1)</script>']),
        ("content_warnings", ["<img src=x onerror=alert(1)>"]),
        ("email", '"><script>alert(1)</script>@example.org'),
    ],
)
def test_payloads_in_the_other_fields_are_refused_and_not_echoed_as_markup(
    client, submit_url, field, value
):
    response = client.post(submit_url, story_data(**{field: value}))

    html = response.content.decode()
    assert "Er moet nog iets worden aangepast" in html
    assert_inert(html)
    assert not StoryPage.objects.exists()


def test_markup_a_moderator_pastes_in_the_admin_is_cleaned_when_saved(submit_story):
    story, _, _ = submit_story()
    latest = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    latest.body = (
        '<p onclick="alert(1)">Hallo</p><script>alert(2)</script>'
        '<a href="https://x">link</a><img src=x>'
    )
    latest.pseudonym = "<b>Merel</b>"

    revision = latest.save_revision()

    saved = revision.as_object()
    assert saved.body == "<p>Hallo</p>link"
    assert saved.pseudonym == "Merel"


def test_emphasis_saved_by_the_admin_editor_stays_the_authors_emphasis(submit_story):
    story, _, _ = submit_story(story=STORY_TEXT + "\n\nDat was *echt* **heel** eng.")
    latest = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    # Wagtail's editor writes <i> and <b> where the form wrote <em> and <strong>.
    latest.body = latest.body.replace("<em>", "<i>").replace("</em>", "</i>")
    latest.body = latest.body.replace("<strong>", "<b>").replace("</strong>", "</b>")

    saved = latest.save_revision().as_object()

    assert "<em>echt</em> <strong>heel</strong>" in saved.body


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Eerste alinea.\n\nTweede alinea.", "<p>Eerste alinea.</p><p>Tweede alinea.</p>"),
        ("Regel een\nregel twee", "<p>Regel een<br>regel twee</p>"),
        ("Dat was *echt* **heel** eng.", "<p>Dat was <em>echt</em> <strong>heel</strong> eng.</p>"),
        ("- melk\n- brood", "<ul><li>melk</li><li>brood</li></ul>"),
        ("1. bellen\n2. praten", "<ol><li>bellen</li><li>praten</li></ol>"),
        ("> Je bent niet alleen.", "<blockquote><p>Je bent niet alleen.</p></blockquote>"),
        ("<b>vet</b> & <3", "<p>&lt;b&gt;vet&lt;/b&gt; &amp; &lt;3</p>"),
        ("www.example.nl en https://example.nl", "<p>www.example.nl en https://example.nl</p>"),
        ("5 * 3 = 15 en snake_case_naam", "<p>5 * 3 = 15 en snake_case_naam</p>"),
    ],
)
def test_what_the_author_types_becomes_the_small_safe_html_subset(typed, stored):
    assert text_to_html(typed) == stored


def test_a_pseudonym_of_markup_is_refused_not_silently_emptied(client, submit_url):
    response = client.post(submit_url, story_data(pseudonym="<b></b>"))

    assert "Gebruik alleen letters, cijfers" in response.content.decode()
    assert not StoryPage.objects.exists()
