from unittest import mock

import pytest

from tests.community.test_errors import database_down

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


class BrokenLayer:
    async def new_channel(self, prefix="x"):
        return prefix + "1"

    async def send(self, channel, message):
        raise ConnectionError("redis is down")


def test_healthz_reports_both_services_up(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "channel_layer": "ok"}
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_when_the_database_is_down(client):
    with database_down():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert response.json()["channel_layer"] == "ok"


def test_healthz_answers_503_when_the_channel_layer_is_down(client):
    with mock.patch("community.views.get_channel_layer", return_value=BrokenLayer()):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "channel_layer": "down"}
