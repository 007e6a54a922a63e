package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.demos.server.MisbehavingPeer;
import dev.framekit.demos.server.PeerMemory;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.MessageRefusedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Serves one chat member on a persistent connection: reads its lines into an {@link Intake} while
 * a {@link StreamMember} writes the room's lines back. A first frame that stalls for the grace is
 * judged by {@link PeerCheck.Guard#stalled()}; a peer refused, or failing before it joins, is
 * closed unseen by the room.
 */
public final class StreamChatHandler implements FramedServer.Handler {
    private final ChatRoom room;
    private final FloodControl.Limits flood;
    private final WireLog wire;
    private final PeerCheck check;

    public StreamChatHandler(ChatRoom room, FloodControl.Limits flood, WireLog wire, PeerCheck check) {
        this.room = room;
        this.flood = flood;
        this.wire = wire;
        this.check = check;
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) connection.socket().getRemoteSocketAddress();
        StreamMember member = new StreamMember(connection, remote.getAddress().getHostAddress() + ":" + remote.getPort(),
                stats, wire);
        member.start();
        Intake intake = new Intake(room, member, flood);
        Duration[] ownTimeout = {null};
        PeerCheck.Guard guard = check.guard(() -> ownTimeout[0] = intake.heard() // not silent: time its silence
                ? ReadWaits.shorten(connection.reader(), Intake.GRACE) : ownTimeout[0]);
        connection.reader().framer(guard);
        boolean handedOff = false;
        try {
            member.serve(room, intake, () -> intake.spoke() ? readLine(connection, member)
                    : firstLine(connection, member, guard, ownTimeout));
        } catch (PeerCheck.Refusal e) {
            if (intake.refused()) {
                e.sendQuietly(connection); // in the peer's own protocol; the room never knew of it
            }
            throw e;
        } catch (PeerCheck.Handoff e) {
            handedOff = intake.refuse(); // unseen by the room, the connection stays open for the files (FileHook)
            throw e;
        } finally {
            if (!handedOff) {
                member.abort();
            }
        }
    }

    /** Reads the first line; bytes that stall for the grace are judged once, then the read goes on. */
    private String firstLine(FramedConnection connection, StreamMember member, PeerCheck.Guard guard, Duration[] ownTimeout)
            throws IOException {
        try {
            while (true) {
                try {
                    return readLine(connection, member);
                } catch (SocketTimeoutException e) {
                    if (ownTimeout[0] == null) {
                        throw e;
                    }
                    ReadWaits.restore(connection.reader(), ownTimeout[0]);
                    ownTimeout[0] = null;
                    guard.stalled();
                }
            }
        } finally {
            ReadWaits.restore(connection.reader(), ownTimeout[0]);
            ownTimeout[0] = null;
        }
    }

    /** Reads the next line; one over the maximum that the framer skips is refused with a notice. */
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

    /**
     * A member on a persistent framed connection. A line too long for one frame, which the room let
     * through as it {@linkplain FrameSplitter#splittable splits}, goes in pieces; a piece the framing
     * still refuses (one ending in the pad byte) is left out.
     */
    static final class StreamMember extends QueuedMember {
        private final FramedConnection connection;

        StreamMember(FramedConnection connection, String peer, ConnectionStats stats, WireLog wire) {
            super(connection::close, peer, PeerMemory.of(connection), stats, wire, Duration.ZERO);
            this.connection = connection;
        }

        @Override
        protected void send(String line) throws IOException {
            for (String piece : FrameSplitter.split(line, connection.writer().framer().maxFrameLength())) {
                try {
                    connection.writer().write(piece);
                } catch (MessageRefusedException refused) {
                    // Left out; the rest of the line still goes.
                }
            }
        }

        @Override
        protected void flush() throws IOException {
            connection.writer().flush();
        }

        @Override
        protected void closeWith(Outbound.Close how) throws IOException {
            connection.writer().flush();
            connection.shutdownOutput();
        }

        @Override
        protected void cut(String reason) {
            MisbehavingPeer.close(connection, reason);
        }
    }
}
