"""A second reference: the same bare broadcast as an ASGI app, served by uvicorn.

    uvicorn bench.bare_asgi:app --port PORT   (one worker; bench.live.bare_asgi starts it)

Next to bench.bare_ws it separates what the ASGI server costs from what Kring costs: the same
messages, the same clients, uvicorn with the flags Kring runs under, but no Django, no channel
layer and no checks. Each event is serialised once and handed to every connection's ASGI
`send`, run up to its first wait as Kring's fan-out does (live.ws.fanout.start).
"""

import json

CONNECTIONS = set()


def _start(coroutine):
    """Run the send up to its first wait; a socket that cannot take the frame at once is
    dropped from the broadcast (the bench's clients read all along, so it does not happen)."""
    try:
        coroutine.send(None)
    except StopIteration:
        return
    coroutine.close()


async def app(scope, receive, send):
    if scope["type"] != "websocket":
        return
    await receive()  # websocket.connect
    await send({"type": "websocket.accept"})
    state = json.dumps({"type": "room.state", "messages": []})
    await send({"type": "websocket.send", "text": state})
    CONNECTIONS.add(send)
    try:
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                return
            event = json.loads(message.get("text") or "{}")
            if event.get("type") == "chat.send":
                text = json.dumps(
                    {"type": "chat.message", "message": {"author": "bench", "text": event["text"]}},
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
                frame = {"type": "websocket.send", "text": text}
                for other in list(CONNECTIONS):
                    _start(other(frame))
    finally:
        CONNECTIONS.discard(send)
