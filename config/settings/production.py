"""Production: every secret from the environment, refusing to start without one."""

import os
import threading
from typing import Any, ClassVar

import redis

from config.env import env, env_bool, required

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = required(
    "SECRET_KEY",
    min_length=50,
    hint="Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(64))'",
)
KRING_ADDRESS_KEY = required(
    "KRING_ADDRESS_KEY",
    min_length=32,
    hint="It keys the neighbour-concern tool and must differ from SECRET_KEY.",
)
if KRING_ADDRESS_KEY == SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("KRING_ADDRESS_KEY must not be the same as SECRET_KEY.")
required("DATABASE_URL", hint="For example postgres://kring@127.0.0.1:5432/kring")
required("REDIS_URL", hint="Several ASGI workers share live rooms and the cache through Redis.")
required("ALLOWED_HOSTS", hint="A comma-separated list of the site's host names.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
# community.csrf.CsrfViewMiddleware is Django's, extended for Referrer-Policy: no-referrer; the
# deploy check only recognises Django's own class by name.
SILENCED_SYSTEM_CHECKS = ["security.W003"]
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Mails and purges run in a worker (`manage.py db_worker`), so a slow mail server never
# holds up a request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# PostgreSQL connections come from a pool in each worker process (Django's psycopg pool). Under
# ASGI every HTTP request runs in a thread of its own and every live room's database work in the
# process's database thread; with CONN_MAX_AGE=0 each of them opened a new connection (about as
# long as the queries of a page), and persistent connections are no option under ASGI: they
# belong to a thread that is gone after the request. The pool keeps connections open and bounds
# them: workers x DATABASE_POOL_MAX_SIZE must stay well below PostgreSQL's max_connections,
# with room for the db_worker, the timers and psql. A request that finds the pool empty waits
# up to 10 s for a connection.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(  # noqa: F405
    "DATABASE_POOL", True
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 (the pool keeps connections instead)
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": 1,
        "max_size": int(env("DATABASE_POOL_MAX_SIZE", "10")),
        "timeout": 10,
    }


class ProcessRedisPool(redis.BlockingConnectionPool):
    """One pool of Redis connections per process for Django's cache, instead of one per request.

    Django keeps a cache object per thread and context, and under ASGI every HTTP request runs
    in a new thread: each request made its own connection pool, and so opened (and left to the
    garbage collector) a new Redis connection, for which redis-py 8 also reads its package
    metadata from disk; that was a third of a cached page's time here. A blocking pool waits
    up to 5 s for a free connection rather than failing at its maximum.
    """

    _pools: ClassVar[dict[tuple[str, str], "ProcessRedisPool"]] = {}
    # Not `_lock`: every redis-py pool has an RLock of its own under that name.
    _pools_lock: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> "ProcessRedisPool":
        key = (url, repr(sorted(kwargs.items())))
        with cls._pools_lock:
            pool = cls._pools.get(key)
            if pool is None or pool.pid != os.getpid():
                kwargs.setdefault("max_connections", 100)
                kwargs.setdefault("timeout", 5)
                pool = cls._pools[key] = super().from_url(url, **kwargs)
        return pool


if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":  # noqa: F405
    CACHES["default"].setdefault("OPTIONS", {})["pool_class"] = (  # noqa: F405
        "config.settings.production.ProcessRedisPool"
    )
