package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.PeerMemory;
import dev.framekit.framing.Framers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one writer loop stream and web members share. */
class QueuedMemberTest {
    /** A member whose connection records what it is asked to do. */
    private static final class Recorded extends QueuedMember {
        final List<String> done = new CopyOnWriteArrayList<>();
        final CountDownLatch aborted = new CountDownLatch(1);

        Recorded(Duration closeGrace) {
            super(() -> { }, "test", PeerMemory.NONE, new ConnectionStats(),
                    WireLog.of(false, new Console(new PrintStream(OutputStream.nullOutputStream())), Framers.lines()),
                    closeGrace);
        }

        @Override
        protected void send(String line) {
            done.add("send " + line);
        }

        @Override
        protected void flush() {
            done.add("flush");
        }

        @Override
        protected void closeWith(Outbound.Close how) {
            done.add("close " + how.code());
        }

        @Override
        protected void abort() {
            done.add("abort");
            aborted.countDown();
        }
    }

    @Test
    void aCloseIsWrittenAfterEveryLineQueuedBeforeItWithItsCode() throws Exception {
        Recorded member = new Recorded(Duration.ZERO);
        member.deliver("-- server shutting down");
        member.close(Outbound.Close.GOING_AWAY);
        member.deliver("never sent");
        member.start();
        member.awaitWriter();
        assertEquals(List.of("send -- server shutting down", "close 1001"), member.done);
    }

    @Test
    void aMemberTooFarBehindLosesWhatIsQueuedGetsA1008AndIsCutAfterTheGrace() throws Exception {
        Recorded member = new Recorded(Duration.ofMillis(200));
        member.deliver("dropped");
        member.disconnect("disconnected: too far behind");
        member.start();
        member.awaitWriter();
        assertEquals(List.of("close 1008"), member.done);
        assertTrue(member.aborted.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aStopEndsTheWriterWithoutWritingWhatWasQueued() throws Exception {
        Recorded member = new Recorded(Duration.ZERO);
        member.deliver("dropped");
        member.stop();
        member.start();
        member.awaitWriter();
        assertEquals(List.of(), member.done);
    }
}
