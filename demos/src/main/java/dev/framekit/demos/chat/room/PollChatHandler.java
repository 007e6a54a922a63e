package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.demos.server.MemoryBudget;
import dev.framekit.framing.FramedConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Serves chat on send-and-close framing: each connection is one request (join, say, poll) and
 * one reply; see {@link PollProtocol}. Members that stop polling for a while are let go. The
 * room holds at most as many members as the server holds connections; each member's unread
 * lines count against the server's memory budget; a member posting faster than a flood limit,
 * or while another member is behind, gets its replies later (its client waits for each, so it
 * posts more slowly). JOINs from one address past a limit a second are answered later too: a
 * flood of joins (each told to every member) cannot fill the room and the budget with members
 * that never poll, nor cost the members who do poll their lines; and a member not heard from
 * within {@link #FIRST_POLL_TIMEOUT} of joining (its client polls at once) is let go.
 */
public final class PollChatHandler implements FramedServer.Handler {
    public static final Duration POLL_WAIT = Duration.ofSeconds(20);
    static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(60);
    /** A member not heard from (no poll, no post) this long after joining is let go (its client polls at once). */
    static final Duration FIRST_POLL_TIMEOUT = POLL_WAIT;
    private static final String GONE = PollProtocol.GONE + " not in the room (left or timed out); join again";

    private final ChatRoom room;
    private final int maxReplyBytes;
    private final FloodControl.Limits flood;
    private final FloodControl.Limits joinLimit;
    private final Console log;
    /** The pace of JOINs from each address that joined within the last second or so. */
    private final Map<String, FloodControl> joinsByAddress = new ConcurrentHashMap<>();
    private final IntSupplier maxMembers;
    private final MemoryBudget memory;
    private final WireLog wire;
    private final PeerCheck check;
    private final Map<String, PollingMember> members = new ConcurrentHashMap<>();
    private final Map<PollingMember, MemoryBudget.Account> accounts = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param flood how fast a member may post before its replies are slowed
     * @param joinsPerSecond how many JOINs a second one address may send (with a burst of as many)
     *     before the replies to them are slowed; 0 for no limit
     * @param maxMembers the most members at once (the server's connection limit, known once it is bound)
     * @param memory the server's memory budget, which members' lines count against
     * @param check reads each request, refusing a peer that speaks another protocol or framing
     */
    public PollChatHandler(ChatRoom room, int maxFrameLength, FloodControl.Limits flood, int joinsPerSecond,
            IntSupplier maxMembers, MemoryBudget memory, Console log, WireLog wire, PeerCheck check) {
        this.wire = wire;
        this.check = check;
        this.room = room;
        this.maxReplyBytes = Math.max(1, maxFrameLength - 64);
        this.flood = flood;
        this.joinLimit = new FloodControl.Limits(joinsPerSecond, 0);
        this.log = log;
        this.maxMembers = maxMembers;
        this.memory = memory;
        Thread.ofVirtual().name("chat-reaper").start(this::reapIdleMembers);
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        connection.reader().framer(check.guard(() -> {}));
        String request;
        try {
            request = connection.readString();
        } catch (PeerCheck.Refusal e) {
            e.sendTo(connection);
            throw e;
        }
        if (request == null) {
            return;
        }
        stats.received(request);
        wire.show("request received", request);
        String reply = answer(request, connection);
        wire.show("reply sent", reply);
        connection.sendLast(reply);
        stats.sent(reply);
    }

    private String answer(String request, FramedConnection connection) throws IOException {
        String[] head = PollProtocol.head(request).split(" ");
        switch (head[0]) {
            case PollProtocol.JOIN -> {
                String wanted = head.length > 1 ? head[1] : null;
                InetSocketAddress remote = (InetSocketAddress) connection.socket().getRemoteSocketAddress();
                paceJoin(remote.getAddress().getHostAddress());
                if (members.size() >= maxMembers.getAsInt()) {
                    return PollProtocol.ERROR + " the room is full: " + members.size()
                            + " members, the most this server holds (--max-connections)";
                }
                if (memory.over()) {
                    return PollProtocol.ERROR + " the server is over its memory budget; try again later";
                }
                byte[] secret = new byte[12];
                random.nextBytes(secret);
                PollingMember member = new PollingMember(HexFormat.of().formatHex(secret),
                        remote.getAddress().getHostAddress(), flood.start());
                // Shed wherever the budget went over, perhaps in the room's turn: it leaves on a thread of its own.
                MemoryBudget.Account account = memory.open(reason -> Thread.ofVirtual().name("chat-shed")
                        .start(() -> letGo(member, "disconnected: " + reason, reason)));
                accounts.put(member, account);
                member.account(account::add);
                members.put(member.token(), member);
                room.join(member, wanted);
                return PollProtocol.OK + " " + member.token();
            }
            case PollProtocol.SAY -> {
                PollingMember member = head.length > 1 ? members.get(head[1]) : null;
                if (member == null) {
                    return GONE;
                }
                member.touch();
                String line = PollProtocol.body(request);
                member.flood().pace(room, member, line, "your posts are");
                room.handle(member, line);
                return PollProtocol.OK;
            }
            case PollProtocol.POLL -> {
                PollingMember member = head.length > 2 ? members.get(head[1]) : null;
                if (member == null) {
                    return GONE;
                }
                try {
                    PollingMember.Batch batch = member.poll(Long.parseLong(head[2]), POLL_WAIT, maxReplyBytes);
                    if (batch.goneReason() != null) {
                        forget(member);
                        return PollProtocol.GONE + " " + batch.goneReason();
                    }
                    return PollProtocol.OK + " " + batch.last() + (batch.lines().isEmpty() ? "" : "\n" + String.join("\n", batch.lines()));
                } catch (NumberFormatException e) {
                    return PollProtocol.ERROR + " POLL needs the number of the last line seen";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return PollProtocol.ERROR + " server stopping";
                }
            }
            default -> {
                return PollProtocol.ERROR + " unknown request '" + head[0] + "'; this port speaks chat over send-and-close"
                        + " (JOIN, SAY, POLL): use framekit chat-client --framing close";
            }
        }
    }

    /** Waits, if {@code address} has sent JOINs faster than the limit; says so in the log the first time. */
    private void paceJoin(String address) {
        if (joinLimit.linesPerSecond() > 0 && joinsByAddress.computeIfAbsent(address, a -> joinLimit.start())
                .acquireFirstWait(0)) {
            log.log(address + " sends more than " + joinLimit.linesPerSecond() + " JOINs a second;"
                    + " the replies to them are slowed down (--join-limit)");
        }
    }

    private void reapIdleMembers() {
        while (true) {
            try {
                Thread.sleep(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                return;
            }
            joinsByAddress.values().removeIf(FloodControl::rested);
            for (PollingMember member : List.copyOf(members.values())) {
                if (member.idleFor(MEMBER_TIMEOUT)) {
                    letGo(member, "timed out: no poll for " + MEMBER_TIMEOUT.toSeconds() + " s", "timed out");
                } else if (member.silentSinceJoiningFor(FIRST_POLL_TIMEOUT)) {
                    String reason = "timed out: no poll within " + FIRST_POLL_TIMEOUT.toSeconds() + " s of joining";
                    letGo(member, reason, reason);
                }
            }
        }
    }

    /** The member is gone: it is no longer known, and what it held is given back. */
    private void forget(PollingMember member) {
        members.remove(member.token());
        MemoryBudget.Account account = accounts.remove(member);
        if (account != null) {
            account.close();
        }
    }

    /** Ends {@code member} (its next poll is told {@code gone}), forgets it and has it leave the room. */
    private void letGo(PollingMember member, String gone, String reason) {
        member.end(gone);
        forget(member);
        room.leave(member, reason);
    }
}
