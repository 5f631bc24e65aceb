"""Websocket routes of every real-time app, composed in one list for config/asgi.py."""

from live.routing import websocket_urlpatterns as live_websockets

websocket_urlpatterns = [*live_websockets]
