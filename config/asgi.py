import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

# Django must be set up before anything imports models (consumers, routing).
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from config.websocket import SessionAndUser  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(SessionAndUser(URLRouter(websocket_urlpatterns))),
    }
)

# What a worker loaded to get here (Django, Wagtail, every app: about 230,000 objects) lives as
# long as the process. Left to the garbage collector, every full collection walks all of it
# again: 300-500 ms with the event loop stopped, every few seconds while a worker serves pages
# (it promotes objects of requests in flight), felt by every request and every open websocket of
# that worker. Frozen, a full collection walks only what came later: 30-90 ms
# (bench/README.md, "Garbage collection: the import-time objects frozen").
if settings.KRING_GC_FREEZE:
    gc.collect()
    gc.freeze()
