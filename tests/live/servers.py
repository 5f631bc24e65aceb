"""Real ASGI servers for tests that need real websockets (pytest-django's live_server is WSGI).

- `threaded_server()`: uvicorn serving config.asgi in a thread of the test process. It shares
  the test database on SQLite (Django's in-memory test database is shared between threads) and
  on PostgreSQL, and the channel layer (in memory, or Redis), so browser tests run on both.
- `server_process()`: uvicorn as a separate process, as in production. It must reach the same
  database, so it is given the test database's name; on SQLite that database lives in the test
  process's memory, which is why tests with processes need PostgreSQL.

Each server listens on a socket this process binds to a port the system chooses: two test
workers (pytest -n 2) can never pick the same port.
"""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import uvicorn
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# Server processes are given the test database's name: on SQLite it lives in this process.
needs_postgres = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="two server processes must share a database: needs PostgreSQL (set DATABASE_URL)",
)


def listening_socket(port=0):
    """A socket on 127.0.0.1, at a port the system chose unless given, already listening."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    return sock


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (localhost)
                if response.status < 500:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up within {timeout}s")


class ThreadedServer:
    """config.asgi served by uvicorn in a thread of this process; can stop and start again."""

    def __init__(self):
        self.socket = listening_socket()
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = self.thread = None

    def start(self):
        if self.socket is None:  # started again after stop(): the same port
            self.socket = listening_socket(self.port)
        from config.asgi import application

        config = uvicorn.Config(
            application,
            host="127.0.0.1",
            port=self.port,
            lifespan="off",
            log_level="warning",
            access_log=False,
            ws="websockets-sansio",  # as deployed (site/deploy/kring-web.service)
            ws_max_size=64 * 1024,
            timeout_graceful_shutdown=2,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )
        self.thread.start()
        wait_until_up(f"{self.url}/static/live/room.js")

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.socket.close()
        self.socket = None


@contextlib.contextmanager
def threaded_server():
    """Yield a started ThreadedServer; it is stopped afterwards."""
    server = ThreadedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def database_url():
    """The URL of the test database this test process uses (PostgreSQL)."""
    settings = connection.settings_dict
    user = settings.get("USER") or ""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@contextlib.contextmanager
def server_process(extra_env=None):
    """Yield the base URL of a separate uvicorn process on the test database and Redis."""
    sock = listening_socket()
    port = sock.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "PYTHONPATH": str(ROOT),
        **(extra_env or {}),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "config.asgi:application",
            "--fd",
            str(sock.fileno()),
            "--lifespan",
            "off",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        pass_fds=[sock.fileno()],
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/static/live/room.js")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        sock.close()
