"""config.settings.production as it is, but for static files, for tests that run the server.

Production serves static files collected by `collectstatic` (hashed names, compressed); a test
serves them from the apps' folders instead, as the test settings do, so that it needs no
collect step. Nothing else differs.
"""

from config.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
