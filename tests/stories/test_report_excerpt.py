"""Reporting a story: the excerpt carries the story's content warning and keeps its paragraphs."""

import re

from tests.stories.factories import published_story

BODY = "<p>Eerste alinea over thuis.</p><p>Tweede alinea over later.</p>"


def test_the_excerpt_waits_behind_the_content_warning_with_paragraphs_kept(client, story_index):
    story = published_story(story_index, body=BODY, warnings=["bedreiging"])

    html = client.get(f"/melden/verhaal/{story.pk}/").content.decode()

    warning = html.index("Voordat je leest")
    excerpt = re.search(r'<details class="report-excerpt">.*?</details>', html, re.S).group(0)
    assert warning < html.index(excerpt)
    assert "Dit verhaal gaat over:" in html
    assert "<p>Eerste alinea over thuis.</p>" in excerpt
    assert "<p>Tweede alinea over later.</p>" in excerpt


def test_a_story_without_warnings_shows_its_excerpt_openly(client, story_index):
    story = published_story(story_index, body=BODY)

    html = client.get(f"/melden/verhaal/{story.pk}/").content.decode()

    assert "Voordat je leest" not in html
    assert '<blockquote class="report-excerpt"><p>Eerste alinea over thuis.</p>' in html
