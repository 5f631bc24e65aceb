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
if REDIS_URL:
    # Tests share one Redis with other runs: keep their keys apart.
    CACHES = {  # noqa: F405
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kring-test",
        }
    }
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = "kring-test"  # noqa: F405
