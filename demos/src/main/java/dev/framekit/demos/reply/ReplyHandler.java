package dev.framekit.demos.reply;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Serves a request/reply protocol: every message received is answered with a function of it
 * (the same bytes for echo, reversed for reverse). On a framing with a connection per exchange
 * (send-and-close) the connection carries one request, and the reply is sent with
 * {@code sendLast}: it half-closes the connection, which ends the exchange. On a framing whose
 * frames carry header fields (an MQTT type byte, the bytes before an offset length),
 * {@link #keepingHeaderFields()} answers each with its request's header fields, so an echo
 * returns every frame byte for byte.
 */
public final class ReplyHandler implements FramedServer.Handler {
    private final UnaryOperator<byte[]> reply;
    private final WireLog wire;
    private final boolean connectionPerExchange;
    private final boolean skipOversize;
    private final boolean keepHeaderFields;
    private final boolean skipDamaged;

    /**
     * Replies with {@code reply.apply(message)}, showing every frame on {@code wire} (--hexdump);
     * with {@code connectionPerExchange}, one request per connection, answered last.
     */
    public ReplyHandler(UnaryOperator<byte[]> reply, WireLog wire, boolean connectionPerExchange) {
        this(reply, wire, connectionPerExchange, false, false, false);
    }

    private ReplyHandler(UnaryOperator<byte[]> reply, WireLog wire, boolean connectionPerExchange, boolean skipOversize,
            boolean keepHeaderFields, boolean skipDamaged) {
        this.reply = reply;
        this.wire = wire;
        this.connectionPerExchange = connectionPerExchange;
        this.skipOversize = skipOversize;
        this.keepHeaderFields = keepHeaderFields;
        this.skipDamaged = skipDamaged;
    }

    /**
     * A handler like this one that passes over a message the framing skipped for being over
     * {@code --max-frame} ({@code --on-oversize skip}), counts it in the connection's log line, and
     * reads on; without it, such a message ends the connection like any framing error.
     */
    public ReplyHandler skippingOversize() {
        return new ReplyHandler(reply, wire, connectionPerExchange, true, keepHeaderFields, skipDamaged);
    }

    /** A handler like this one that reads typed frames and answers each with its header fields. */
    public ReplyHandler keepingHeaderFields() {
        return new ReplyHandler(reply, wire, connectionPerExchange, skipOversize, true, skipDamaged);
    }

    /**
     * A handler like this one that passes over a damaged frame the framing skipped (a bad checksum
     * under {@code --on-bad-checksum skip}), counts it in the connection's log line, and reads on;
     * without it, such a frame ends the connection like any framing error.
     */
    public ReplyHandler skippingDamaged() {
        return new ReplyHandler(reply, wire, connectionPerExchange, skipOversize, keepHeaderFields, true);
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        if (connectionPerExchange) {
            byte[] request = connection.readByteArray();
            if (request != null) {
                wire.show("received", request);
                answer(request, stats, shown(connection::sendLast));
            }
            return;
        }
        if (!skipOversize && !keepHeaderFields && !skipDamaged && !wire.isOn()) {
            byte[] message;
            while ((message = connection.readByteArray()) != null) {
                answer(message, stats, connection::send); // nothing to keep or show but the payload
            }
            return;
        }
        serveFrames(connection, stats);
    }

    /**
     * Reads typed frames: a skipped one is counted and passed over ({@link #skippingOversize()})
     * or ends the connection as on the payload path; each other is shown on the wire log (with
     * what its header said) and answered, with its header fields when {@link #keepingHeaderFields()}.
     */
    private void serveFrames(FramedConnection connection, ConnectionStats stats) throws IOException {
        Frame frame;
        while ((frame = next(connection, stats)) != null) {
            try {
                if (frame.isSkipped()) {
                    if (!skipOversize) {
                        throw frame.skipReason();
                    }
                    stats.skipped();
                    continue;
                }
                wire.showReceived("received", frame);
                if (frame.isControl()) {
                    continue; // a WebSocket ping or pong: shown, then passed over as the payload path does
                }
                byte[] message = ByteBufUtil.getBytes(frame.payload());
                if (keepHeaderFields) {
                    ByteBuf headerFields = frame.headerFields();
                    answer(message, stats, answer -> {
                        Frame reply = Frame.of(headerFields, Unpooled.wrappedBuffer(answer));
                        connection.writer().write(reply).flush();
                        wire.show("sent", reply);
                    });
                } else {
                    answer(message, stats, shown(connection::send));
                }
            } finally {
                frame.release();
            }
        }
    }

    /** The next frame; a damaged one the framing skipped is counted and passed over when {@link #skippingDamaged()}. */
    private Frame next(FramedConnection connection, ConnectionStats stats) throws IOException {
        while (true) {
            try {
                return connection.read();
            } catch (FramingException e) {
                if (!skipDamaged || !e.isSkipped()) {
                    throw e;
                }
                stats.damaged();
            }
        }
    }

    /** How an answer leaves: {@code send}, or {@code sendLast} for the one answer of a connection. */
    @FunctionalInterface
    private interface Sender {
        void send(byte[] answer) throws IOException;
    }

    /** Answers {@code message} through {@code sender}, which shows what it sent on the wire log. */
    private void answer(byte[] message, ConnectionStats stats, Sender sender) throws IOException {
        stats.received(message.length);
        byte[] answer = reply.apply(message);
        try {
            sender.send(answer);
        } catch (MessageRefusedException e) {
            throw new FramingException("cannot send the reply, the framer refuses it: " + e.getMessage());
        }
        stats.sent(answer.length);
    }

    /** Sends {@code answer} with {@code send}, then shows it as sent. */
    private Sender shown(Sender send) {
        return answer -> {
            send.send(answer);
            wire.show("sent", answer);
        };
    }
}
