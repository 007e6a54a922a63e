package dev.framekit.demos.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;

/**
 * A socket's input stream that, before each read, counts the connection's buffers against the
 * memory budget ({@link PeerSocket#recount()}): the reader has made room for the read by
 * then and reported its buffer's new capacity, so what it holds is known; nothing here asks the
 * reader. A connection shed to keep the budget reads no more. While
 * peers already shed have not yet let go of what keeps the server over its budget, the read
 * waits for them first ({@link PeerSocket#awaitReleases()}), so that the bytes it brings do not
 * land on top of theirs.
 */
final class AccountedInputStream extends FilterInputStream {
    private final PeerSocket socket;

    AccountedInputStream(InputStream in, PeerSocket socket) {
        super(in);
        this.socket = socket;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!socket.recount()) {
            throw new SocketException("Socket closed");
        }
        socket.awaitReleases();
        return in.read(b, off, len);
    }
}
