"""Settings shared by every environment; each value that differs comes from the environment."""

from pathlib import Path
from typing import Any

import dj_database_url

from config.env import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The key that turns an address into an HMAC for the neighbour-concern tool. Kept apart from
# SECRET_KEY and from the database so that a database dump alone cannot be matched to addresses.
KRING_ADDRESS_KEY = env("KRING_ADDRESS_KEY", "")

INSTALLED_APPS = [
    "daphne",
    "community",
    "stories",
    "workshops",
    "concerns",
    "live",
    "moderation",
    "bystanders",
    "figures",
    "eventreports",
    "commitments",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "channels",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "community.middleware.AccessLogMiddleware",
    "community.middleware.BadHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "community.middleware.SecurityHeadersMiddleware",
    "community.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "community.middleware.ContentSecurityPolicyMiddleware",
    "community.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "community.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "moderation.staff.StaffSecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "community.context_processors.kring",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'kring.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite serialises writers; a burst of registrations waits its turn instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
# Declared loosely: the other settings modules add options to these per environment.
CHANNEL_LAYERS: dict[str, dict[str, Any]]
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "capacity": 1500, "expiry": 30},
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kring",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# allauth: log in by e-mail, verified addresses only, a pseudonym instead of a name.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "community.forms.PseudonymSignupForm"
ACCOUNT_ADAPTER = "community.accounts.AccountAdapter"
ACCOUNT_USER_DISPLAY = "community.accounts.display_name"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Kring"

# A server worker freezes the objects it loaded at start (config/asgi.py): the garbage
# collector then stops walking them on every full collection.
KRING_GC_FREEZE = True

# Staff sessions end after 30 minutes without activity and after 12 hours in any case.
KRING_STAFF_IDLE_SECONDS = 30 * 60
KRING_STAFF_MAX_SECONDS = 12 * 60 * 60
MFA_PASSKEY_LOGIN_ENABLED = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "kring_session"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_NAME = "kring_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers that hold everywhere; production adds HSTS and secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
KRING_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A strict policy for every page: no inline script or style, nothing from another origin.
# Without nonces, anonymous pages stay cacheable.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Where the quick-exit button sends a visitor: a neutral, everyday site.
KRING_QUICK_EXIT_URL = env("KRING_QUICK_EXIT_URL", "https://www.weeronline.nl/")

# The help numbers as they stand when the database cannot be asked (error pages, first run).
# Editors change the live values in the Wagtail settings "Hulpnummers".
KRING_HELP_DEFAULTS = {
    "veilig_thuis_phone": "0800-2000",
    "emergency_phone": "112",
    "code_word": "Masker 19",
}

WAGTAIL_SITE_NAME = "Kring"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Wagtail's own localisation: editors translate themes, content warnings and home cards
# (snippets) with "Translate"; Dutch stays the source and the only routed page tree.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Stories go live when their workflow completes, whoever approved last (see stories/publishing.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "stories.publishing.finish_workflow"

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A neutral sender name: a mail from Kring must not give away what it is about.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kring <noreply@kring.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Error reports and the debug page never show what was typed into the concern tool, whatever
# path spelling failed and whether DEBUG is on (concerns/privacy.py).
DEFAULT_EXCEPTION_REPORTER = "concerns.privacy.ExceptionReporter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line, traceback included, is written through community.logformat: it masks client
    # addresses (IPv4, IPv6), e-mail addresses and private tokens in the final text, whoever
    # wrote the line. uvicorn's own lines use the same formatter (site/deploy/uvicorn-log.json).
    "formatters": {
        "plain": {
            "()": "community.logformat.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "filters": {"redact_tokens": {"()": "community.logfilters.RedactTokens"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_tokens"],
        },
        # A logger with no handler at all would fall back to logging's last resort, which
        # writes WARNING and above to stderr unformatted; silenced loggers use this instead.
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # Django's default handlers (a console handler without the redacting formatter in
        # DEBUG, mail to ADMINS) are dropped: its lines go through the root handler.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # Django's own request logger repeats the path of every 404; Kring's access log
        # already writes a redacted line for each request.
        "django.request": {"level": "ERROR"},
        # Its CSRF warnings name the path, and private links carry their token in the path.
        "django.security.csrf": {"level": "ERROR"},
        # A bad Host header is answered 400 by community.middleware.BadHostMiddleware before
        # anything raises DisallowedHost; should something still do, no traceback names it.
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
        "django.server": {"level": "ERROR", "propagate": True},
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs page titles at INFO; a story's title may name someone before redaction.
        "wagtail": {"level": "WARNING"},
        # uvicorn's and daphne's access logs carry the client address: off everywhere.
        "uvicorn.access": {"handlers": ["null"], "propagate": False},
        "daphne.access": {"handlers": ["null"], "propagate": False},
        # uvicorn's other lines (startup, websocket handshakes with the client's address) and
        # daphne's go through the redacting handler too, also when uvicorn was started without
        # Kring's log config. No level here: uvicorn's --log-level keeps deciding.
        "uvicorn": {"handlers": ["console"], "propagate": False},
        "daphne": {"handlers": ["console"], "propagate": False},
    },
}
