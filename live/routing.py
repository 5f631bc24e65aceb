from django.urls import path

from live.consumers import LiveRoomConsumer

websocket_urlpatterns = [
    path("ws/live/<slug:slug>/", LiveRoomConsumer.as_asgi()),
]
