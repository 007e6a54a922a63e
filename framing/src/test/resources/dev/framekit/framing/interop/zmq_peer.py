"""A real ZeroMQ socket (pyzmq over libzmq) for ZmqInteropTest.

Usage: zmq_peer.py PAIR|DEALER

Binds a socket of that type to a free loopback port and prints PORT n. Then, for every message
it receives: prints "received" and the size of each part, and answers with the same parts after
one more, b"echo". The message [b"quit"] is answered with [b"bye"] and ends the peer.
"""
import sys

import zmq

kind = sys.argv[1]
context = zmq.Context()
socket = context.socket(getattr(zmq, kind))
socket.setsockopt(zmq.LINGER, 2000)
port = socket.bind_to_random_port("tcp://127.0.0.1")
print("PORT %d" % port, flush=True)
while True:
    if not socket.poll(30000):
        print("no message in 30 s", file=sys.stderr)
        sys.exit(2)
    parts = socket.recv_multipart()
    print("received " + " ".join(str(len(part)) for part in parts), flush=True)
    if parts == [b"quit"]:
        socket.send_multipart([b"bye"])
        break
    socket.send_multipart([b"echo"] + parts)
socket.close(linger=2000)
context.term()
