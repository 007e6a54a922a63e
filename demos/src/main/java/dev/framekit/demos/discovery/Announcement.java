package dev.framekit.demos.discovery;

import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingOptions;
import dev.framekit.demos.options.FramingSettings;
import dev.framekit.demos.tls.Fingerprint;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import java.util.Objects;

/**
 * What a chat server tells the LAN about itself: enough for a client to join it without being
 * told anything ({@link AnnouncementCodec} puts it in a datagram). The server's address is the
 * datagram's source, never a field.
 *
 * @param name the server's name (its host name unless told otherwise)
 * @param port the chat port
 * @param framing the chat port's framing
 * @param settings every setting of that framing, so the client builds the same framer
 * @param crc32c whether each frame carries a CRC-32C trailer ({@code --crc32c}) around that framing
 * @param fingerprint the SHA-256 fingerprint of its TLS certificate, or null without TLS
 * @param webUrl the chat page's URL, or null without {@code --web-port}
 */
public record Announcement(String name, int port, Framing framing, FramingSettings settings, boolean crc32c,
        Fingerprint fingerprint, String webUrl) {
    /** Checks the fields are present; {@link AnnouncementCodec} checks their values. */
    public Announcement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(settings, "settings");
    }

    /** What a server on the framing {@code options} announces: every one of them that shapes its framer. */
    public static Announcement of(String name, int port, FramingOptions options, Fingerprint fingerprint, String webUrl) {
        return new Announcement(name, port, options.framing(), options.settings(), options.crc32c(), fingerprint, webUrl);
    }

    /**
     * How the server's framer describes itself ({@code Framer.toString()}, in printable ASCII):
     * what the server says it runs, and what a client checks against the framer the framing and
     * settings build, so that a server whose framer is more than its framing and settings say is
     * ignored rather than joined on another framing.
     */
    public String serverFramer() {
        return AnnouncementCodec.printable(framer(Framing.Side.SERVER).toString());
    }

    /** The framer for a client of this server: the server's framing and settings, the client's end. */
    public Framer clientFramer() {
        return framer(Framing.Side.CLIENT);
    }

    private Framer framer(Framing.Side side) {
        Framer framer = framing.build(settings, side);
        return crc32c ? Framers.crc32c(framer) : framer;
    }

    /** Whether the server speaks TLS (it announced a certificate fingerprint). */
    public boolean tls() {
        return fingerprint != null;
    }
}
