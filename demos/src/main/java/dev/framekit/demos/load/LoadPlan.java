package dev.framekit.demos.load;

import dev.framekit.framing.Framer;
import java.net.InetAddress;
import java.time.Duration;

/**
 * What a load run does, checked and complete.
 *
 * @param address the server, loopback or private (see {@link Targets})
 * @param port the server's port
 * @param framer the framing both sides speak
 * @param connectionPerExchange whether each message needs its own connection (the registry's
 *     connection per exchange: send-and-close)
 * @param connections how many connections, each its own virtual thread
 * @param messages messages per connection; {@link Long#MAX_VALUE} to run until {@code duration}
 * @param duration the longest the messages phase lasts
 * @param size bytes per message
 * @param rate messages a second over all connections; 0 for as fast as the echoes come back
 * @param rampPerSecond connections opened a second while ramping up
 * @param timeout how long to wait to connect and for each echo
 */
record LoadPlan(InetAddress address, int port, Framer framer, boolean connectionPerExchange, int connections,
        long messages, Duration duration, int size, double rate, int rampPerSecond, Duration timeout) {}
