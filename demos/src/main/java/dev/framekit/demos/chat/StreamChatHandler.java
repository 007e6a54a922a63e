package dev.framekit.demos.chat;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramedConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Serves one chat member on a persistent connection: reads its lines (throttled by flood
 * control) and hands them to the room; a writer thread sends the room's lines back. It joins
 * the room on its first line, or as a guest if it sends nothing at all for {@link Arrival#GRACE}
 * (someone on {@code nc} who only listens). A peer that sent part of a first frame and then
 * nothing for the grace is not silent: {@link PeerCheck#afterSilence()} judges what it sent (a
 * message on another delimiter is refused), else it joins with its first frame, which the frame
 * timeout bounds. A peer whose first bytes are another protocol or framing, or a framing error,
 * is closed before it joins, unseen by the room.
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
            while ((line = arrival.joined() || intake.spoke() ? readLine(connection, member)
                    : firstLine(connection, member, arrival)) != null) {
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
                member.disconnectAfter(e.reply(connection.socket().getLocalAddress()));
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

    /**
     * Reads the first line, giving the peer {@link Arrival#GRACE} to start: if it sends nothing
     * in that time it joins as a guest and the read goes on with the connection's own timeout;
     * if it sent part of a frame and then nothing, {@link PeerCheck#afterSilence()} judges the
     * bytes waiting (refusing a message on another delimiter) and the read goes on, the frame
     * timeout bounding it.
     */
    private String firstLine(FramedConnection connection, StreamMember member, Arrival arrival) throws IOException {
        Socket socket = connection.socket();
        int ownTimeout = socket.getSoTimeout();
        int grace = (int) Arrival.GRACE.toMillis();
        if (ownTimeout != 0 && ownTimeout <= grace) {
            return readLine(connection, member); // --idle-timeout closes a silent peer first; nothing to wait for
        }
        socket.setSoTimeout(grace);
        try {
            return readLine(connection, member);
        } catch (SocketTimeoutException silent) {
            if (connection.reader().buffered() == 0) {
                arrival.joinSilent();
            } else {
                connection.reader().framer(check.afterSilence());
            }
            socket.setSoTimeout(ownTimeout);
            return readLine(connection, member);
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(ownTimeout);
            }
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
