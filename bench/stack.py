"""The production-like stack on this machine: its database, environment and server processes.

Every process started here runs in its own process group and is registered, so `stop_all()`
(called from a `finally`, at exit and on SIGTERM/SIGINT) ends each of them and their workers,
whatever happened. Everything listens on 127.0.0.1 only.
"""

import atexit
import contextlib
import json
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PG_ADMIN = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DATABASE = os.environ.get("BENCH_DATABASE", "kring_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 1)))
# permessage-deflate is off as deployed (bench/README.md, "Compression, decided");
# BENCH_WS_DEFLATE=1 turns it on for uvicorn and both bare servers alike.
WS_DEFLATE = os.environ.get("BENCH_WS_DEFLATE") == "1"
# uvicorn's websocket protocol implementation (its --ws), as deployed; BENCH_WS_IMPL picks
# another (bench/README.md, "uvicorn's websocket implementation").
WS_IMPL = os.environ.get("BENCH_WS_IMPL", "websockets-sansio")
# Kring's websocket flags for uvicorn, also given to the bare ASGI reference (bench.bare_asgi).
UVICORN_WEBSOCKET = (
    f"--ws={WS_IMPL}",
    "--ws-max-size=16384",
    "--ws-ping-interval=60",
    f"--ws-per-message-deflate={'true' if WS_DEFLATE else 'false'}",
)

_running = []


def raise_open_files():
    """This process's soft limit of open files up to its hard limit, for its children too.

    The servers and the websocket clients hold one descriptor per connection (10,000 in the
    large live run); they inherit the limit from here."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Process:
    """A started command in its own process group; `stop()` ends the whole group."""

    def __init__(self, name, argv, env, log_path, pass_fds=(), stdin_pipe=False):
        self.name = name
        self.log_path = log_path
        log = open(log_path, "ab")  # noqa: SIM115 (closed in stop())
        self._log = log
        self.popen = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.PIPE if stdin_pipe else subprocess.DEVNULL,
            pass_fds=pass_fds,
            start_new_session=True,
        )
        self.pgid = self.popen.pid
        _running.append(self)

    def pids(self):
        """Every live process of this group (a server and its workers)."""
        found = []
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.pgid and fields[0] != "Z":
                found.append(int(entry.name))
        return found

    def rss_bytes(self):
        total = 0
        for pid in self.pids():
            with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        return total

    def cpu_seconds(self):
        """CPU time (user + system) used so far by this group's processes.

        With the time of the children each has waited for: a worker that uvicorn's supervisor
        killed and replaced is gone from /proc, but its time is in the supervisor's."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.pids():
            with contextlib.suppress(OSError), open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
                total += sum(int(value) for value in fields[11:15])
        return total / ticks

    def alive(self):
        return self.popen.poll() is None

    def stop(self):
        if self in _running:
            _running.remove(self)
        for sig, wait in ((signal.SIGTERM, 8), (signal.SIGKILL, 5)):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pgid, sig)
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and self.pids():
                time.sleep(0.1)
            if not self.pids():
                break
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=2)
        if self.popen.stdin:
            with contextlib.suppress(OSError):
                self.popen.stdin.close()
        self._log.close()


def stop_all():
    for process in list(reversed(_running)):
        process.stop()


def _on_signal(signum, frame):
    stop_all()
    sys.exit(128 + signum)


atexit.register(stop_all)
signal.signal(signal.SIGTERM, _on_signal)
signal.signal(signal.SIGINT, _on_signal)


def run(argv, env, timeout, capture=False):
    """Run a command to its end (bounded in time); return its stdout when asked."""
    result = subprocess.run(
        argv,
        cwd=ROOT,
        env=env,
        timeout=timeout,
        check=True,
        stdout=subprocess.PIPE if capture else None,
        start_new_session=True,
        text=True,
    )
    return result.stdout


