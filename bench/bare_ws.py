"""The reference: a bare `websockets` broadcast server in one process, nothing else.

    python -m bench.bare_ws PORT

Every `chat.send` from a client goes out to every connection as a `chat.message` shaped like
Kring's, serialised once. No database, no channel layer, no checks: the limit of one Python
process on this machine, which the live benchmark puts next to Kring.

It compresses (permessage-deflate, as the clients offer) only when Kring's servers do
(`BENCH_WS_DEFLATE=1`; off by default, as deployed): both make the same choice, so the ratios
compare like with like.
"""

import json
import os
import sys

import uvloop
from websockets.asyncio.server import broadcast, serve

CONNECTIONS = set()


async def handler(socket):
    CONNECTIONS.add(socket)
    try:
        await socket.send(json.dumps({"type": "room.state", "messages": []}))
        async for frame in socket:
            event = json.loads(frame)
            if event.get("type") == "chat.send":
                text = json.dumps(
                    {"type": "chat.message", "message": {"author": "bench", "text": event["text"]}},
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
                broadcast(CONNECTIONS, text)
    finally:
        CONNECTIONS.discard(socket)


COMPRESSION = "deflate" if os.environ.get("BENCH_WS_DEFLATE") == "1" else None


async def main(port):
    async with serve(
        handler,
        "127.0.0.1",
        port,
        ping_interval=None,
        max_size=65536,
        compression=COMPRESSION,
    ) as server:
        await server.serve_forever()


if __name__ == "__main__":
    uvloop.run(main(int(sys.argv[1])))
