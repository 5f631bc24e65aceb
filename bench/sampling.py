"""Where a server's CPU goes during a live run: py-spy samples, summarised as text.

Only when `BENCH_PYSPY` names a py-spy executable (it is not one of the project's packages:
install it apart, e.g. `python3 -m venv /tmp/pyspy && /tmp/pyspy/bin/pip install py-spy`).
`record()` samples each worker process of the server (not the supervisor) for the send phase,
without pausing it (--nonblocking), into py-spy's raw "collapsed stack" format;
`summarise()` turns those files into a short text: the functions that were on the CPU
themselves (self) and those under which the CPU was spent (inclusive), as shares of the
samples. Samples are taken only while a thread runs (py-spy leaves idle threads out), so the
shares are of the CPU the workers used, not of the wall-clock time.
"""

import collections
import os
import signal
import subprocess

PYSPY = os.environ.get("BENCH_PYSPY", "")
RATE = 200

# Where the live room's time goes, by area. A sample in a thread (the database thread,
# sync_to_async's threads) counts for what the thread does; one on the event loop for the first
# area that one of its frames names, looking from the innermost frame outwards.
THREAD_ROOTS = ("(threading.py", "(concurrent/futures/thread.py")
THREADS = (
    ("threads: Redis through Django's cache (live.limits, live.presence)", ("redis/",)),
    ("threads: the database (the ORM, psycopg)", ("psycopg", "django/db/")),
)
THREADS_OTHER = "threads: the rest (thread pool and pipe waits that py-spy counted as active)"
AREAS = (
    ("zlib: permessage-deflate, per connection", ("PerMessageDeflate.",)),
    ("uvicorn's keepalive pings", ("send_keepalive_ping",)),
    (
        "websocket framing and the socket write (transport.write)",
        (
            "Frame.serialize",
            "Protocol.send_text",
            "Protocol.send_frame",
            "WebSocketsSansIOProtocol.send ",
            "Connection.send_data",
            "broadcast (",
        ),
    ),
    (
        "Channels' session middleware on every send (InstanceSessionWrapper, LazyObject)",
        ("InstanceSessionWrapper.send", "LazyObject", "new_method_proxy", "SessionBase.is_empty"),
    ),
    (
        "the consumer's send layers (dispatch, live_send, AsyncWebsocketConsumer.send)",
        (
            "LiveRoomConsumer.send",
            "live_send",
            "AsyncWebsocketConsumer.send",
            "AsyncConsumer.send",
            "LiveRoomConsumer.dispatch",
        ),
    ),
    ("waking each connection's task (Inbox, the dispatch loop)", ("Inbox.", "_dispatch_loop")),
    ("the channel layer (redis.asyncio, Hub._read)", ("redis/", "channels_redis", "Hub._")),
    (
        "handshakes and the ASGI stack (run_asgi, routing, middleware, connect)",
        ("run_asgi", "URLRouter", "Middleware", "routing.py", "LiveRoomConsumer.connect"),
    ),
)
OTHER = "the event loop itself (uvloop's C code shows as Runner.run) and the rest"


def enabled():
    return bool(PYSPY)


def record(pids, seconds, workdir, label):
    """Start one bounded py-spy per pid; returns (processes, raw files)."""
    processes, files = [], []
    for pid in pids:
        path = workdir / f"pyspy-{label}-{pid}.txt"
        argv = [
            PYSPY,
            "record",
            f"--pid={pid}",
            f"--duration={max(1, round(seconds))}",
            f"--rate={RATE}",
            "--format=raw",
            "--nonblocking",
            f"--output={path}",
        ]
        processes.append(
            subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        files.append(path)
    return processes, files


def finish(processes, timeout, now=False):
    """Wait for the samplers to write their files; `now` ends them first (py-spy writes its
    file on SIGINT, as after Ctrl+C)."""
    for process in processes:
        if now and process.poll() is None:
            process.send_signal(signal.SIGINT)
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _stacks(files):
    for path in files:
        try:
            lines = path.read_text(errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            stack, _, count = line.rpartition(" ")
            if stack and count.isdigit():
                yield stack.split(";"), int(count)


def _name(frame):
    """`function (module.py:line)` without the line: a function's samples together."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0]})" if where else name


def _area(frames):
    if any(root in frame for frame in frames for root in THREAD_ROOTS):
        for area, needles in THREADS:
            if any(needle in frame for frame in frames for needle in needles):
                return area
        return THREADS_OTHER
    for frame in reversed(frames):
        for area, needles in AREAS:
            if any(needle in frame for needle in needles):
                return area
    return OTHER


def summarise(files, title, top=30):
    self_time, inclusive, areas = (
        collections.Counter(),
        collections.Counter(),
        collections.Counter(),
    )
    total = 0
    for frames, count in _stacks(files):
        total += count
        areas[_area(frames)] += count
        names = [_name(frame) for frame in frames]
        self_time[names[-1]] += count
        for name in set(names):
            inclusive[name] += count
    lines = [title, f"{total} samples at {RATE}/s", ""]
    if not total:
        return "\n".join([*lines, "no samples (is py-spy allowed to attach?)"]) + "\n"
    lines.append("by area, % of samples")
    for area, count in areas.most_common():
        lines.append(f"  {100 * count / total:5.1f}  {area}")
    lines += [""]
    lines.append(
        "self (on the CPU in this function itself, or in C code it called: zlib, the socket's"
        " send; uvloop's own C code shows as Runner.run), % of samples"
    )
    for name, count in self_time.most_common(top):
        lines.append(f"  {100 * count / total:5.1f}  {name}")
    lines += ["", "inclusive (this function or what it called), % of samples"]
    for name, count in inclusive.most_common(top + 10):
        lines.append(f"  {100 * count / total:5.1f}  {name}")
    return "\n".join(lines) + "\n"
