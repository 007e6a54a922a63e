package dev.framekit.demos.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hostile peers of {@link SoakIT}, each on a raw socket of its own and a virtual thread: it
 * misbehaves until the server ends it (or, for the two that a server never ends by itself, until
 * it stops), then closes. Each notes the local port it came from, so that the server's log can be
 * searched for the one line that ended it.
 */
final class HostilePeers {
    /** One hostile peer: what it did, which server, the port it came from. */
    record Peer(String kind, String server, int port) {}

    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** Every peer started so far. */
    List<Peer> peers() {
        return peers;
    }

    /** Waits for every peer's thread to end. */
    void join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Closes every socket still open. */
    void closeAll() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing: nothing to do.
            }
        }
    }

    /** A chat member that joins and never reads: the room drops it after --write-timeout. */
    void chatNeverReader(int port, String name) throws IOException {
        Socket socket = open(port, 4096, "chat never-reader", "chat");
        run(() -> {
            socket.getOutputStream().write(("/nick " + name + "\n").getBytes(StandardCharsets.UTF_8));
            readNothingUntilReset(socket);
        });
    }

    /** A chat member that posts 2,000 lines of 1,000 bytes as fast as it can (flood control slows it), then quits. */
    void chatFlooder(int port, String name) throws IOException {
        Socket socket = open(port, 0, "chat flooder", "chat");
        run(() -> {
            Thread drain = Thread.ofVirtual().start(() -> drain(socket)); // it reads: a flooder, not a never-reader
            OutputStream out = socket.getOutputStream();
            out.write(("/nick " + name + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 2_000; i++) {
                batch.append(i).append(' ').append("f".repeat(1_000)).append('\n');
                if (batch.length() > 64 * 1024) {
                    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                    batch.setLength(0);
                }
            }
            out.write((batch + "/quit\n").getBytes(StandardCharsets.UTF_8));
            drain.join();
        });
    }

    /** A request head to the web port that trickles a byte a second: --header-timeout ends it. */
    void webSlowloris(int port) throws IOException {
        Socket socket = open(port, 0, "web slowloris head", "chat");
        run(() -> {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 60; i++) {
                out.write('X');
                out.flush();
                Thread.sleep(1_000);
            }
        });
    }

    /** A WebSocket frame whose header declares 2^40 bytes. */
    void webOversizedFrame(int port) throws IOException {
        Socket socket = open(port, 0, "web oversized frame", "chat");
        run(() -> {
            upgrade(socket, port);
            ByteBuffer frame = ByteBuffer.allocate(14).put((byte) 0x81).put((byte) (0x80 | 127)).putLong(1L << 40).putInt(0);
            socket.getOutputStream().write(frame.array());
            drain(socket);
        });
    }

    /** A WebSocket frame from the client without a mask (RFC 6455 forbids it). */
    void webUnmaskedFrame(int port) throws IOException {
        Socket socket = open(port, 0, "web malformed frame", "chat");
        run(() -> {
            upgrade(socket, port);
            socket.getOutputStream().write(new byte[] {(byte) 0x81, 5, 'h', 'e', 'l', 'l', 'o'});
            drain(socket);
        });
    }

    /**
     * A WebSocket member that sends fragments of a text message, one every 300 ms for
     * {@code fragments} fragments, and never the last one; then it closes.
     */
    void webEndlessFragments(int port, int fragments) throws IOException {
        Socket socket = open(port, 0, "web fragments that never end", "chat");
        run(() -> {
            upgrade(socket, port);
            Thread.ofVirtual().start(() -> drain(socket)); // it is a member: the room's lines come to it
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < fragments; i++) {
                out.write(maskedFrame(i == 0 ? 0x1 : 0x0, "x".repeat(500)));
                Thread.sleep(300);
            }
            socket.close();
        });
    }

    /** An echo client that sends 64 KiB frames and never reads: --write-timeout ends it. */
    void echoNeverReader(int port) throws IOException {
        Socket socket = open(port, 4096, "echo never-reader", "echo");
        run(() -> {
            byte[] frame = ByteBuffer.allocate(4 + 65_536).putInt(65_536).array();
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(frame); // blocks once the server stops reading; fails once it resets
            }
        });
    }

    /** A length prefix of 0xFFFFFFFF. */
    void echoOversizedFrame(int port) throws IOException {
        Socket socket = open(port, 0, "echo oversized frame", "echo");
        run(() -> {
            socket.getOutputStream().write(new byte[] {-1, -1, -1, -1});
            drain(socket);
        });
    }

    /** A 16-byte frame whose bytes come one every half second: --frame-timeout ends it. */
    void echoSlowloris(int port) throws IOException {
        Socket socket = open(port, 0, "echo slowloris frame", "echo");
        run(() -> {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0, 0, 0, 16});
            for (int i = 0; i < 16; i++) {
                out.write('s');
                out.flush();
                Thread.sleep(500);
            }
        });
    }

    private Socket open(int port, int receiveBuffer, String kind, String server) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        sockets.add(socket);
        peers.add(new Peer(kind, server, socket.getLocalPort()));
        return socket;
    }

    @FunctionalInterface
    private interface Misbehaviour {
        void run() throws Exception;
    }

    /** Runs what the peer does on a thread of its own; the server ending it ends the thread. */
    private void run(Misbehaviour misbehaviour) {
        threads.add(Thread.ofVirtual().start(() -> {
            try {
                misbehaviour.run();
            } catch (Exception expected) {
                // The server reset or closed it: what the soak expects.
            }
        }));
    }

    /** Holds the socket open without reading until the server resets it (a write of a byte a second notices). */
    private static void readNothingUntilReset(Socket socket) throws IOException, InterruptedException {
        for (int i = 0; i < 120; i++) {
            Thread.sleep(1_000);
            if (socket.isClosed()) {
                return;
            }
        }
    }

    /** Reads and discards until the end of the stream or an error. */
    private static void drain(Socket socket) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = socket.getInputStream();
            while (in.read(buffer) >= 0) {
                // Discard.
            }
        } catch (IOException e) {
            // Reset: the end too.
        }
    }

    /** Sends the WebSocket upgrade for /chat and reads the 101 response's head. */
    private static void upgrade(Socket socket, int port) throws IOException {
        String origin = "http://127.0.0.1:" + port;
        socket.getOutputStream().write(("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: " + origin + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the web port closed before its 101");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    /** A masked frame (mask 0, so the payload goes as it is) with FIN clear. */
    private static byte[] maskedFrame(int opcode, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length).put((byte) opcode).put((byte) (0x80 | 126))
                .putShort((short) payload.length).putInt(0).put(payload);
        return frame.array();
    }
}
