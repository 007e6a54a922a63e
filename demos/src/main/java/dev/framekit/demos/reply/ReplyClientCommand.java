package dev.framekit.demos.reply;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingOptions;
import dev.framekit.demos.options.OptionTerms;
import dev.framekit.demos.options.Version;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBufUtil;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A client that sends messages and prints each reply on its own line: the shape of
 * echo-client and reverse-client. Messages are the arguments, or else the lines of standard
 * input. On a framing with a connection per exchange (send-and-close) every message is its own
 * connection and its own {@code exchange}.
 */
@Command(versionProvider = Version.class)
public abstract class ReplyClientCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Mixin
    FramingOptions framing;

    @Parameters(paramLabel = "MESSAGE", arity = "0..*",
            description = "Messages to send, one per argument; without any, each line of standard input is one message.")
    List<String> messages = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Framer framer = framing.framer(spec, Framing.Side.CLIENT);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // Wire dumps go to standard error, so standard output stays one reply per line.
        WireLog wire = WireLog.of(framing.hexdump(), new Console(System.err), framer);
        Iterator<String> input = messages.isEmpty() ? stdinLines() : messages.iterator();
        boolean connectionPerExchange = framing.framing().connectionPerExchange();
        int number = 0;
        FramedConnection connection = null;
        try {
            while (input.hasNext()) {
                byte[] message = input.next().getBytes(StandardCharsets.UTF_8);
                number++;
                wire.show("message " + number + " sent", message);
                byte[] reply;
                if (connectionPerExchange) {
                    try (FramedConnection single = connect(framer)) {
                        reply = single.exchange(message);
                    }
                } else {
                    if (connection == null) {
                        connection = connect(framer);
                    }
                    connection.send(message);
                    reply = wire.isOn() ? readShown(connection, wire, "reply " + number + " received")
                            : connection.readByteArray();
                }
                if (reply == null) {
                    throw new EOFException();
                }
                if (connectionPerExchange) {
                    wire.show("reply " + number + " received", reply);
                }
                out.println(new String(reply, StandardCharsets.UTF_8));
            }
            return 0;
        } catch (MessageRefusedException e) {
            System.err.println(spec.name() + ": message " + number + " refused: " + OptionTerms.of(e.getMessage()));
            return 1;
        } catch (IOException e) {
            System.err.println(spec.name() + ": " + NetworkErrors.describe(e));
            return 1;
        } finally {
            closeQuietly(connection);
        }
    }

    /**
     * Reads the next data frame and shows it as it came, with what its header said (header
     * fields, a WebSocket opcode); WebSocket pings and pongs are shown and passed over.
     */
    private static byte[] readShown(FramedConnection connection, WireLog wire, String label) throws IOException {
        Frame frame;
        while ((frame = connection.read()) != null) {
            try {
                if (frame.isSkipped()) {
                    throw frame.skipReason();
                }
                wire.showReceived(label, frame);
                if (!frame.isControl()) {
                    return ByteBufUtil.getBytes(frame.payload());
                }
            } finally {
                frame.release();
            }
        }
        return null;
    }

    private FramedConnection connect(Framer framer) throws IOException {
        return client.connector(framer).readTimeout(client.timeout()).connect();
    }

    private static Iterator<String> stdinLines() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return reader.lines().iterator();
    }

    private static void closeQuietly(FramedConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Leaving anyway.
            }
        }
    }
}
