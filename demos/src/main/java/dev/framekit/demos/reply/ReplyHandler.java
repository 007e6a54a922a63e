package dev.framekit.demos.reply;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.MessageRefusedException;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Serves a request/reply protocol: every message received is answered with a function of it
 * (the same bytes for echo, reversed for reverse). On send-and-close the one reply half-closes
 * the connection, which ends the exchange.
 */
public final class ReplyHandler implements FramedServer.Handler {
    private final UnaryOperator<byte[]> reply;
    private final WireLog wire;

    /** Replies with {@code reply.apply(message)}, showing every frame on {@code wire} (--hexdump). */
    public ReplyHandler(UnaryOperator<byte[]> reply, WireLog wire) {
        this.reply = reply;
        this.wire = wire;
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        byte[] message;
        while ((message = connection.read()) != null) {
            stats.received(message.length);
            wire.show("received", message);
            byte[] answer = reply.apply(message);
            try {
                connection.send(answer);
            } catch (MessageRefusedException e) {
                throw new FramingException("cannot send the reply, the framer refuses it: " + e.getMessage());
            }
            stats.sent(answer.length);
            wire.show("sent", answer);
        }
    }
}
