package dev.framekit.demos.chat.room;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Where the room hands its file commands ({@link ChatCommand.File}: {@code /send}, {@code /accept},
 * {@code /decline} and chat-client's {@code /file-...} lines) and each member that leaves. The room
 * never sees a file's bytes: they travel on connections of their own, which {@link PeerCheck} tells
 * apart by their first bytes ({@link PeerCheck#TRANSFER_PREAMBLE}). {@link #NONE} says this
 * server carries no files.
 */
public interface FileHook {
    /**
     * What a file command may do in the room's turn, valid during the call only.
     *
     * @param named the member with a name (any case), or null
     * @param tell queues a line to a member
     */
    record Reach(Function<String, Member> named, BiConsumer<Member, String> tell) {}

    /** Handles one file command of {@code from}, who is in the room. Called with the room's lock held: it never blocks. */
    void command(Member from, ChatCommand.File command, Reach reach);

    /** {@code member} has left the room; {@code tell} queues a line to a member. Called with the room's lock held. */
    void left(Member member, BiConsumer<Member, String> tell);

    /** Whether {@code member} is a web page, which shows lines only. */
    static boolean isPage(Member member) {
        return member.isPage();
    }

    /** A room without files: every file command is told so. */
    FileHook NONE = new FileHook() {
        @Override
        public void command(Member from, ChatCommand.File command, Reach reach) {
            reach.tell().accept(from, "-- this server carries no files (chat-server --max-file 0)");
        }

        @Override
        public void left(Member member, BiConsumer<Member, String> tell) {}
    };
}
