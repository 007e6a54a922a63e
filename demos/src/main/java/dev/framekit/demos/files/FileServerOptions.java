package dev.framekit.demos.files;

import dev.framekit.demos.chat.room.ChatRoom;
import dev.framekit.demos.chat.room.FrameSplitter;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.Framer;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/** {@code chat-server --max-file}: whether, and how large, files pass between members. */
public final class FileServerOptions {
    @Option(names = "--max-file", defaultValue = "1g", paramLabel = "BYTES", converter = ByteSizes.LongConverter.class,
            description = "The largest file members may send each other with chat-client's /send, relayed without"
                    + " being kept; 0 = no files (default: ${DEFAULT-VALUE}).")
    long maxFile = 1L << 30;

    /**
     * Gives {@code room} its files (none with {@code --max-file 0}) and returns the chat's handler
     * serving a transfer's own connection too.
     */
    public FramedServer.Handler serve(ChatRoom room, Console log, Framer framer, boolean polling, FramedServer.Handler chat) {
        Predicate<String> deliverable = FrameSplitter.deliverable(framer, polling);
        FileDesk desk = new FileDesk(room, log, maxFile, line -> deliverable.test(line)
                && (polling || framer.check(line.getBytes(StandardCharsets.UTF_8)) == null)); // one frame, never split
        if (maxFile > 0) {
            room.files(desk);
        } // else no key is ever given: a transfer's connection is told its key is unknown
        return desk.around(chat);
    }
}
