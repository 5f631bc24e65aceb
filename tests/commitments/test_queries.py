"""What the event report reads: a panel's published commitments, in order of due date."""

from commitments import queries
from commitments.models import Status


def test_for_panel_lists_only_that_panels_published_commitments_by_due_date(
    panels, make_commitment
):
    later = make_commitment(days=40, what="Later")
    sooner = make_commitment(days=10, what="Sooner", status=Status.DONE)
    make_commitment(days=5, what="Draft", published=False)
    make_commitment(days=5, what="Other panel", panel=panels[1])

    assert list(queries.for_panel(panels[0])) == [sooner, later]
    assert [c.what for c in queries.for_panel(panels[1])] == ["Other panel"]


def test_a_commitment_outlives_its_panel_with_the_titles_it_was_made_under(
    event, panels, make_commitment
):
    commitment = make_commitment()
    panels[0].delete()
    commitment.refresh_from_db()

    assert commitment.panel is None
    assert commitment.event_title == event.title
    assert commitment.panel_title == "Het Verdrag van Istanbul"


def test_detail_url_points_at_a_published_commitments_page(
    client, commitments_page, make_commitment
):
    shown = make_commitment()
    hidden = make_commitment(published=False)

    assert client.get(queries.detail_url(shown)).status_code == 200
    assert queries.detail_url(hidden) == ""
