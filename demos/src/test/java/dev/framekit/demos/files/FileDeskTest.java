package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.chat.room.Backpressure;
import dev.framekit.demos.chat.room.ChatRoom;
import dev.framekit.demos.chat.room.Member;
import dev.framekit.demos.chat.room.Outbound;
import dev.framekit.demos.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room's file commands, through a real {@link ChatRoom} and its {@link dev.framekit.demos.chat.room.FileHook}. */
class FileDeskTest {
    private final ChatRoom room = new ChatRoom(new Console(new PrintStream(new ByteArrayOutputStream(), true)),
            line -> line.length() <= 300, "too long", 0, Backpressure.NONE);
    private final FileDesk desk = new FileDesk(room, new Console(new PrintStream(new ByteArrayOutputStream(), true)),
            new Offers<>(Duration.ofMinutes(2), 10_000_000), line -> line.length() <= 300);

    FileDeskTest() {
        room.files(desk);
    }

    /** A member that records what it is told. */
    static final class Someone extends Member {
        final List<String> received = new ArrayList<>();
        final boolean page;

        Someone(boolean page) {
            super("test");
            this.page = page;
        }

        @Override
        protected boolean isPage() {
            return page;
        }

        @Override
        protected long backlog() {
            return 0;
        }

        @Override
        protected boolean deliver(String line) {
            received.add(line);
            return true;
        }

        @Override
        protected void close(Outbound.Close how) {}

        @Override
        protected void disconnect(String reason) {}

        String last() {
            return received.getLast();
        }

        <T extends FileLines> T lastAs(Class<T> type) {
            return assertInstanceOf(type, FileLines.parse(last()), last());
        }
    }

    private Someone join(String name, boolean page) {
        Someone member = new Someone(page);
        room.join(member, name);
        return member;
    }

    @Test
    void anAcceptedOfferGivesEachEndAKeyOfItsOwn() {
        Someone alice = join("alice", false);
        Someone bob = join("bob", false);
        room.handle(alice, "/file-offer 4 bob 3145728 report.pdf");
        FileLines.Offered offered = bob.lastAs(FileLines.Offered.class);
        assertEquals(new FileLines.Offered(offered.id(), "alice", "report.pdf", 3_145_728), offered);
        assertEquals(new FileLines.Waiting(4, "bob", "report.pdf", 3_145_728, "2 min"), alice.lastAs(FileLines.Waiting.class));

        room.handle(bob, "/file-accept " + offered.id());
        FileLines.Fetch fetch = bob.lastAs(FileLines.Fetch.class);
        FileLines.Send send = alice.lastAs(FileLines.Send.class);
        assertEquals(4, send.ref());
        assertTrue(!fetch.key().equals(send.key()), "two keys");
        assertNull(desk.claim(fetch.key(), true), "the receiver's key does not send");
        assertNotNull(desk.claim(send.key(), true));
        assertNull(desk.claim(send.key(), true), "a key is good once");
        assertNotNull(desk.claim(fetch.key(), false));
    }

    @Test
    void aDeclinedOfferIsWithdrawnForTheSender() {
        Someone alice = join("alice", false);
        Someone bob = join("bob", false);
        room.handle(alice, "/file-offer 1 bob 10 a.txt");
        room.handle(bob, "/decline"); // as typed on nc: the latest offer
        assertEquals(new FileLines.Cancelled(1, "bob", "bob declined it"), alice.lastAs(FileLines.Cancelled.class));
        assertTrue(bob.last().startsWith("-- declined file "), bob.last());
        room.handle(bob, "/file-decline 1");
        assertTrue(bob.last().contains("no file 1 is offered to you"), bob.last());
    }

    @Test
    void ncAndWebMembersAreToldFilesNeedChatClient() {
        Someone nc = join("nc", false);
        Someone web = join("web", true);
        room.handle(nc, "/send web /etc/passwd");
        assertEquals(FileDesk.NEEDS_CLIENT, nc.last());
        room.handle(web, "/accept");
        assertEquals(FileDesk.NEEDS_CLIENT, web.last());
        Someone alice = join("alice", false);
        room.handle(alice, "/file-offer 1 web 10 a.txt");
        FileLines.NotOffered refused = alice.lastAs(FileLines.NotOffered.class);
        assertTrue(refused.reason().contains("web page"), refused.reason());
        assertTrue(web.received.stream().noneMatch(line -> line.startsWith("-- file ")), "the page is offered nothing");
    }

    @Test
    void anOfferToNobodyOrTooLargeIsNotMade() {
        Someone alice = join("alice", false);
        join("bob", false);
        room.handle(alice, "/file-offer 1 carol 10 a.txt");
        assertTrue(alice.lastAs(FileLines.NotOffered.class).reason().contains("no one here is called carol"));
        room.handle(alice, "/file-offer 2 alice 10 a.txt");
        assertTrue(alice.lastAs(FileLines.NotOffered.class).reason().contains("yourself"));
        room.handle(alice, "/file-offer 3 bob 10000001 big.iso");
        assertTrue(alice.lastAs(FileLines.NotOffered.class).reason().contains("--max-file"));
        room.handle(alice, "/file-offer 4 bob 10 " + "n".repeat(250));
        assertTrue(alice.lastAs(FileLines.NotOffered.class).reason().contains("too long for this server's framing"));
        room.handle(alice, "/file-offer x bob 10 a.txt");
        assertTrue(alice.last().startsWith("-- usage: /file-offer"), alice.last());
    }

    @Test
    void aMemberFloodedWithOffersRefusesTheRestAtTheServer() {
        Someone bob = join("bob", false);
        Someone mallory = join("mallory", false);
        Someone eve = join("eve", false);
        for (int i = 1; i <= 3; i++) {
            room.handle(i < 3 ? mallory : eve, "/file-offer " + i + " bob 1 spam" + i);
        }
        room.handle(mallory, "/file-offer 9 bob 1 spam9");
        assertTrue(mallory.lastAs(FileLines.NotOffered.class).reason().contains("the receiver has 3 offers waiting"));
        assertEquals(3, bob.received.stream().filter(line -> FileLines.parse(line) instanceof FileLines.Offered).count());
    }

    @Test
    void anExpiredOfferIsWithdrawnForBoth() {
        Someone alice = join("alice", false);
        Someone bob = join("bob", false);
        room.handle(alice, "/file-offer 1 bob 10 a.txt");
        List<String> told = new ArrayList<>();
        desk.expire(System.nanoTime() + Duration.ofMinutes(3).toNanos(), (member, line) -> told.add(member.name() + ": " + line));
        assertEquals(2, told.size(), told.toString());
        assertInstanceOf(FileLines.Withdrawn.class, FileLines.parse(told.get(0).substring("bob: ".length())));
        assertTrue(told.get(1).startsWith("alice: -- file 1 to bob is withdrawn: bob did not accept it within 2 min"),
                told.get(1));
    }

    @Test
    void aMemberWhoLeavesWithdrawsItsOffersForTheOthersOnly() {
        Someone alice = join("alice", false);
        Someone bob = join("bob", false);
        room.handle(alice, "/file-offer 1 bob 10 a.txt");
        int aliceHeard = alice.received.size();
        room.handle(alice, "/quit");
        assertEquals(new FileLines.Withdrawn(1, "alice", "alice left"),
                FileLines.parse(bob.received.get(bob.received.size() - 2)));
        assertTrue(alice.received.subList(aliceHeard, alice.received.size()).stream()
                .noneMatch(line -> line.startsWith("-- file")), alice.received.toString());
    }
}
