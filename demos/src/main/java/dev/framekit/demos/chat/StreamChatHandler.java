package dev.framekit.demos.chat;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramedConnection;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Serves one chat member on a persistent connection: reads its lines (throttled by flood
 * control) and hands them to the room; a writer thread sends the room's lines back. It joins
 * the room on its first line or after {@link Arrival#GRACE}; a peer whose first bytes are
 * another protocol or framing, or a framing error, is closed before that, unseen by the room.
 */
final class StreamChatHandler implements FramedServer.Handler {
    private final ChatRoom room;
    private final long maxQueueBytes;
    private final int floodLimit;
    private final WireLog wire;
    private final PeerCheck check;

    /** @param check reads each connection, refusing a peer that speaks another protocol or framing */
    StreamChatHandler(ChatRoom room, long maxQueueBytes, int floodLimit, WireLog wire, PeerCheck check) {
        this.wire = wire;
        this.check = check;
        this.room = room;
        this.maxQueueBytes = maxQueueBytes;
        this.floodLimit = floodLimit;
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) connection.remoteAddress();
        StreamMember member = new StreamMember(connection, maxQueueBytes,
                remote.getAddress().getHostAddress() + ":" + remote.getPort(), stats, wire);
        connection.reader().framer(check);
        member.start();
        LineIntake intake = new LineIntake(room, member, floodLimit);
        Arrival arrival = intake.arrival();
        String reason = "connection closed";
        try {
            String line;
            while ((line = readLine(connection, member)) != null) {
                stats.received(line);
                wire.show("received from " + member.name(), line);
                if (!intake.take(line)) {
                    // /quit: the room has finished the member; send what is queued (the goodbye), then close.
                    member.awaitWriter();
                    return;
                }
            }
            arrival.refuse();
        } catch (ForeignPeerException e) {
            if (arrival.refuse()) {
                member.disconnectAfter(e.reply());
            } else {
                reason = LeaveReasons.of(e);
            }
            throw e;
        } catch (IOException e) {
            if (!intake.spoke() && arrival.refuse()) {
                throw e;
            }
            reason = LeaveReasons.of(e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            room.leave(member, reason.equals("connection closed") ? "" : reason);
            member.disconnect();
        }
    }

    /** Reads the next line; a line over the framer's maximum is refused with a notice where the framer can resume. */
    private String readLine(FramedConnection connection, StreamMember member) throws IOException {
        while (true) {
            try {
                return connection.readString();
            } catch (FrameTooLongException e) {
                if (!e.resumable()) {
                    throw e;
                }
                room.reply(member, "-- not sent: your line was longer than " + e.maxFrameLength()
                        + " bytes, the most this server accepts");
            }
        }
    }
}
