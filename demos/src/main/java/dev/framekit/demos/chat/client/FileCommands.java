package dev.framekit.demos.chat.client;

/**
 * What chat-client does with file commands and the server's file lines
 * ({@code dev.framekit.demos.files}), so that a {@link ChatSession} stays a session of lines: each
 * typed line and each line heard passes through here first. {@link #NONE} passes them unchanged.
 */
public interface FileCommands {
    /** A typed line: the line to post instead (or the same line), or null if it was handled here. */
    String typed(String line);

    /** A line from the server: the line to print (or the same line), or null to print nothing. */
    String heard(String line);

    /** No files: every line as it is. */
    FileCommands NONE = new FileCommands() {
        @Override
        public String typed(String line) {
            return line;
        }

        @Override
        public String heard(String line) {
            return line;
        }
    };
}
