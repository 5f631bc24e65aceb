"""The demo shows /toezeggingen/ with a commitment in each status, one of them late."""

import io

from django.core.management import call_command

from commitments.models import Commitment


def test_the_demo_fills_the_commitments_page_once(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    html = client.get("/toezeggingen/").content.decode()

    assert Commitment.objects.count() == 4
    for status in ("open", "bezig", "gedaan", "te-laat"):
        assert f"commitment-status--{status}" in html
    assert all(c.panel_id for c in Commitment.objects.all())
    assert "/evenementen/9-december/#panel-" in html