def psql(sql, database="postgres"):
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + database
    return subprocess.run(
        ["psql", url, "-v", "ON_ERROR_STOP=1", "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()


def wait_until_up(url, timeout=60, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and not process.alive():
            raise RuntimeError(f"{process.name} exited; see {process.log_path}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


class Stack:
    """The bench database, Redis db and environment; servers are started on demand."""

    def __init__(self):
        self.open_files = raise_open_files()
        self.workdir = Path(tempfile.mkdtemp(prefix="kring-bench-"))
        self.mail_dir = self.workdir / "mail"
        self.mail_dir.mkdir()
        self.database_url = PG_ADMIN.rsplit("/", 1)[0] + "/" + DATABASE
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": str(ROOT),
            # Fresh secrets for each run; they live only in this environment.
            "SECRET_KEY": secrets.token_urlsafe(64),
            "KRING_ADDRESS_KEY": secrets.token_urlsafe(48),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": REDIS_URL,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "https://127.0.0.1",
            "BENCH_MAIL_DIR": str(self.mail_dir),
            "BENCH_STATIC_ROOT": str(self.workdir / "static"),
        }
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.data = None

    def manage(self, *args, timeout=600, capture=False):
        return run([sys.executable, "manage.py", *args], self.env, timeout, capture)

    def prepare(self):
        """A new, empty bench database and Redis db; migrations, static files, content."""
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        psql(f"CREATE DATABASE {DATABASE}")
        self.flush_redis()
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        loading = {**self.env, "BENCH_LOADING": "1"}
        output = run([sys.executable, "-m", "bench.data", "content"], loading, 600, True)
        self.data = json.loads(output.strip().splitlines()[-1])
        return self.data

    def load_signals(self, total):
        argv = [sys.executable, "-m", "bench.data", "signals", str(total)]
        output = run(argv, self.env, 600, True)
        return json.loads(output.strip().splitlines()[-1])["signals"]

    def flush_redis(self):
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()

    def query(self, sql):
        return psql(sql, DATABASE)

    def server(self, kind, workers=WORKERS):
        """Start `kind` (uvicorn, daphne, granian) with `workers` processes; returns a Server."""
        return Server(self, kind, workers)

    def cleanup(self, drop_database=True):
        stop_all()
        with contextlib.suppress(Exception):
            self.flush_redis()
        if drop_database:
            with contextlib.suppress(Exception):
                psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        subprocess.run(["rm", "-rf", str(self.workdir)], check=False)


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read()
    except OSError:
        return b""


class Server:
    """An ASGI server serving config.asgi with the bench settings on 127.0.0.1."""

    def __init__(self, stack, kind, workers):
        self.kind, self.workers = kind, workers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        log = stack.workdir / f"{kind}-{self.port}.log"
        app = "config.asgi:application"
        self.processes = []
        if kind == "uvicorn":
            argv = [
                str(VENV_BIN / "uvicorn"),
                app,
                "--host=127.0.0.1",
                f"--port={self.port}",
                f"--workers={workers}",
                "--no-access-log",
                "--proxy-headers",
                "--forwarded-allow-ips=127.0.0.1",
                "--lifespan=off",
                # As production runs it (README, site/deploy/kring-web.service): the log config
                # that masks addresses, uvicorn refusing a frame above 16 KiB before buffering
                # it, keepalive pings once a minute, no permessage-deflate, and a busy worker
                # not killed after 5 s.
                f"--log-config={ROOT / 'site/deploy/uvicorn-log.json'}",
                *UVICORN_WEBSOCKET,
                "--timeout-worker-healthcheck=30",
                "--log-level=warning",
                *os.environ.get("BENCH_UVICORN_ARGS", "").split(),
            ]
            self.processes.append(Process(kind, argv, stack.env, log))
        elif kind == "granian":
            argv = [
                str(VENV_BIN / "granian"),
                "--interface=asginl",
                "--host=127.0.0.1",
                f"--port={self.port}",
                f"--workers={workers}",
                "--log-level=warning",
                "--no-access-log",
                "--loop=uvloop",
                app,
            ]
            self.processes.append(Process(kind, argv, stack.env, log))
        elif kind == "daphne":
            # Daphne has no worker option: one process per worker, all accepting on one socket.
            self.socket = socket.socket()
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind(("127.0.0.1", self.port))
            self.socket.listen(1024)
            fd = self.socket.fileno()
            daphne = [str(VENV_BIN / "daphne"), f"--fd={fd}", "--proxy-headers", "-v0", app]
            # One process group for all of them, so stopping the server stops every worker.
            argv = ["sh", "-c", f'for i in $(seq {workers}); do "$@" & done; wait', "sh", *daphne]
            self.processes.append(Process(kind, argv, stack.env, log, pass_fds=(fd,)))
        else:
            raise ValueError(kind)
        try:
            wait_until_up(f"{self.base}/healthz", process=self.processes[0])
        except Exception:
            self.stop()
            raise

    def rss_bytes(self):
        return self.processes[0].rss_bytes()

    def cpu_seconds(self):
        return self.processes[0].cpu_seconds()

    def process_count(self):
        return len(self.processes[0].pids())

    def worker_pids(self):
        """The processes that serve (not the supervisor, not multiprocessing's tracker)."""
        pids = self.processes[0].pids()
        workers = [
            pid
            for pid in pids
            if pid != self.processes[0].pgid and b"resource_tracker" not in _cmdline(pid)
        ]
        return workers or pids

    def stop(self):
        for process in reversed(self.processes):
            process.stop()
        if getattr(self, "socket", None) is not None:
            self.socket.close()
            self.socket = None
