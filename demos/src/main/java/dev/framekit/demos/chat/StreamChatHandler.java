package dev.framekit.demos.chat;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/**
 * Serves one chat member on a persistent connection: reads its lines (throttled by flood
 * control) and hands them to the room; a writer thread sends the room's lines back. It joins
 * the room on its first line, or as a guest if it sends nothing at all for {@link Arrival#GRACE}
 * (someone on {@code nc} who only listens). A peer that sent part of a first frame is not
 * silent; if it then sends nothing for the grace ({@link FirstFrameWatch}),
 * {@link PeerCheck#afterSilence()} judges what it sent (a message on another delimiter is
 * refused), else it joins with its first frame, which the frame timeout bounds. A peer whose first bytes are another protocol or framing, or a framing error,
 * is closed before it joins, unseen by the room.
 */
final class StreamChatHandler implements FramedServer.Handler {
    private final ChatRoom room;
    private final long maxQueueBytes;
    private final int floodLimit;
    private final WireLog wire;
    private final PeerCheck check;

    /** What {@link #readLineOrSilence} returns when the peer sent nothing more within the grace. */
    private static final String SILENCE = new String("silence");

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
        member.start();
        LineIntake intake = new LineIntake(room, member, floodLimit);
        Arrival arrival = intake.arrival();
        FirstFrameWatch watch = new FirstFrameWatch(connection.socket(), arrival);
        connection.reader().framer(check.reportingPartialFirstFrame(watch::partialFirstFrame));
        String reason = "connection closed";
        try {
            String line;
            while ((line = intake.spoke() ? readLine(connection, member) : firstLine(connection, member, watch)) != null) {
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
     * Reads the first line. A peer that sent part of it and then nothing for {@link Arrival#GRACE}
     * has what it sent judged by {@link PeerCheck#afterSilence()} (a message on another delimiter
     * is refused), and the read goes on, the frame timeout bounding it.
     */
    private String firstLine(FramedConnection connection, StreamMember member, FirstFrameWatch watch)
            throws IOException {
        try {
            while (true) {
                String line = readLineOrSilence(connection, member, watch);
                if (line != SILENCE) {
                    return line;
                }
                watch.stop();
                connection.reader().framer(check.afterSilence());
            }
        } finally {
            watch.stop();
        }
    }

    /**
     * Like {@link #readLine}, but returns {@link #SILENCE} when the socket's read timeout passes
     * while {@code watch} times the peer's silence. The exception ends here, in a frame of its
     * own: the reader waits next for as long as the member stays, and must not keep it alive.
     */
    private String readLineOrSilence(FramedConnection connection, StreamMember member, FirstFrameWatch watch)
            throws IOException {
        try {
            return readLine(connection, member);
        } catch (SocketTimeoutException e) {
            if (watch.timing()) {
                return SILENCE;
            }
            throw e;
        }
    }

    /** Reads the next line; a line over the framer's maximum that the framer skips is refused with a notice. */
    private String readLine(FramedConnection connection, StreamMember member) throws IOException {
        while (true) {
            Frame frame = connection.read();
            if (frame == null) {
                return null;
            }
            try {
                if (!frame.isSkipped()) {
                    return frame.payload().toString(StandardCharsets.UTF_8);
                }
                room.reply(member, "-- not sent: your line was longer than " + frame.skipReason().maxFrameLength()
                        + " bytes, the most this server accepts");
            } finally {
                frame.release();
            }
        }
    }
}
