package dev.framekit.demos.chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web chat's one page, {@code chat.html} next to this class: inline CSS and script, no
 * external resources, so it works on a LAN without the internet. It connects to
 * {@code ws://} + {@code location.host} + {@code /chat}, shows each line as text, sends what is
 * typed, and reconnects with backoff after a drop (asking again for its last name).
 */
public final class ChatPage {
    private static final byte[] HTML = load();

    private ChatPage() {}

    /**
     * Returns the page.
     *
     * @return the HTML, UTF-8
     */
    public static byte[] html() {
        return HTML.clone();
    }

    private static byte[] load() {
        try (InputStream in = ChatPage.class.getResourceAsStream("chat.html")) {
            if (in == null) {
                throw new IllegalStateException("chat.html is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
