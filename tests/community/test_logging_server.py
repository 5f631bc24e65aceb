"""The production command, run as in production, writes no address and no token to its log.

The test starts the uvicorn command line of `site/deploy/kring-web.service` (its log config,
two workers, proxy headers trusted from 127.0.0.1; production settings but for static files,
see tests/community/production_settings.py) on a free port,
makes the requests a proxy would pass on — with visitors' public IPv4 and IPv6 addresses in
X-Forwarded-For, a bad Host, a punctuated private link, websocket handshakes, a password reset
that the mail server refuses — and reads everything the server wrote to stdout and stderr.
"""

import asyncio
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.community.test_logging import ADDRESS, IPV4, IPV6, assert_nothing_personal
from tests.live.conftest import event, make_room, room  # noqa: F401 (fixtures)
from tests.live.servers import database_url

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "site" / "deploy" / "kring-web.service"
OTHER_IPV4 = "145.53.12.34"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="the server process shares the test database: needs PostgreSQL (DATABASE_URL)",
    ),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="production settings need Redis for the cache and live rooms (set REDIS_URL)",
    ),
]


def production_command(port):
    """The unit's ExecStart, with this venv's Python, a free port and two workers."""
    line = next(
        line for line in UNIT.read_text().splitlines() if line.startswith("ExecStart=")
    ).removeprefix("ExecStart=")
    words = shlex.split(line)
    assert words[0].endswith("/uvicorn")
    words = [sys.executable, "-m", "uvicorn", *words[1:]]
    words[words.index("--port") + 1] = str(port)
    words[words.index("--workers") + 1] = "2"
    return words


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            requests.get(f"{base}/healthz", timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.3)
    raise RuntimeError("the server did not come up")


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the group this test started, by its id
        process.wait()


def proxied(ip, **headers):
    """Headers as the nginx example passes them on."""
    return {"X-Forwarded-For": ip, "X-Forwarded-Proto": "https", **headers}


async def handshakes(ws_base, slug, origin):
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed, InvalidStatus

    for ip in (IPV4, IPV6):
        socket_ = await connect(
            f"{ws_base}/ws/live/{slug}/",
            origin=origin,
            additional_headers=proxied(ip),
            open_timeout=10,
        )
        await asyncio.wait_for(socket_.recv(), 10)  # room.state: the handshake was accepted
        # --ws-per-message-deflate false: the client offers compression, the server declines.
        assert socket_.protocol.extensions == []
        await socket_.close()
    # --ws-max-size: a frame above 16 KiB is refused by the server (1009, message too big).
    big = await connect(
        f"{ws_base}/ws/live/{slug}/", origin=origin, additional_headers=proxied(IPV4)
    )
    await asyncio.wait_for(big.recv(), 10)
    await big.send("x" * 20_000)
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            await asyncio.wait_for(big.recv(), 10)
    assert closed.value.rcvd.code == 1009
    with pytest.raises(InvalidStatus):  # a foreign origin: refused by the server
        await connect(
            f"{ws_base}/ws/live/{slug}/",
            origin="https://kwaad.example",
            additional_headers=proxied(OTHER_IPV4),
            open_timeout=10,
        )


def test_the_production_server_logs_no_address_email_or_token(room, tmp_path):  # noqa: F811
    user = get_user_model().objects.create_user(
        username="lid-log", email=ADDRESS, password="een-lang-wachtwoord-2026", pseudonym="Lid"
    )
    EmailAddress.objects.create(user=user, email=ADDRESS, verified=True, primary=True)
    token = secrets.token_urlsafe(32)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    origin = f"https://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.community.production_settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "KRING_ADDRESS_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "tests.community.test_logging.RefusingBackend",
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    output = tmp_path / "server.log"
    with output.open("w") as sink:
        process = subprocess.Popen(
            production_command(port),
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_up(base)
            session = requests.Session()
            statuses = {
                "home": session.get(f"{base}/", headers=proxied(IPV4)).status_code,
                "home6": session.get(f"{base}/", headers=proxied(IPV6)).status_code,
                "bad host": session.get(
                    f"{base}/", headers=proxied(IPV4, Host="kwaad.example")
                ).status_code,
                "ip host": session.get(
                    f"{base}/", headers=proxied(IPV6, Host=OTHER_IPV4)
                ).status_code,
                "token": session.get(
                    f"{base}/bezorgd-om-je-buren/jouw-signaal/{quote(token)}./",
                    headers=proxied(IPV6),
                ).status_code,
                "zero width": session.get(
                    f"{base}/verhalen/mijn-verhaal/{quote(chr(0x200B) + token)}/",
                    headers=proxied(IPV4),
                ).status_code,
                "e-mail in path": session.get(
                    f"{base}/zoek/{quote(ADDRESS)}/", headers=proxied(IPV4)
                ).status_code,
            }
            form = session.get(f"{base}/accounts/password/reset/", headers=proxied(IPV4))
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
            statuses["password reset"] = session.post(
                f"{base}/accounts/password/reset/",
                data={"csrfmiddlewaretoken": csrf, "email": ADDRESS},
                # The cookies are Secure: a browser sends them to the https site the proxy
                # serves; requests would not send them to this plain-http port by itself.
                headers=proxied(
                    IPV4,
                    Origin=origin,
                    Cookie="; ".join(f"{c.name}={c.value}" for c in session.cookies),
                ),
                allow_redirects=False,
            ).status_code
            asyncio.run(handshakes(base.replace("http", "ws"), room.slug, origin))
            time.sleep(1)  # let the workers write their last lines
        finally:
            stop(process)
            print(output.read_text())  # shown when the test fails

    written = output.read_text()
    assert statuses == {
        "home": 200,
        "home6": 200,
        "bad host": 400,
        "ip host": 400,
        "token": 404,
        "zero width": 404,
        "e-mail in path": 404,
        "password reset": 302,
    }
    # The server did write its lines: startup, one access line per request, the handshakes.
    assert "Application startup complete" in written or "Started server process" in written
    assert len(re.findall(r"kring\.access GET ", written)) >= 8
    assert len(re.findall(r'"WebSocket /ws/live/[^"]*" \[accepted\]', written)) == 3
    assert "Traceback" not in written
    assert_nothing_personal(written, token)
