package dev.framekit.demos.chat;

import java.io.BufferedReader;
import java.io.IOException;

/** A chat client's time in the room, on one kind of framing. */
interface ChatSession {
    /**
     * Joins (taking {@code name} if given), sends every line of {@code input} while printing
     * what arrives, and leaves on /quit or the end of input.
     *
     * @return the exit status: 0 after leaving normally, 1 if the server went away
     * @throws IOException if the server cannot be reached at all
     */
    int run(String name, BufferedReader input) throws IOException;
}
