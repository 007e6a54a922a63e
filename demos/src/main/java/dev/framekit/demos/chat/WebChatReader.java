package dev.framekit.demos.chat;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.framing.websocket.WebSocketConnection;
import java.io.IOException;

/**
 * Reads a {@link WebMember}'s messages and hands them to the room through a {@link LineIntake},
 * as {@code StreamChatHandler} does for a line member; a message with several lines is taken as
 * that many chat lines.
 */
final class WebChatReader {
    private final ChatRoom room;
    private final WebMember member;
    private final int floodLimit;
    private final ConnectionStats stats;
    private final WireLog wire;

    WebChatReader(ChatRoom room, WebMember member, int floodLimit, ConnectionStats stats, WireLog wire) {
        this.room = room;
        this.member = member;
        this.floodLimit = floodLimit;
        this.stats = stats;
        this.wire = wire;
    }

    /** Reads until the connection ends; the member then leaves the room. */
    void run(WebSocketConnection ws) throws IOException {
        LineIntake intake = new LineIntake(room, member, floodLimit);
        Arrival arrival = intake.arrival();
        String reason = "";
        try {
            String text;
            while ((text = ws.readText()) != null) {
                for (String line : text.split("\r?\n")) {
                    stats.received(line);
                    wire.show("received from " + member.name(), line);
                    if (!intake.take(line)) {
                        member.awaitWriter(); // /quit: the goodbye, then the close frame (1000)
                        return;
                    }
                }
            }
            arrival.refuse();
        } catch (IOException e) {
            arrival.refuse();
            reason = LeaveReasons.of(e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            room.leave(member, reason);
            member.stop();
        }
    }
}
