package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending side of a {@link WebSocketConnection}: writes each frame with the opcode it is sent
 * as, one whole frame at a time under a lock (never a monitor, so it is safe on virtual threads),
 * and keeps the close rule: the close frame goes once, and no frame but a dropped pong may follow
 * it.
 */
final class WebSocketSender {
    private final FrameWriter writer;
    private final Map<WebSocketOpcode, WebSocketFramer> framers = new EnumMap<>(WebSocketOpcode.class);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closeSent;

    WebSocketSender(FrameWriter writer, WebSocketFramer framer) {
        this.writer = writer;
        for (WebSocketOpcode opcode : WebSocketOpcode.values()) {
            if (opcode != WebSocketOpcode.CONTINUATION) {
                framers.put(opcode, framer.sendAs(opcode));
            }
        }
    }

    /** Sends one message or ping; refused once the close frame has gone. */
    void send(WebSocketOpcode opcode, byte[] payload) throws IOException {
        lock.lock();
        try {
            if (closeSent) {
                throw new IOException("websocket: the connection is closing; no " + opcode + " message may follow the"
                        + " close frame");
            }
            write(opcode, payload);
        } finally {
            lock.unlock();
        }
    }

    /** Answers a ping, unless the close frame has gone; a failure is left to the reading thread. */
    void pong(byte[] payload) {
        lock.lock();
        try {
            if (!closeSent) {
                write(WebSocketOpcode.PONG, payload);
            }
        } catch (IOException ignored) {
            // the reading thread will see the broken connection
        } finally {
            lock.unlock();
        }
    }

    /** Sends the close frame once; later calls do nothing. */
    void sendClose(int code, String reason) throws IOException {
        lock.lock();
        try {
            if (closeSent) {
                return;
            }
            closeSent = true;
            write(WebSocketOpcode.CLOSE, closePayload(code, reason));
        } finally {
            lock.unlock();
        }
    }

    /** Writes one frame and flushes; the caller holds the lock. */
    private void write(WebSocketOpcode opcode, byte[] payload) throws IOException {
        writer.framer(framers.get(opcode));
        writer.writeAndFlush(payload);
    }

    /** A close frame's payload: the code, then as much of the reason as fits in 123 UTF-8 bytes. */
    static byte[] closePayload(int code, String reason) {
        if (code == WebSocketCloseCodes.NO_STATUS) {
            return new byte[0];
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, 123);
        while (length > 0 && length < text.length && (text[length] & 0xc0) == 0x80) {
            length--; // do not cut a character in two
        }
        byte[] payload = new byte[2 + length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length);
        return payload;
    }
}
