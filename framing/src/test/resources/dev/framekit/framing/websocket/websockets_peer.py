"""The other WebSocket implementation in framekit's interop tests: Python's websockets library.

  websockets_peer.py client PORT   talks to framekit's echo server and prints one line per step
  websockets_peer.py origin PORT ORIGIN   connects with an Origin header, prints "open" or "refused N"
  websockets_peer.py server        serves on a free loopback port, prints "port N", then one line
                                   per finished connection ("done CODE REASON")
Run with the Debian python3 (/usr/bin/python3) and python3-websockets.
"""
import asyncio
import sys

import websockets


async def client(port):
    async with websockets.connect(f"ws://127.0.0.1:{port}/chat", max_size=2**20) as ws:
        await ws.send("héllo ✓")
        print("text", await ws.recv())
        await ws.send(b"\x00\xff\x10")
        print("binary", (await ws.recv()).hex())
        pong = await ws.ping(b"are you there")
        await asyncio.wait_for(pong, 5)
        print("pong")
        big = "x" * 70_000
        await ws.send(big)
        echoed = await ws.recv()
        print("big", len(echoed.encode()), echoed == big)
        await ws.send(["frag", "ment", "ed ✓"])
        print("fragmented", await ws.recv())
        await ws.send([b"\x01", b"", b"\x02\x03"])
        print("fragmented-binary", (await ws.recv()).hex())
        await ws.close(code=4000, reason="done here")
        print("closed", ws.close_code, ws.close_reason)


async def origin(port, origin):
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/chat", origin=origin) as ws:
            print("open")
            await ws.close()
    except websockets.exceptions.InvalidStatusCode as refused:
        print("refused", refused.status_code)


async def server():
    async def handler(ws, path=None):
        try:
            async for message in ws:
                if message == "ping me":
                    pong = await ws.ping(b"from python")
                    await asyncio.wait_for(pong, 5)
                    await ws.send("pong received")
                elif message == "close me":
                    await ws.close(code=4001, reason="asked to")
                    return  # reading on would raise: websockets calls a 4001 close an error
                else:
                    await ws.send(message)
        finally:
            print("done", ws.close_code, ws.close_reason, flush=True)

    async with websockets.serve(handler, "127.0.0.1", 0, max_size=2**20) as served:
        port = served.sockets[0].getsockname()[1]
        print("port", port, flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the test ends


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "client":
        asyncio.run(client(int(sys.argv[2])))
    elif mode == "origin":
        asyncio.run(origin(int(sys.argv[2]), sys.argv[3]))
    else:
        asyncio.run(server())
