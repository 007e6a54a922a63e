package dev.framekit.framing.support;

/** A message handed to a framer in a test, with a short label for the test's display name. */
public record Payload(String label, byte[] bytes) {

    public static Payload of(String label, byte[] bytes) {
        return new Payload(label, bytes);
    }

    /** A message whose label is its own (short) text. */
    public static Payload text(String text) {
        return new Payload('"' + text + '"', FixtureBytes.utf8(text));
    }

    @Override
    public String toString() {
        return label;
    }
}
