import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

# Django must be set up before anything imports models (consumers, routing).
django_asgi_app = get_asgi_application()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from config.websocket import Entry  # noqa: E402

# HTTP to Django; a websocket's origin, route, session and user checked in one step.
application = Entry(django_asgi_app, websocket_urlpatterns)

# Django keeps a cache backend per asyncio context: made here, in the server's context, it is
# the one every connection's task inherits; made later, each connection (10,000 in a large
# room) would make and keep a backend of its own (about 0.8 KiB each; bench/README.md,
# "Memory per connection").
caches["default"]

# What a worker loaded to get here (Django, Wagtail, every app: about 230,000 objects) lives as
# long as the process. Left to the garbage collector, every full collection walks all of it
# again: 300-500 ms with the event loop stopped, every few seconds while a worker serves pages
# (it promotes objects of requests in flight), felt by every request and every open websocket of
# that worker. Frozen, a full collection walks only what came later: 30-90 ms
# (bench/README.md, "Garbage collection: the import-time objects frozen").
if settings.KRING_GC_FREEZE:
    gc.collect()
    gc.freeze()
