"""Fast, isolated tests: MD5 passwords, mails in memory, tasks run at once."""

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
# Every test starts with an empty cache; Redis' clear() would flush the whole database that
# other runs share, so the cache stays in memory even when REDIS_URL is given.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if REDIS_URL:
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = "kring-test"  # noqa: F405
