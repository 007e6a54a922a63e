"""The seed tutorial's framing, as its readers write it: str(len(msg)).zfill(5).encode() + msg.

    zfill_peer.py server                  listen on 127.0.0.1, print "PORT n", echo every message
                                          of one connection, exit at its end
    zfill_peer.py client PORT SIZE...     connect, send pattern(SIZE, i) for each SIZE, read as
                                          many replies, exit

Each message received is printed as "got LENGTH SHA256". Plain sockets, no framework.
"""
import hashlib
import socket
import sys


def pattern(size, seed):
    return bytes((i * 31 + seed) % 256 for i in range(size))


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None if not data else data
        data += chunk
    return data


def send_message(sock, msg):
    sock.sendall(str(len(msg)).zfill(5).encode() + msg)


def recv_message(sock):
    header = recv_exactly(sock, 5)
    if header is None:
        return None
    return recv_exactly(sock, int(header))


def report(msg):
    print("got", len(msg), hashlib.sha256(msg).hexdigest(), flush=True)


def main():
    if sys.argv[1] == "server":
        server = socket.create_server(("127.0.0.1", 0))
        print("PORT", server.getsockname()[1], flush=True)
        server.settimeout(30)
        conn, _ = server.accept()
        conn.settimeout(30)
        while (msg := recv_message(conn)) is not None:
            report(msg)
            send_message(conn, msg)
        conn.close()
    else:
        sock = socket.create_connection(("127.0.0.1", int(sys.argv[2])), timeout=30)
        sizes = [int(size) for size in sys.argv[3:]]
        for seed, size in enumerate(sizes):
            send_message(sock, pattern(size, seed))
        for _ in sizes:
            report(recv_message(sock))
        sock.close()


if __name__ == "__main__":
    main()
