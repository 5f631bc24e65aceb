"""Websocket routes of every real-time app, composed in one list for config/asgi.py."""

websocket_urlpatterns = []
