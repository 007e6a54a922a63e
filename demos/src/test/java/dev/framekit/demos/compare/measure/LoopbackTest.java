package dev.framekit.demos.compare.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Loopback's accepting side for send-and-close: it stops on the sender's word, with no timeout polling. */
class LoopbackTest {
    /** A guard against a hang, not a timed assertion. */
    private static final long HANG_GUARD_SECONDS = 30;

    @Test
    void anAcceptWaitingForMoreEndsWhenTheSenderSaysItIsDone() throws Exception {
        try (Loopback loopback = new Loopback(); Socket first = loopback.connect(); Socket second = loopback.connect()) {
            BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
            Future<Integer> acceptor = loopback.start(l -> acceptAll(l, accepted));
            closeEach(accepted.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS), accepted.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            // both accepted: the acceptor now waits for a third that will never come
            loopback.senderDone(2);
            assertEquals(2, acceptor.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "returned null after the two");
            assertEquals(2, loopback.accepted());
        }
    }

    @Test
    void connectionsStillQueuedWhenTheSenderIsDoneAreAllAccepted() throws Exception {
        try (Loopback loopback = new Loopback()) {
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(loopback.connect());
            }
            loopback.senderDone(3); // before any accept: the listener must stay open for them
            List<Socket> accepted = new ArrayList<>();
            Socket next;
            while ((next = loopback.acceptUntilSenderDone()) != null) {
                accepted.add(next);
            }
            assertEquals(3, accepted.size());
            closeEach(accepted.toArray(Socket[]::new));
            closeEach(clients.toArray(Socket[]::new));
        }
    }

    @Test
    void closingTheLoopbackBeforeTheSenderIsDoneFailsTheWaitingAccept() throws Exception {
        Loopback loopback = new Loopback();
        Future<Integer> acceptor = loopback.start(l -> acceptAll(l, new LinkedBlockingQueue<>()));
        loopback.close();
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> acceptor.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof SocketException, "got " + failed.getCause());
    }

    private static int acceptAll(Loopback loopback, BlockingQueue<Socket> accepted) throws IOException {
        int count = 0;
        Socket socket;
        while ((socket = loopback.acceptUntilSenderDone()) != null) {
            assertNotNull(socket);
            accepted.add(socket);
            count++;
        }
        assertNull(loopback.acceptUntilSenderDone(), "stays done");
        return count;
    }

    private static void closeEach(Socket... sockets) throws IOException {
        for (Socket socket : sockets) {
            assertNotNull(socket, "a connection was not accepted");
            socket.close();
        }
    }
}
