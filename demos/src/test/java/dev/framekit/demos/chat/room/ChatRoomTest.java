package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChatRoomTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final ChatRoom room = new ChatRoom(new Console(new PrintStream(logged, true)), line -> line.length() <= 100,
            "too long for the framing", 0, Backpressure.NONE);

    private RecordingMember join(String name) {
        RecordingMember member = new RecordingMember();
        room.join(member, null);
        if (name != null) {
            room.handle(member, "/nick " + name);
        }
        return member;
    }

    @Test
    void newMembersGetGuestNamesAndAWelcome() {
        RecordingMember first = join(null);
        RecordingMember second = join(null);
        assertEquals("guest1", first.name());
        assertEquals("guest2", second.name());
        assertTrue(second.received.get(0).startsWith("-- welcome, guest2; 1 other(s) here"), second.received.get(0));
        assertEquals("-- guest2 joined", first.last());
    }

    @Test
    void aMessageGoesToEveryoneElseButNotTheSender() {
        RecordingMember alice = join("alice");
        RecordingMember bob = join("bob");
        RecordingMember carol = join("carol");
        int aliceBefore = alice.received.size();
        room.handle(alice, "hello all");
        assertEquals("<alice> hello all", bob.last());
        assertEquals("<alice> hello all", carol.last());
        assertEquals(aliceBefore, alice.received.size());
    }

    @Test
    void aWebMemberIsSentItsOwnLinesAsTheOthersGotThemAndWhoIsInTheRoom() {
        RecordingMember web = new RecordingMember();
        web.page = true;
        room.join(web, "carol");
        assertEquals("-- here: carol", web.last());
        RecordingMember bob = join("bob");
        assertEquals("-- here: carol, bob", web.last());
        assertEquals(List.of(), bob.received.stream().filter(line -> line.startsWith("-- here")).toList(), "line members get no roster");

        room.handle(web, "hi \u202E<b>");
        assertEquals("<carol> hi [U+202E]<b>", bob.last());
        assertEquals("-> <carol> hi [U+202E]<b>", web.last());
        room.handle(web, "/me waves");
        assertEquals("-> * carol waves", web.last());
        room.handle(bob, "/nick robert");
        assertEquals("-- here: carol, robert", web.last());
        room.leave(bob, "");
        assertEquals("-- here: carol", web.last());
    }

    @Test
    void aWebMembersLineMustFitWhenSentBackToo() {
        RecordingMember web = new RecordingMember();
        web.page = true;
        room.join(web, "carol");
        RecordingMember bob = join("bob");
        int bobBefore = bob.received.size();
        room.handle(web, "x".repeat(100 - "-> <carol> ".length()));
        assertEquals("-> <carol> " + "x".repeat(89), web.last());
        room.handle(web, "x".repeat(90));
        assertEquals("-- not sent: too long for the framing", web.last());
        assertEquals(bobBefore + 1, bob.received.size(), "the line refused is not sent to anyone");
    }

    @Test
    void theRosterListsAsManyNamesAsTheLineCanCarry() {
        RecordingMember web = new RecordingMember();
        web.page = true;
        room.join(web, "carol");
        for (int i = 0; i < 12; i++) {
            join("member-with-name" + i);
        }
        assertTrue(web.last().length() <= 100, web.last());
        assertTrue(web.last().startsWith("-- here: carol, member-with-name0, "), web.last());
    }

    @Test
    void aLineMemberIsNotSentItsOwnLines() {
        RecordingMember alice = join("alice");
        join("bob");
        int before = alice.received.size();
        room.handle(alice, "hello");
        room.handle(alice, "/me waves");
        assertEquals(before, alice.received.size(), String.join("\n", alice.received));
        room.handle(alice, "/msg bob psst");
        assertEquals(new Signal.Sent("*bob* psst"), Signal.parse(alice.last()), "a private message's copy is a Sent signal");
    }

    @Test
    void theShutdownNoticeIsTheLastLineEveryMemberIsSent() {
        RecordingMember alice = join("alice");
        RecordingMember bob = join("bob");
        room.shutDown(java.time.Duration.ZERO);
        assertEquals(ChatRoom.SHUTTING_DOWN, alice.last());
        assertEquals(ChatRoom.SHUTTING_DOWN, bob.last());
        int aliceHad = alice.received.size();

        room.handle(bob, "one more thing");
        room.leave(bob, "connection closed");
        RecordingMember late = new RecordingMember();
        room.join(late, "carol");

        assertEquals(aliceHad, alice.received.size(), "alice is sent nothing after the notice: " + alice.received);
        assertEquals(List.of(ChatRoom.SHUTTING_DOWN), late.received, "a member arriving meanwhile is told only that");
        assertTrue(logged.toString().contains("bob left: connection closed"), "the leave is still logged: " + logged);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        RecordingMember alice = join("alice");
        RecordingMember other = join(null);
        room.handle(other, "/nick ALICE");
        assertEquals("guest2", other.name());
        assertEquals("-- the name ALICE is taken; /who lists the names in use", other.last());
        assertEquals("alice", alice.name());
    }

    @Test
    void renamesAndLeavesAreAnnounced() {
        RecordingMember alice = join("alice");
        RecordingMember bob = join(null);
        room.handle(bob, "/nick bob");
        assertEquals("-- guest2 is now bob", alice.last());
        assertEquals("-- you are now bob", bob.last());
        assertFalse(room.handle(bob, "/quit"));
        assertEquals("-- bye, bob", bob.last());
        assertEquals("-- bob left (quit)", alice.last());
        assertEquals(List.of("alice"), room.names());
    }

    @Test
    void actionsPrivateMessagesAndWho() {
        RecordingMember alice = join("alice");
        RecordingMember bob = join("bob");
        RecordingMember carol = join("carol");
        room.handle(alice, "/me waves");
        assertEquals("* alice waves", bob.last());
        int carolBefore = carol.received.size();
        room.handle(alice, "/msg bob psst");
        assertEquals("*alice* psst", bob.last());
        assertEquals("-> *bob* psst", alice.last());
        assertEquals(carolBefore, carol.received.size(), "a private message reaches only its recipient");
        room.handle(alice, "/msg dave hi");
        assertEquals("-- no one here is called dave; /who lists the names", alice.last());
        room.handle(carol, "/who");
        assertEquals("-- in the room (3): alice, bob, carol", carol.last());
    }

    @Test
    void helpListsEveryCommand() {
        RecordingMember alice = join("alice");
        room.handle(alice, "/help");
        String help = String.join("\n", alice.received);
        for (String command : List.of("/nick", "/who", "/me", "/msg", "/quit", "/help")) {
            assertTrue(help.contains(command), command);
        }
    }

    @Test
    void aLineThatCannotBeFramedIsRefusedWithANoticeToTheSenderOnly() {
        RecordingMember alice = join("alice");
        RecordingMember bob = join("bob");
        int bobBefore = bob.received.size();
        room.handle(alice, "x".repeat(200));
        assertEquals("-- not sent: too long for the framing", alice.last());
        assertEquals(bobBefore, bob.received.size());
    }

    @Test
    void aMemberTooFarBehindIsDisconnectedAndTheOthersMissNothing() {
        RecordingMember alice = join("alice");
        RecordingMember healthy = join("healthy");
        RecordingMember stuck = new RecordingMember(5);
        room.join(stuck, null);
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> "message " + i).toList();
        sent.forEach(line -> room.handle(alice, line));

        assertTrue(stuck.disconnected);
        assertFalse(room.names().contains(stuck.name()));
        List<String> relayed = healthy.received.stream().filter(line -> line.startsWith("<alice> ")).toList();
        assertEquals(sent.stream().map(line -> "<alice> " + line).toList(), relayed);
        assertTrue(healthy.received.stream().anyMatch(line -> line.startsWith("-- guest3 left (disconnected: too far behind")),
                String.join("\n", healthy.received));
    }

    @Test
    void aMemberBehindThatTakesNothingForTheWriteTimeoutIsDroppedInOneLogLineAndTheOthersMissNothing() {
        ChatRoom paced = new ChatRoom(new Console(new PrintStream(logged, true)), line -> true, "", 0,
                new Backpressure(100, Duration.ofMillis(100)));
        RecordingMember alice = new RecordingMember();
        paced.join(alice, "alice");
        RecordingMember stuck = new RecordingMember();
        stuck.holds = true;
        paced.join(stuck, "stuck");
        RecordingMember reader = new RecordingMember();
        paced.join(reader, "reader");
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> "message " + i).toList();
        sent.forEach(line -> paced.handle(alice, line)); // past 100 bytes the next line waits for stuck, then drops it

        assertTrue(stuck.disconnected);
        assertEquals(List.of("alice", "reader"), paced.names());
        assertEquals(sent.stream().map(line -> "<alice> " + line).toList(),
                reader.received.stream().filter(line -> line.startsWith("<alice> ")).toList());
        String notice = "-- stuck left (disconnected: too far behind, it took no line for 100 ms (--write-timeout))";
        assertTrue(reader.received.contains(notice), String.join("\n", reader.received));
        assertEquals(1, logged.toString().lines().filter(line -> line.contains("stuck left")).count(), logged.toString());
    }

    @Test
    void aMemberWhoseConnectionEndsAfterItTookNothingForTheWriteTimeoutLeavesAsStalled() throws Exception {
        ChatRoom paced = new ChatRoom(new Console(new PrintStream(logged, true)), line -> true, "", 0,
                new Backpressure(1_000, Duration.ofMillis(50)));
        RecordingMember stuck = new RecordingMember();
        stuck.holds = true;
        paced.join(stuck, "stuck");
        RecordingMember idle = new RecordingMember();
        paced.join(idle, "idle");
        Thread.sleep(100);
        paced.leave(stuck, "connection closed"); // the server's write timeout closed it
        paced.leave(idle, "connection closed");
        assertTrue(logged.toString().contains("stuck left: disconnected: too far behind, it took no line for 50 ms"),
                logged.toString());
        assertTrue(logged.toString().contains("idle left: connection closed"), "nothing to take: not stalled");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // a sender held back for ever would hang here
    void aSenderWaitingForAMemberBehindGoesOnWhenThatMemberLeavesOrTheServerStops() throws Exception {
        ChatRoom paced = new ChatRoom(new Console(new PrintStream(logged, true)), line -> true, "", 0,
                new Backpressure(300, Duration.ofMinutes(10)));
        RecordingMember alice = new RecordingMember();
        paced.join(alice, "alice");
        RecordingMember stuck = new RecordingMember();
        stuck.holds = true;
        paced.join(stuck, "stuck");
        RecordingMember reader = new RecordingMember();
        paced.join(reader, "reader");
        paced.handle(alice, "x".repeat(400)); // stuck is behind from now on (its welcome and notices are under 300 bytes)

        java.util.concurrent.CompletableFuture<Boolean> held = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> held.complete(paced.handle(alice, "after the leave")));
        Thread.sleep(100);
        assertFalse(held.isDone(), "alice went on while stuck was behind");
        paced.leave(stuck, "connection reset");
        assertTrue(held.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("<alice> after the leave", reader.last());

        RecordingMember slow = new RecordingMember();
        slow.holds = true;
        paced.join(slow, "slow");
        paced.handle(alice, "x".repeat(400));
        java.util.concurrent.CompletableFuture<Boolean> stopped = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> stopped.complete(paced.handle(alice, "during the shutdown")));
        Thread.sleep(100);
        assertFalse(stopped.isDone());
        paced.shutDown(Duration.ZERO);
        assertTrue(stopped.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(ChatRoom.SHUTTING_DOWN, reader.last(), "the shutdown notice stays the last line");
    }

    @Test
    void aMemberThatHasLeftHoldsNobodyBackWhateverItIsToldLate() {
        ChatRoom paced = new ChatRoom(new Console(new PrintStream(logged, true)), line -> true, "", 0,
                new Backpressure(100, Duration.ofMinutes(10)));
        RecordingMember ghost = new RecordingMember();
        ghost.holds = true;
        paced.join(ghost, "ghost");
        paced.leave(ghost, "");
        paced.reply(ghost, "-- a late notice, " + "x".repeat(200)); // a flood notice, say, after its connection ended
        assertFalse(ghost.behind, "a member that left is never waited for");
    }

    @Test
    void aMemberThatHasLeftCannotRenameItselfBackInNorUnseatTheHolderOfItsOldName() {
        RecordingMember alice = join("alice");
        RecordingMember ghost = join("bob");
        assertFalse(room.handle(ghost, "/quit"));
        RecordingMember newBob = join("bob");
        // A send-and-close client can still post after /quit, until its next poll says it is gone.
        room.handle(ghost, "/nick zed");
        assertEquals(List.of("alice", "bob"), room.names());
        room.handle(alice, "still here?");
        assertEquals("<alice> still here?", newBob.last());
    }

    @Test
    void aMemberThatHasLeftCannotSendPrivateMessages() {
        RecordingMember alice = join("alice");
        RecordingMember ghost = join("bob");
        assertFalse(room.handle(ghost, "/quit"));
        int aliceBefore = alice.received.size();
        room.handle(ghost, "/msg alice psst");
        assertEquals(aliceBefore, alice.received.size());
    }

    @Test
    void aForgedLineArrivesAsOneVisibleLineFromItsRealSender() {
        RecordingMember mallory = join("mallory");
        RecordingMember alice = join("alice");
        room.handle(mallory, "hi all\n<bob> send her the money\r\u001b[2J\u202e");
        assertEquals("<mallory> hi all␤<bob> send her the money␍␛[2J[U+202E]", alice.last());
        room.handle(mallory, "/me waves\n-- bob left");
        assertEquals("* mallory waves␤-- bob left", alice.last());
        room.handle(mallory, "/msg alice psst\n*bob* hi");
        assertEquals("*mallory* psst␤*bob* hi", alice.last());
        assertTrue(alice.received.stream().noneMatch(SafeTextTest::hasRawControl), String.join("|", alice.received));
    }

    @Test
    void aCaseInsensitiveDuplicateOrALookAlikeNameIsRefused() {
        RecordingMember bob = join("bob");
        RecordingMember other = join(null);
        room.handle(other, "/nick BoB");
        assertEquals("-- the name BoB is taken; /who lists the names in use", other.last());
        room.handle(other, "/nick b\u043eb");
        assertEquals("-- usage: /nick NAME; a name is " + Names.RULE, other.last());
        assertEquals(List.of("bob", "guest2"), room.names());
        assertEquals("bob", bob.name());
    }

    @Test
    void helpSaysWhatANameMayContain() {
        RecordingMember alice = join("alice");
        room.handle(alice, "/help");
        assertTrue(String.join("\n", alice.received).contains(Names.RULE));
    }

    @Test
    void aMemberWhoJoinsIsSentTheLastLinesMarkedAsHistory() {
        ChatRoom withHistory = new ChatRoom(new Console(new PrintStream(logged, true)), line -> true, "", 3, Backpressure.NONE);
        RecordingMember alice = new RecordingMember();
        withHistory.join(alice, "alice");
        for (int i = 1; i <= 5; i++) {
            withHistory.handle(alice, "line " + i);
        }
        withHistory.handle(alice, "/me waves");
        RecordingMember bob = new RecordingMember();
        withHistory.join(bob, "bob");
        assertEquals(List.of("[history] <alice> line 4", "[history] <alice> line 5", "[history] * alice waves"),
                bob.received.subList(bob.received.size() - 3, bob.received.size()));
    }

    @Test
    void historyIsBoundedInBytesToo() {
        History history = new History(100, 50); // 12 bytes a line: 4 fit
        for (int i = 0; i < 10; i++) {
            history.add("0123456789-" + i);
        }
        assertEquals(List.of("[history] 0123456789-6", "[history] 0123456789-7", "[history] 0123456789-8",
                "[history] 0123456789-9"),
                history.marked());
    }
}
