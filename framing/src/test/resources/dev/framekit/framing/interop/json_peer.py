"""JSON streams as Python's json module writes and reads them, against a framekit echo server.

    json_peer.py client json|json-seq PORT     connect, write every text of TEXTS with json.dumps
                                               (compact, indented, ASCII-escaped, one byte per send
                                               for some), read the echoes back, parse them with
                                               json.JSONDecoder.raw_decode (json) or by splitting on
                                               RS (json-seq), print "echoed N" and "same" or "differ"

Plain sockets and the standard library's json, no framework.
"""
import json
import socket
import sys
import time

TEXTS = [
    {"a": 1},
    {"s": "a } inside", "q": "a \" quote", "b": "a \\ backslash", "bq": "\\\"", "end": "\\"},
    [1, 2.5, -3e10, True, False, None],
    {"héllo": "wörld ✓", "emoji": "😀", "cjk": "漢字"},
    {"deep": [[[[[[[[[[{"x": [[[]]]}]]]]]]]]]]},
    {"big": "x" * 70000, "list": list(range(1000))},
    [],
    {},
]

RS = b"\x1e"


def encode(kind, obj, style):
    if style == 0:
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    elif style == 1:
        text = json.dumps(obj, indent=2, ensure_ascii=False)
    else:
        text = json.dumps(obj)
    data = text.encode("utf-8")
    if kind == "json-seq":
        return RS + data + b"\n"
    return data + (b"\n" if style == 1 else b"")


def recv_all(sock, expected_count, kind):
    buf = b""
    decoded = []
    decoder = json.JSONDecoder()
    deadline = time.time() + 30
    while len(decoded) < expected_count and time.time() < deadline:
        chunk = sock.recv(65536)
        if not chunk:
            break
        buf += chunk
        if kind == "json-seq":
            parts = buf.split(RS)
            complete, buf = parts[:-1], parts[-1]
            # the last part may be complete too: its line feed has come and it parses whole
            if buf.endswith(b"\n"):
                try:
                    json.loads(buf.decode("utf-8"))
                    complete.append(buf)
                    buf = b""
                except (UnicodeDecodeError, json.JSONDecodeError):
                    pass
            buf = RS + buf if buf else buf
            for part in complete:
                if part:
                    decoded.append(json.loads(part.decode("utf-8")))
        else:
            try:
                text = buf.decode("utf-8")
            except UnicodeDecodeError:
                continue  # a character split across reads: wait for its other bytes
            decoded, pos = [], 0
            while True:
                while pos < len(text) and text[pos] in " \t\r\n":
                    pos += 1
                if pos >= len(text):
                    break
                try:
                    obj, pos = decoder.raw_decode(text, pos)
                except json.JSONDecodeError:
                    break  # a text not all here yet
                decoded.append(obj)
    return decoded


def main():
    kind, port = sys.argv[2], int(sys.argv[3])
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sent = []
    for i, obj in enumerate(TEXTS):
        data = encode(kind, obj, i % 3)
        if i % 4 == 1:
            for b in data:  # one byte per send: the server must find the text however it is split
                sock.sendall(bytes([b]))
        else:
            sock.sendall(data)
        sent.append(obj)
    echoed = recv_all(sock, len(sent), kind)
    print("echoed", len(echoed), flush=True)
    print("same" if echoed == sent else "differ: %r" % (echoed[:3],), flush=True)
    sock.close()


if __name__ == "__main__":
    main()
