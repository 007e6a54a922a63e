"""A web chat member in Python's websockets library: python3 ws_chat_client.py PORT."""
import asyncio
import sys

import websockets


async def until(ws, prefix):
    while True:
        line = await asyncio.wait_for(ws.recv(), 20)
        if line.startswith(prefix):
            return line


async def main(port):
    async with websockets.connect("ws://127.0.0.1:%s/chat" % port, max_size=None) as ws:
        await ws.send("/nick py")
        await until(ws, "-- you are now py")
        print("joined", flush=True)
        await ws.send("hello from python")
        await until(ws, "<bob> hi py")
        print("got bob", flush=True)
        pong = await ws.ping(b"are you there")
        await asyncio.wait_for(pong, 20)
        print("pong", flush=True)
        await ws.send("y" * 70000)           # a 64-bit length
        await ws.send(["frag", "mented"])    # a fragmented message: two frames
        await ws.close(code=1000, reason="done")
        print("closed", ws.close_code, flush=True)


asyncio.run(main(sys.argv[1]))
