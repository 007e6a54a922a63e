package dev.framekit.demos.chat;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.FramedConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves chat on send-and-close framing: each connection is one request (join, say, poll) and
 * one reply; see {@link PollProtocol}. Members that stop polling for a while are let go.
 */
final class PollChatHandler implements FramedServer.Handler {
    static final Duration POLL_WAIT = Duration.ofSeconds(20);
    static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(60);

    private final ChatRoom room;
    private final int queueCapacity;
    private final int maxReplyBytes;
    private final WireLog wire;
    private final PeerCheck check;
    private final Map<String, PollingMember> members = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param check reads each request, refusing a peer that speaks another protocol or framing */
    PollChatHandler(ChatRoom room, int queueCapacity, int maxFrameLength, WireLog wire, PeerCheck check) {
        this.wire = wire;
        this.check = check;
        this.room = room;
        this.queueCapacity = queueCapacity;
        this.maxReplyBytes = Math.max(1, maxFrameLength - 64);
        Thread.ofVirtual().name("chat-reaper").start(this::reapIdleMembers);
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        connection.reader().framer(check);
        String request;
        try {
            request = connection.readString();
        } catch (ForeignPeerException e) {
            connection.socket().getOutputStream().write(e.reply());
            connection.socket().shutdownOutput();
            PeerCheck.drain(connection.socket());
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
                InetSocketAddress remote = (InetSocketAddress) connection.remoteAddress();
                byte[] secret = new byte[12];
                random.nextBytes(secret);
                PollingMember member = new PollingMember(HexFormat.of().formatHex(secret), queueCapacity,
                        remote.getAddress().getHostAddress());
                members.put(member.token(), member);
                room.join(member, wanted);
                return PollProtocol.OK + " " + member.token();
            }
            case PollProtocol.SAY -> {
                PollingMember member = head.length > 1 ? members.get(head[1]) : null;
                if (member == null) {
                    return PollProtocol.GONE + " not in the room (left or timed out); join again";
                }
                member.touch();
                room.handle(member, PollProtocol.body(request));
                return PollProtocol.OK;
            }
            case PollProtocol.POLL -> {
                PollingMember member = head.length > 2 ? members.get(head[1]) : null;
                if (member == null) {
                    return PollProtocol.GONE + " not in the room (left or timed out); join again";
                }
                try {
                    PollingMember.Batch batch = member.poll(Long.parseLong(head[2]), POLL_WAIT, maxReplyBytes);
                    if (batch.goneReason() != null) {
                        members.remove(member.token());
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

    private void reapIdleMembers() {
        while (true) {
            try {
                Thread.sleep(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                return;
            }
            for (PollingMember member : List.copyOf(members.values())) {
                if (member.idleFor(MEMBER_TIMEOUT)) {
                    member.end("timed out: no poll for " + MEMBER_TIMEOUT.toSeconds() + " s");
                    members.remove(member.token());
                    room.leave(member, "timed out");
                }
            }
        }
    }
}
