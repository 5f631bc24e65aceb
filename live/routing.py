from django.urls import path

from live.ws.consumer import LiveRoomConsumer

websocket_urlpatterns = [
    path("ws/live/<slug:slug>/", LiveRoomConsumer.as_asgi()),
]
