package com.example.consumer;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;

/**
 * Sends each message to a framekit echo-server on the length-prefix framing and prints each
 * reply on its own line. Exits 1 if a reply differs from what was sent.
 *
 * <pre>java -cp "target/classes:target/lib/*" com.example.consumer.EchoConsumer HOST PORT MESSAGE...</pre>
 */
public final class EchoConsumer {
    private EchoConsumer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EchoConsumer HOST PORT MESSAGE...");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        try (FramedConnection connection = FramedConnection.connect(host, port, Framers.lengthPrefixed())) {
            for (int i = 2; i < args.length; i++) {
                connection.send(args[i]);
                String reply = connection.readString();
                System.out.println(reply);
                if (!args[i].equals(reply)) {
                    System.err.println("sent \"" + args[i] + "\" but the echo was " + (reply == null ? "the end of the stream" : "\"" + reply + "\""));
                    System.exit(1);
                }
            }
        }
    }
}
