package dev.framekit.demos.discovery;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Announces a chat server on the LAN: on every interface {@link DiscoveryOptions} chooses, one
 * datagram to the multicast group (TTL 1) and one to the interface's broadcast address (for LANs
 * that drop multicast), every {@link #FIRST_PERIOD} for {@link #FIRST_ROUNDS} rounds after start,
 * then every {@link #PERIOD}. A client's query ({@link AnnouncementCodec#QUERY}) brings the next
 * round forward, at most once per {@link #FIRST_PERIOD}, so a client listening for two seconds
 * hears every server. Failures to send are said once, never fatal: the chat goes on without
 * announcements.
 */
public final class Announcer implements AutoCloseable {
    static final Duration FIRST_PERIOD = Duration.ofSeconds(1);
    static final int FIRST_ROUNDS = 5;
    static final Duration PERIOD = Duration.ofSeconds(5);

    private final DiscoveryOptions options;
    private final Function<InetAddress, Announcement> announcement;
    private final InetAddress bound;
    private final String serverFramer;
    private final Console console;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition asked = lock.newCondition();
    private boolean queried;
    private volatile boolean closed;
    private MulticastSocket sender;
    private MulticastSocket queries;
    private volatile String lastProblem;

    private Announcer(DiscoveryOptions options, InetAddress bound, String serverFramer,
            Function<InetAddress, Announcement> announcement, Console console) {
        this.options = options;
        this.bound = bound;
        this.serverFramer = serverFramer;
        this.announcement = announcement;
        this.console = console;
    }

    /**
     * Starts announcing a server bound to {@code bound} (on one address, only on its interface)
     * whose framer describes itself as {@code serverFramer}; {@code announcement} gives what to
     * say on the interface with that address (its web URL names the address).
     */
    public static Announcer start(DiscoveryOptions options, InetAddress bound, String serverFramer,
            Function<InetAddress, Announcement> announcement, Console console) {
        Announcer announcer = new Announcer(options, bound, serverFramer, announcement, console);
        try {
            announcer.sender = new MulticastSocket(0);
            announcer.sender.setTimeToLive(1);
            announcer.sender.setBroadcast(true);
            Thread.ofPlatform().name("announcer").daemon().start(announcer::announceUntilClosed);
        } catch (IOException e) {
            console.log("announcements off: " + NetworkErrors.describe(e));
            return announcer;
        }
        try {
            announcer.queries = Channels.listening(options, options.interfaces(bound));
            Thread.ofPlatform().name("announcer-queries").daemon().start(announcer::answerQueries);
        } catch (IOException e) {
            announcer.problem("cannot hear clients' queries on UDP port " + options.port() + ": "
                    + NetworkErrors.describe(e) + "; announcing every " + PERIOD.toSeconds() + " s");
        }
        return announcer;
    }

    private void announceUntilClosed() {
        for (int round = 0; !closed; round++) {
            announceOnce();
            awaitNextRound(round < FIRST_ROUNDS - 1 ? FIRST_PERIOD : PERIOD);
        }
    }

    private void announceOnce() {
        try {
            for (DiscoveryOptions.Lan lan : options.interfaces(bound)) {
                byte[] datagram = AnnouncementCodec.encode(announcement.apply(lan.address()), serverFramer);
                send(lan, datagram, DiscoveryOptions.group());
                if (lan.broadcast() != null) {
                    send(lan, datagram, lan.broadcast());
                }
            }
        } catch (IOException | RuntimeException e) {
            problem("cannot list the network interfaces: " + e.getMessage());
        }
    }

    private void send(DiscoveryOptions.Lan lan, byte[] datagram, InetAddress to) {
        try {
            sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, lan.nic());
            sender.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(to, options.port())));
        } catch (IOException e) {
            if (!closed) {
                problem("cannot announce on " + lan.nic().getName() + " to " + to.getHostAddress() + ": "
                        + NetworkErrors.describe(e));
            }
        }
    }

    /** Waits {@code period}, or less if a client asked; a query brings one round forward at most once a second. */
    private void awaitNextRound(Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        long earliest = System.nanoTime() + FIRST_PERIOD.toNanos();
        lock.lock();
        try {
            queried = false;
            while (!closed) {
                long now = System.nanoTime();
                if (now >= deadline || (queried && now >= earliest)) {
                    return;
                }
                asked.await(Math.min(deadline, queried ? earliest : deadline) - now, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void answerQueries() {
        byte[] buffer = new byte[AnnouncementCodec.MAX_BYTES + 1];
        byte[] query = AnnouncementCodec.QUERY.getBytes(StandardCharsets.US_ASCII);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                queries.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    problem("stopped hearing queries: " + NetworkErrors.describe(e));
                }
                return;
            }
            if (Arrays.equals(buffer, 0, packet.getLength(), query, 0, query.length)) {
                lock.lock();
                try {
                    queried = true;
                    asked.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Says a problem once (the same one each round would flood the log). */
    private void problem(String text) {
        if (!text.equals(lastProblem)) {
            lastProblem = text;
            console.log("announcements: " + text);
        }
    }

    /** Stops announcing. */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            asked.signalAll();
        } finally {
            lock.unlock();
        }
        if (sender != null) {
            sender.close();
        }
        if (queries != null) {
            queries.close();
        }
    }
}
