package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.RawSockets;
import dev.framekit.demos.support.FramekitProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fan-out in a real chat-server: 1,000 members in one room (raw sockets in this JVM, one virtual
 * thread each) and a burst of messages from several senders. Every member receives every
 * message of the others, in order per sender and in the same global order as every other
 * member; the delivery p99 is printed.
 */
@Timeout(180)
class ChatFanOutIT {
    private static final int MEMBERS = Integer.getInteger("framekit.chat.members", 1000);
    private static final int SENDERS = 5;
    private static final int MESSAGES = 40;
    private static final Pattern MESSAGE = Pattern.compile("^<s(\\d)> m(\\d+) t(\\d+)$");

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @AfterEach
    void stop() throws IOException {
        sockets.close();
    }

    /** What one member received: the burst's messages in arrival order, and their delivery times. */
    private static final class Inbox {
        final List<Integer> order = new ArrayList<>(); // sender * MESSAGES + message
        final List<Long> deliveryNanos = new ArrayList<>();
        final CountDownLatch joined = new CountDownLatch(1);
        final CountDownLatch complete = new CountDownLatch(1);
        volatile String failure;
    }

    @Test
    void everyMemberReceivesEveryMessageInTheSameOrder() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter");
        List<Inbox> inboxes = new ArrayList<>();
        List<OutputStream> outs = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Socket socket = sockets.open(server.port());
            Inbox inbox = new Inbox();
            inboxes.add(inbox);
            outs.add(socket.getOutputStream());
            int expected = SENDERS * MESSAGES - (i < SENDERS ? MESSAGES : 0);
            Thread.ofVirtual().start(() -> receive(socket, inbox, expected));
        }
        for (Inbox inbox : inboxes) {
            assertTrue(inbox.joined.await(60, TimeUnit.SECONDS), "a member got no welcome\n" + server.transcript());
        }
        for (int s = 0; s < SENDERS; s++) {
            outs.get(s).write(("/nick s" + s + "\n").getBytes(StandardCharsets.UTF_8));
            outs.get(s).flush();
        }
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            OutputStream out = outs.get(s);
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int m = 0; m < MESSAGES; m++) {
                        out.write(("m" + m + " t" + System.nanoTime() + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        for (int i = 0; i < MEMBERS; i++) {
            Inbox inbox = inboxes.get(i);
            assertTrue(inbox.complete.await(90, TimeUnit.SECONDS), "member " + i + " received " + inbox.order.size()
                    + " messages, expected all; failure: " + inbox.failure);
        }

        List<Integer> reference = inboxes.get(MEMBERS - 1).order;
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            List<Integer> fromSender = reference.stream().filter(n -> n / MESSAGES == sender).map(n -> n % MESSAGES).toList();
            assertEquals(range(MESSAGES), fromSender, "sender " + s + "'s messages, in order, each once");
        }
        List<Long> deliveries = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            int own = i;
            List<Integer> expected = reference.stream().filter(n -> own >= SENDERS || n / MESSAGES != own).toList();
            assertEquals(expected, inboxes.get(i).order, "member " + i + " saw another order");
            deliveries.addAll(inboxes.get(i).deliveryNanos);
        }
        long[] sorted = deliveries.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("chat fan-out: %d members, %d senders x %d messages, %d deliveries, all in order; "
                + "delivery p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", MEMBERS, SENDERS, MESSAGES, sorted.length,
                at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
        assertEquals((long) MEMBERS * SENDERS * MESSAGES - (long) SENDERS * MESSAGES, sorted.length);
    }

    private static void receive(Socket socket, Inbox inbox, int expected) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                if (line.startsWith("-- welcome, ")) {
                    inbox.joined.countDown();
                    continue;
                }
                Matcher message = MESSAGE.matcher(line);
                if (message.matches()) {
                    inbox.order.add(Integer.parseInt(message.group(1)) * MESSAGES + Integer.parseInt(message.group(2)));
                    inbox.deliveryNanos.add(now - Long.parseLong(message.group(3)));
                    if (inbox.order.size() == expected) {
                        inbox.complete.countDown();
                    }
                }
            }
            inbox.failure = "the server closed the connection";
        } catch (IOException e) {
            inbox.failure = e.toString();
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }
}
