"""A Twisted peer for framekit's interop tests: Twisted's own framing, nobody here wrote it.

    twisted_peer.py server KIND                 listen on 127.0.0.1, print "PORT n", echo every
                                                string on one connection, exit when it closes
    twisted_peer.py client KIND PORT SIZE...    connect, send pattern(SIZE, i) for each SIZE,
                                                wait for as many echoes, exit

KIND is int8, int16, int32 (IntNStringReceiver) or netstring (NetstringReceiver). Each string
received is printed as "got LENGTH SHA256"; a string over MAX_LENGTH as
"length limit exceeded LENGTH" (Twisted then drops the connection). Run with /usr/bin/python3.
"""
import hashlib
import sys

from twisted.internet import protocol, reactor
from twisted.protocols import basic

KINDS = {
    "int8": basic.Int8StringReceiver,
    "int16": basic.Int16StringReceiver,
    "int32": basic.Int32StringReceiver,
    "netstring": basic.NetstringReceiver,
}


def pattern(size, seed):
    return bytes((i * 31 + seed) % 256 for i in range(size))


def report(*words):
    print(*words, flush=True)


def peer_class(base, on_string):
    class Peer(base):
        def stringReceived(self, data):
            report("got", len(data), hashlib.sha256(data).hexdigest())
            on_string(self, data)

        def lengthLimitExceeded(self, length):
            report("length limit exceeded", length)
            base.lengthLimitExceeded(self, length)

        def connectionLost(self, reason):
            report("closed")
            if reactor.running:
                reactor.stop()

    return Peer


def serve(base):
    factory = protocol.ServerFactory()
    factory.protocol = peer_class(base, lambda peer, data: peer.sendString(data))
    port = reactor.listenTCP(0, factory, interface="127.0.0.1")
    report("PORT", port.getHost().port)


def connect(base, port, sizes):
    expected = len(sizes)

    def on_echo(peer, data):
        peer.echoes += 1
        if peer.echoes == expected:
            peer.transport.loseConnection()

    Peer = peer_class(base, on_echo)

    class Client(Peer):
        echoes = 0

        def connectionMade(self):
            for seed, size in enumerate(sizes):
                self.sendString(pattern(size, seed))
            if not sizes:
                self.transport.loseConnection()

    factory = protocol.ClientFactory()
    factory.protocol = Client
    factory.clientConnectionFailed = lambda connector, reason: (report("failed", reason.getErrorMessage()),
                                                                reactor.stop())
    reactor.connectTCP("127.0.0.1", port, factory)


def main():
    mode, kind = sys.argv[1], sys.argv[2]
    base = KINDS[kind]
    if mode == "server":
        serve(base)
    else:
        connect(base, int(sys.argv[3]), [int(size) for size in sys.argv[4:]])
    reactor.callLater(30, reactor.stop)  # never outlive a broken test
    reactor.run()


if __name__ == "__main__":
    main()
