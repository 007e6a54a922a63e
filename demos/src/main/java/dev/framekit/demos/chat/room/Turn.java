package dev.framekit.demos.chat.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** What one call into a {@link ChatRoom} did, settled after its lock is released: lines to log, members to drop and why. */
final class Turn {
    final List<String> logLines = new ArrayList<>(1);
    final LinkedHashMap<Member, String> drops = new LinkedHashMap<>(0);
}
