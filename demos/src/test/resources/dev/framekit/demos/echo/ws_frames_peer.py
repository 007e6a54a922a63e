#!/usr/bin/python3
"""A WebSocket client's end over a bare TCP socket, its frames made and parsed by Python's
websockets (its sans-I/O frames module), for `echo-server --framing websocket`.

    ws_frames_peer.py PORT echo       masked binary frames of 5, 300 and 70,000 bytes (7-, 16- and
                                      64-bit lengths); prints "echoed N bytes" for each echo that
                                      comes back unmasked and equal, then half-closes
    ws_frames_peer.py PORT unmasked   one unmasked frame, which a server must refuse; prints
                                      "closed" when the server ends the connection
"""
import socket
import sys

from websockets.frames import Frame, Opcode
from websockets.streams import StreamReader


def read_frame(sock, reader):
    """The next frame from the server (unmasked, as a server sends), or None at the end of the stream."""
    parser = Frame.parse(reader.read_exact, mask=False)
    while True:
        try:
            parser.send(None)
        except StopIteration as done:
            return done.value
        data = sock.recv(65536)
        if not data:
            return None
        reader.feed_data(data)


def main():
    port, mode = int(sys.argv[1]), sys.argv[2]
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    reader = StreamReader()
    if mode == "echo":
        for size in (5, 300, 70000):
            payload = bytes((i * 7 + size) % 256 for i in range(size))
            sock.sendall(Frame(Opcode.BINARY, payload).serialize(mask=True, extensions=None))
            frame = read_frame(sock, reader)
            if frame is None:
                print("the server closed before echoing %d bytes" % size)
                return 1
            if frame.opcode != Opcode.BINARY or frame.data != payload:
                print("wrong echo for %d bytes: %r, %d bytes" % (size, frame.opcode, len(frame.data)))
                return 1
            print("echoed %d bytes" % size, flush=True)
        sock.shutdown(socket.SHUT_WR)
        return 0 if read_frame(sock, reader) is None else 1
    if mode == "unmasked":
        sock.sendall(Frame(Opcode.BINARY, b"not masked").serialize(mask=False, extensions=None))
        try:
            frame = read_frame(sock, reader)
        except ConnectionResetError:
            frame = None
        print("closed" if frame is None else "answered %r" % frame.data, flush=True)
        return 0
    print("unknown mode " + mode)
    return 2


if __name__ == "__main__":
    sys.exit(main())
