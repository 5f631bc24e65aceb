"""The bench stack: config.settings.production as it is, driven by the environment that
bench.stack sets, plus what only a benchmark needs. Never used outside `make bench`.

Differences from production, each needed to measure something and none making a page faster:
- ROOT_URLCONF adds the bare view (/bench/bare/) that the HTTP figures are compared with.
- Mails are sent in the request to files instead of by `db_worker` through SMTP: the
  registration benchmark reads the confirmation links from them, as a person reads the mail.
- The proof-of-work challenge asks for a smaller counter, so the load generator spends less
  CPU solving it. The server's cost of checking a solution (one HMAC) does not depend on it.
- While the data set loads, background tasks (search-index updates) are dropped.
- Static files are collected into the benchmark's own temporary folder.
- The live rooms' limits per network address are raised (below): every websocket client of
  the bench comes from 127.0.0.1.
"""

from config.env import env
from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if env("BENCH_LOADING"):
    # While bench.data loads pages, their search-index updates are skipped: nothing searches.
    TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env("BENCH_MAIL_DIR", "")

KRING_CONCERN_POW_MAX_NUMBER = 2_000
# The bench solves in Python, between the timed posts; a browser's PBKDF2 cost would only slow
# the preparation (the server checks a solution with one HMAC whatever the cost).
KRING_CONCERN_POW_COST = 1
# The bench sends about 2,000 signals in minutes; the site-wide hourly ceiling (300) would turn
# most of them into cheap "try again in an hour" pages and measure those instead.
KRING_CONCERN_CHECKED_PER_HOUR = 1_000_000

STATIC_ROOT = env("BENCH_STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405

# All the bench's websocket clients come from 127.0.0.1 (granian passes on no proxy headers, so
# even the addresses the clients give are not seen there); production allows one network
# address 500 open connections and 300 connects a minute (live.limits), which a room of 2,000
# (or 10,000: the live10k step) readers from one address would exceed. In production each person
# has their own address.
KRING_LIVE_CONNECTIONS_PER_CLIENT = 50_000
KRING_LIVE_CONNECTS_PER_CLIENT_PER_MINUTE = 100_000
