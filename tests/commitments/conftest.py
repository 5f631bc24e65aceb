import datetime

import pytest
from django.utils import timezone

from commitments.models import Commitment, CommitmentIndexPage, Role, Status
from tests.workshops.conftest import clock, committed, event  # noqa: F401


@pytest.fixture
def client(client, committed):  # noqa: F811
    """The test client, with each request's after-commit work done as on a real server."""
    send = client.request

    def request(**kwargs):
        with committed():
            return send(**kwargs)

    client.request = request
    return client


@pytest.fixture
def panels(event):  # noqa: F811
    return list(event.panels.order_by("sort_order"))


@pytest.fixture
def make_commitment(panels):
    def make(days=30, status=Status.OPEN, published=True, panel=None, **fields):
        fields.setdefault("role", Role.COUNCILLOR)
        fields.setdefault("organisation", "Gemeente Utrecht")
        fields.setdefault("what", "Een vast aanspreekpunt voor slachtoffers bij de gemeente.")
        return Commitment.objects.create(
            panel=panel or panels[0],
            due_date=timezone.localdate() + datetime.timedelta(days=days),
            status=status,
            published=published,
            **fields,
        )

    return make


@pytest.fixture
def commitments_page(home_page):
    page = home_page.add_child(
        instance=CommitmentIndexPage(
            title="Toezeggingen",
            slug="toezeggingen",
            intro="<p>Wat beleidsmakers beloofden, en wat ervan kwam.</p>",
        )
    )
    page.save_revision().publish()
    return page
