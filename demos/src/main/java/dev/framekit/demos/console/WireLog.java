package dev.framekit.demos.console;

import dev.framekit.framing.Frame;
import dev.framekit.framing.Framer;
import java.nio.charset.StandardCharsets;

/** Shows frames as they travel (the --hexdump option), or nothing when it is off. */
public final class WireLog {
    private static final WireLog OFF = new WireLog(null, null);

    private final Console console;
    private final Framer framer;

    private WireLog(Console console, Framer framer) {
        this.console = console;
        this.framer = framer;
    }

    /** A log that prints every frame's wire bytes to {@code console}, or does nothing if {@code on} is false. */
    public static WireLog of(boolean on, Console console, Framer framer) {
        return on ? new WireLog(console, framer) : OFF;
    }

    /** Shows one frame carrying {@code text}, e.g. {@code show("sent to alice", "<bob> hi")}. */
    public void show(String label, String text) {
        if (console != null) {
            show(label, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Shows one frame carrying {@code payload}. */
    public void show(String label, byte[] payload) {
        if (console != null) {
            console.line(WireDump.of(label, framer, payload));
        }
    }

    /** Shows a frame this end sends, with its own header fields or WebSocket opcode. */
    public void show(String label, Frame frame) {
        if (console != null) {
            console.line(WireDump.of(label, framer, frame));
        }
    }

    /** Shows a frame this end decoded, as its peer framed it ({@link WireDump#ofReceived}). */
    public void showReceived(String label, Frame frame) {
        if (console != null) {
            console.line(WireDump.ofReceived(label, framer, frame));
        }
    }

    /** Whether frames are shown: a reader then reads typed frames, to show what their headers said. */
    public boolean isOn() {
        return console != null;
    }
}
