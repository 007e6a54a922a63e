package dev.framekit.demos.net;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
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
    private final Framer framer;
    private final UnaryOperator<byte[]> reply;
    private final Console console;
    private final boolean hexdump;

    /** Replies with {@code reply.apply(message)}; with {@code hexdump}, logs every frame's bytes. */
    public ReplyHandler(Framer framer, UnaryOperator<byte[]> reply, Console console, boolean hexdump) {
        this.framer = framer;
        this.reply = reply;
        this.console = console;
        this.hexdump = hexdump;
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        byte[] message;
        while ((message = connection.read()) != null) {
            stats.received(message.length);
            if (hexdump) {
                console.line(WireDump.of("received", framer, message));
            }
            byte[] answer = reply.apply(message);
            try {
                connection.send(answer);
            } catch (MessageRefusedException e) {
                throw new FramingException("cannot send the reply, the framer refuses it: " + e.getMessage());
            }
            stats.sent(answer.length);
            if (hexdump) {
                console.line(WireDump.of("sent", framer, answer));
            }
        }
    }
}
