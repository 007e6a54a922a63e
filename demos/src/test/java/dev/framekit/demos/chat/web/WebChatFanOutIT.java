package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.demos.support.Framekit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fan-out across both kinds of member: {@value #EACH} WebSocket members and {@value #EACH}
 * nc-style line members in one room each receive a burst of {@value #BURST} lines, in order.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WebChatFanOutIT {
    static final int EACH = 200;
    static final int BURST = 50;

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final List<AutoCloseable> members = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable member : members) {
            member.close();
        }
    }

    @Test
    void everyMemberReceivesTheBurstInOrder() throws Exception {
        WebRoom room = WebRoom.start(framekit, "--history", "0");
        List<BlockingQueue<String>> inboxes = new ArrayList<>();
        WebRoom.WsMember sender = new WebRoom.WsMember(room.webPort, "sender");
        members.add(sender);
        for (int i = 0; i < EACH; i++) {
            WebRoom.WsMember web = new WebRoom.WsMember(room.webPort, "w" + i);
            WebRoom.LineMember line = new WebRoom.LineMember(room.linePort, "l" + i);
            members.add(web);
            members.add(line);
            inboxes.add(web.lines);
            inboxes.add(line.lines);
        }
        for (int n = 0; n < BURST; n++) {
            sender.ws.sendText("burst " + n);
        }
        for (int m = 0; m < inboxes.size(); m++) {
            for (int n = 0; n < BURST; n++) {
                String line = WebRoom.await(inboxes.get(m), "^<sender> burst ", "member " + m);
                assertEquals("<sender> burst " + n, line, "member " + m + " out of order");
            }
        }
    }
}
