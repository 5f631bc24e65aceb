"""Fast, isolated tests: MD5 passwords, mails in memory, tasks run at once."""

import os
import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, REDIS_URL

SECRET_KEY = "test-secret-key-that-is-only-for-the-test-suite"
KRING_ADDRESS_KEY = "test-address-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
KRING_QUICK_EXIT_URL = "https://neutral.example/"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["NAME"] = ":memory:"
else:
    # A test database need not survive a crash of the machine: its commits do not wait for
    # the disk (this session's setting only; the server's own stays as it is). Transactional
    # tests commit after every write, and each wait was a few milliseconds.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
# Every test starts with an empty cache; Redis' clear() would flush the whole database that
# other runs share, so the cache stays in memory even when REDIS_URL is given.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if REDIS_URL:
    # Keys of this test process only, and of the servers it starts (they inherit the
    # variable): room ids repeat from test to test and run to run, and groups left in a
    # shared Redis must not reach into another run or another pytest-xdist worker.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = os.environ.setdefault(  # noqa: F405
        f"KRING_TEST_CHANNEL_PREFIX_{_worker}", f"kring-test-{_worker}-{secrets.token_hex(4)}"
    )
# The test process imports config.asgi part-way through a run: a freeze then would keep the
# tests' own objects from the collector. tests/community/test_asgi_gc.py checks the freeze.
KRING_GC_FREEZE = False
