package dev.framekit.demos.reply;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Serves a request/reply protocol: every message received is answered with a function of it
 * (the same bytes for echo, reversed for reverse). On a framing with a connection per exchange
 * (send-and-close) the connection carries one request, and the reply is sent with
 * {@code sendLast}: it half-closes the connection, which ends the exchange.
 */
public final class ReplyHandler implements FramedServer.Handler {
    private final UnaryOperator<byte[]> reply;
    private final WireLog wire;
    private final boolean connectionPerExchange;
    private final boolean skipOversize;

    /**
     * Replies with {@code reply.apply(message)}, showing every frame on {@code wire} (--hexdump);
     * with {@code connectionPerExchange}, one request per connection, answered last.
     */
    public ReplyHandler(UnaryOperator<byte[]> reply, WireLog wire, boolean connectionPerExchange) {
        this(reply, wire, connectionPerExchange, false);
    }

    private ReplyHandler(UnaryOperator<byte[]> reply, WireLog wire, boolean connectionPerExchange, boolean skipOversize) {
        this.reply = reply;
        this.wire = wire;
        this.connectionPerExchange = connectionPerExchange;
        this.skipOversize = skipOversize;
    }

    /**
     * A handler like this one that passes over a message the framing skipped for being over
     * {@code --max-frame} ({@code --on-oversize skip}), counts it in the connection's log line, and
     * reads on; without it, such a message ends the connection like any framing error.
     */
    public ReplyHandler skippingOversize() {
        return new ReplyHandler(reply, wire, connectionPerExchange, true);
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        if (connectionPerExchange) {
            byte[] request = connection.readByteArray();
            if (request != null) {
                answer(request, stats, connection::sendLast);
            }
            return;
        }
        byte[] message;
        while ((message = next(connection, stats)) != null) {
            answer(message, stats, connection::send);
        }
    }

    /** The next message, or null at the end; with {@link #skippingOversize()}, past the skipped ones. */
    private byte[] next(FramedConnection connection, ConnectionStats stats) throws IOException {
        if (!skipOversize) {
            return connection.readByteArray();
        }
        while (true) {
            Frame frame = connection.read();
            if (frame == null) {
                return null;
            }
            try {
                if (!frame.isSkipped()) {
                    return ByteBufUtil.getBytes(frame.payload());
                }
                stats.skipped();
            } finally {
                frame.release();
            }
        }
    }

    /** How an answer leaves: {@code send}, or {@code sendLast} for the one answer of a connection. */
    @FunctionalInterface
    private interface Sender {
        void send(byte[] answer) throws IOException;
    }

    private void answer(byte[] message, ConnectionStats stats, Sender sender) throws IOException {
        stats.received(message.length);
        wire.show("received", message);
        byte[] answer = reply.apply(message);
        try {
            sender.send(answer);
        } catch (MessageRefusedException e) {
            throw new FramingException("cannot send the reply, the framer refuses it: " + e.getMessage());
        }
        stats.sent(answer.length);
        wire.show("sent", answer);
    }
}
